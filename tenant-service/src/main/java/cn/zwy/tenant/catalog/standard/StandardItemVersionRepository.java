package cn.zwy.tenant.catalog.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StandardItemVersionRepository extends JpaRepository<StandardItemVersion, UUID> {

    Optional<StandardItemVersion> findFirstByItemIdOrderByNumberDesc(UUID itemId);

    /** The version in effect on a day: the latest effective date not after it, the higher number on a tie. */
    @Query("""
            select v from StandardItemVersion v where v.itemId = :itemId and v.effectiveFrom <= :day
            order by v.effectiveFrom desc, v.number desc limit 1""")
    Optional<StandardItemVersion> inEffect(UUID itemId, LocalDate day);

    List<StandardItemVersion> findByItemIdOrderByNumberDesc(UUID itemId, Limit limit);

    List<StandardItemVersion> findByItemIdAndNumberLessThanOrderByNumberDesc(UUID itemId, int number, Limit limit);

    long countByItemId(UUID itemId);

    List<StandardItemVersion> findByItemIdInOrderByNumber(java.util.Collection<UUID> itemIds);
}
