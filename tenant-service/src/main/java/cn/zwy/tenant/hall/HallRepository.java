package cn.zwy.tenant.hall;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Queries are filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface HallRepository extends JpaRepository<Hall, UUID> {

    @Query("select h from Hall h where h.main = true")
    Optional<Hall> findMain();

    /** The town centre or village station of this region code (one at most). */
    Optional<Hall> findByRegionCodeAndMainFalse(String regionCode);

    boolean existsByRegionCode(String regionCode);

    /** Serialises concurrent edits of one hall so that each change record has the true "before". */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from Hall h where h.main = true")
    Optional<Hall> lockMain();
}
