package cn.zwy.tenant.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A department stationed in a hall (进驻部门, T5) with its chief representative (首席代表). */
@Entity
@Table(name = "department")
public class Department {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "hall_id")
    private UUID hallId;

    private String name;

    @Column(name = "chief_id")
    private UUID chiefId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Department() {}

    Department(UUID hallId, String name, UUID chiefId) {
        this.id = UUID.randomUUID();
        this.hallId = hallId;
        this.name = name;
        this.chiefId = chiefId;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() { return id; }

    public UUID getHallId() { return hallId; }

    public String getName() { return name; }

    public UUID getChiefId() { return chiefId; }
}
