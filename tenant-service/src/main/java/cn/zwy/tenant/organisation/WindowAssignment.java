package cn.zwy.tenant.organisation;

import cn.zwy.tenant.api.organisation.WindowPosition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A staff member holding a window post as A holder or as trained B backup (AB岗, T6). */
@Entity
@Table(name = "window_assignment")
public class WindowAssignment {


    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "window_id")
    private UUID windowId;

    @Column(name = "staff_id")
    private UUID staffId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private WindowPosition position;

    @Column(name = "assigned_by")
    private String assignedBy;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    protected WindowAssignment() {}

    WindowAssignment(UUID windowId, UUID staffId, WindowPosition position, String assignedBy) {
        this.id = UUID.randomUUID();
        this.windowId = windowId;
        this.staffId = staffId;
        this.position = position;
        this.assignedBy = assignedBy;
        this.assignedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getWindowId() { return windowId; }

    public UUID getStaffId() { return staffId; }

    public WindowPosition getPosition() { return position; }

    public String getAssignedBy() { return assignedBy; }

    public Instant getAssignedAt() { return assignedAt; }
}
