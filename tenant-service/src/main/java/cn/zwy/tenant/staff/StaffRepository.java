package cn.zwy.tenant.staff;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface StaffRepository extends JpaRepository<Staff, UUID> {

    Optional<Staff> findByUsername(String username);

    List<Staff> findAllByOrderByUsername(Limit limit);

    List<Staff> findByUsernameGreaterThanOrderByUsername(String after, Limit limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Staff s where s.id = ?1")
    Optional<Staff> lock(UUID id);
}
