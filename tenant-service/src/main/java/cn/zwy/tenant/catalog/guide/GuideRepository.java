package cn.zwy.tenant.catalog.guide;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface GuideRepository extends JpaRepository<Guide, UUID> {

    boolean existsByStandardItemId(UUID standardItemId);

    Optional<Guide> findByStandardItemId(UUID standardItemId);

    /** Serialises drafting, publishing and withdrawing of one guide (one version per publish). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from Guide g where g.id = :id")
    Optional<Guide> lock(UUID id);
}
