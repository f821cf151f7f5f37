package cn.zwy.tenant.staff;

import cn.zwy.tenant.api.organisation.StaffView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A staff member of one tenant (T7): the tenant's record of a Keycloak account of the staff realm. */
@Entity
@Table(name = "staff")
public class Staff {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    private String username;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "given_name")
    private String givenName;

    private String roles;

    private String site;

    private boolean enabled;

    @Column(name = "keycloak_id")
    private String keycloakId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Staff() {}

    public Staff(String username, String familyName, String givenName, SortedSet<String> roles, String site,
                 String keycloakId, String createdBy) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.familyName = familyName;
        this.givenName = givenName;
        this.roles = String.join(",", roles);
        this.site = site;
        this.enabled = true;
        this.keycloakId = keycloakId;
        this.createdBy = createdBy;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = createdAt;
    }

    void setRoles(SortedSet<String> roles) {
        this.roles = String.join(",", roles);
        this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    void disable() {
        this.enabled = false;
        this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    void linkAccount(String keycloakId) {
        this.keycloakId = keycloakId;
    }

    public SortedSet<String> roleSet() {
        return roles.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    public boolean hasRole(String role) {
        return List.of(roles.split(",")).contains(role);
    }

    public UUID getId() { return id; }

    public String getTenantId() { return tenantId; }

    public String getUsername() { return username; }

    public String getFamilyName() { return familyName; }

    public String getGivenName() { return givenName; }

    public String getSite() { return site; }

    public boolean isEnabled() { return enabled; }

    public String getKeycloakId() { return keycloakId; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getUpdatedAt() { return updatedAt; }

    /** The staff member as tenant-api shows it. */
    public static StaffView view(Staff s) {
        return new StaffView(s.getId(), s.getTenantId(), s.getUsername(), s.getFamilyName(), s.getGivenName(),
                s.getFamilyName() + s.getGivenName(), List.copyOf(s.roleSet()), s.getSite(), s.isEnabled(),
                s.getCreatedAt(), s.getUpdatedAt());
    }
}
