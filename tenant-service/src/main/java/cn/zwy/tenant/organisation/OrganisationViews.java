package cn.zwy.tenant.organisation;

import cn.zwy.tenant.staff.StaffView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the internal REST returns for departments and windows. */
public final class OrganisationViews {

    private OrganisationViews() {}

    public record DepartmentView(UUID id, String tenantCode, UUID hallId, String name, StaffView chiefRepresentative) {}

    public record HolderView(WindowAssignment.Position position, StaffView staff, String assignedBy, Instant assignedAt) {}

    public record WindowView(UUID id, String tenantCode, UUID hallId, String number, String name, ServiceWindow.Kind kind,
                             DepartmentView department, List<BusinessCategory> categories, HolderView aHolder,
                             HolderView bHolder) {}

    public record Created<T>(T value, boolean created) {}
}
