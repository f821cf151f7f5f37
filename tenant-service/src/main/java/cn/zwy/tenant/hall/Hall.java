package cn.zwy.tenant.hall;

import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.hall.HallLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A service hall (服务大厅, T4) of one tenant. */
@Entity
@Table(name = "hall")
public class Hall {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    private HallLevel level;

    private boolean main;

    private String name;

    private String address;

    private String phone;

    @Convert(converter = OpeningHoursConverter.class)
    @Column(name = "opening_hours")
    private OpeningHours openingHours;

    @Version
    private int version;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Hall() {}

    public Hall(String regionCode, HallLevel level, boolean main, HallDetails details) {
        this.id = UUID.randomUUID();
        this.regionCode = regionCode;
        this.level = level;
        this.main = main;
        apply(details);
    }

    void apply(HallDetails d) {
        this.name = d.name();
        this.address = d.address();
        this.phone = d.phone();
        this.openingHours = d.openingHours();
        this.updatedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public HallDetails details() {
        return new HallDetails(name, address, phone, openingHours);
    }

    public UUID getId() { return id; }

    public String getTenantId() { return tenantId; }

    public String getRegionCode() { return regionCode; }

    public HallLevel getLevel() { return level; }

    public boolean isMain() { return main; }

    public int getVersion() { return version; }

    public Instant getUpdatedAt() { return updatedAt; }

    /** A hall's public data (tenant-api). */
    public static HallView view(Hall h) {
        HallDetails d = h.details();
        return new HallView(h.getId(), h.getTenantId(), h.getRegionCode(), h.getLevel(), h.isMain(), d.name(),
                d.address(), d.phone(), d.openingHours().days(), h.getVersion(), h.getUpdatedAt());
    }
}
