package cn.zwy.tenant.api.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What tenant-service returns for departments and windows (T4–T6). */
public final class OrganisationViews {

    private OrganisationViews() {}

    public record DepartmentView(UUID id, String tenantCode, UUID hallId, String name, StaffView chiefRepresentative) {}

    public record HolderView(WindowPosition position, StaffView staff, String assignedBy, Instant assignedAt) {}

    public record WindowView(UUID id, String tenantCode, UUID hallId, String number, String name, WindowKind kind,
                             DepartmentView department, List<BusinessCategory> categories, HolderView aHolder,
                             HolderView bHolder) {}

    /** {@code created} is false when the same call was made before: nothing new was created. */
    public record Created<T>(T value, boolean created) {}
}
