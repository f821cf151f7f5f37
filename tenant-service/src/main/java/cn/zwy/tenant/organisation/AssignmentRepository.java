package cn.zwy.tenant.organisation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface AssignmentRepository extends JpaRepository<WindowAssignment, UUID> {
    List<WindowAssignment> findByWindowIdIn(List<UUID> windowIds);

    List<WindowAssignment> findByWindowId(UUID windowId);
}
