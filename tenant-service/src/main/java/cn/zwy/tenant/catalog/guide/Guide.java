package cn.zwy.tenant.catalog.guide;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A tenant's adoption of a standard item (S7); its guide lives in {@link GuideVersion}s. */
@Entity
@Table(name = "guide")
public class Guide {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "standard_item_id", updatable = false)
    private UUID standardItemId;

    @Column(name = "basic_code", updatable = false)
    private String basicCode;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    protected Guide() {}

    Guide(UUID standardItemId, String basicCode) {
        this.id = UUID.randomUUID();
        this.standardItemId = standardItemId;
        this.basicCode = basicCode;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() { return id; }
    public String getTenantId() { return tenantId; }
    public UUID getStandardItemId() { return standardItemId; }
    public String getBasicCode() { return basicCode; }
}
