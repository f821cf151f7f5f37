package cn.zwy.tenant.organisation;

import cn.zwy.tenant.api.organisation.WindowKind;
import cn.zwy.tenant.api.organisation.BusinessCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A window of a hall (窗口, T4): comprehensive, or a stationed department's own. */
@Entity
@Table(name = "service_window")
public class ServiceWindow {


    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "hall_id")
    private UUID hallId;

    private String number;

    private String name;

    @Enumerated(EnumType.STRING)
    private WindowKind kind;

    @Column(name = "department_id")
    private UUID departmentId;

    @Convert(converter = BusinessCategories.ListConverter.class)
    private List<BusinessCategory> categories;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ServiceWindow() {}

    ServiceWindow(UUID hallId, String number, String name, WindowKind kind, UUID departmentId, List<BusinessCategory> categories) {
        this.id = UUID.randomUUID();
        this.hallId = hallId;
        this.number = number;
        this.name = name;
        this.kind = kind;
        this.departmentId = departmentId;
        this.categories = List.copyOf(categories);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() { return id; }

    public UUID getHallId() { return hallId; }

    public String getNumber() { return number; }

    public String getName() { return name; }

    public WindowKind getKind() { return kind; }

    public UUID getDepartmentId() { return departmentId; }

    public List<BusinessCategory> getCategories() { return categories; }
}
