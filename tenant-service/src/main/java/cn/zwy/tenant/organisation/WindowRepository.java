package cn.zwy.tenant.organisation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface WindowRepository extends JpaRepository<ServiceWindow, UUID> {
    List<ServiceWindow> findAllByOrderByNumber();

    List<ServiceWindow> findByHallIdOrderByNumber(UUID hallId);

    Optional<ServiceWindow> findByHallIdAndNumber(UUID hallId, String number);

    /** Serialises assignments to one window. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from ServiceWindow w where w.id = ?1")
    Optional<ServiceWindow> lock(UUID id);
}
