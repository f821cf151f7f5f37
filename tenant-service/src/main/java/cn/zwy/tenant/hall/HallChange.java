package cn.zwy.tenant.hall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One recorded change to a hall: who, when, before and after. Never updated. */
@Entity
@Immutable
@Table(name = "hall_change")
public class HallChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "hall_id")
    private UUID hallId;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_by_name")
    private String changedByName;

    @Column(name = "changed_by_id")
    private String changedById;

    @Column(name = "changed_fields")
    private String changedFields;

    @Column(name = "before_state")
    private String beforeState;

    @Column(name = "after_state")
    private String afterState;

    protected HallChange() {}

    HallChange(UUID hallId, String changedBy, String changedByName, String changedById, String changedFields,
               String beforeState, String afterState) {
        this.hallId = hallId;
        this.changedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.changedById = changedById;
        this.changedFields = changedFields;
        this.beforeState = beforeState;
        this.afterState = afterState;
    }

    public Long getSeq() { return seq; }
    public String getTenantId() { return tenantId; }
    public UUID getHallId() { return hallId; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getChangedByName() { return changedByName; }
    public String getChangedFields() { return changedFields; }
    public String getBeforeState() { return beforeState; }
    public String getAfterState() { return afterState; }
}
