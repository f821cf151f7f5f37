package cn.zwy.tenant.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The service administration of one region (T2), keyed by its division code. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    @Column(name = "onboarded_at")
    private Instant onboardedAt;

    protected Tenant() {}

    public Tenant(String code, String name) {
        this.code = code;
        this.name = name;
        this.status = TenantStatus.ACTIVE;
        this.onboardedAt = Instant.now();
    }

    public String getCode() { return code; }

    public String getName() { return name; }

    public TenantStatus getStatus() { return status; }

    public Instant getOnboardedAt() { return onboardedAt; }
}
