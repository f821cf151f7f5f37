package cn.zwy.tenant.tenant;

import cn.zwy.tenant.api.region.TenantView;
import cn.zwy.tenant.api.region.TenantStatus;
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

    /** COUNTY or TOWN (T2: a county, or a town that is its own tenant). */
    private String level;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspension_reason")
    private String suspensionReason;

    protected Tenant() {}

    public Tenant(String code, String name) {
        this(code, name, code.length() == 9 ? "TOWN" : code.length() == 4 ? "CITY" : "COUNTY");
    }

    public Tenant(String code, String name, String level) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.status = TenantStatus.ACTIVE;
        this.onboardedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Offboarding: the data stays; staff can no longer act for the tenant. */
    public void suspend(String reason) {
        this.status = TenantStatus.SUSPENDED;
        this.suspendedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.suspensionReason = reason;
    }

    public void reactivate() {
        this.status = TenantStatus.ACTIVE;
        this.suspendedAt = null;
        this.suspensionReason = null;
    }

    public String getLevel() { return level; }

    public Instant getSuspendedAt() { return suspendedAt; }

    public String getSuspensionReason() { return suspensionReason; }

    public String getCode() { return code; }

    public String getName() { return name; }

    public TenantStatus getStatus() { return status; }

    public Instant getOnboardedAt() { return onboardedAt; }

    /** What the tenant registry answers (tenant-api). */
    public static TenantView view(Tenant t) {
        return new TenantView(t.getCode(), t.getName(), t.getLevel(), t.getStatus(), t.getOnboardedAt(),
                t.getSuspendedAt(), t.getSuspensionReason());
    }
}
