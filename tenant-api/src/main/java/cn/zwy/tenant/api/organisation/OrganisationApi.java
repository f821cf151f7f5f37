package cn.zwy.tenant.api.organisation;

import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.organisation.OrganisationViews.Created;
import cn.zwy.tenant.api.organisation.OrganisationViews.DepartmentView;
import cn.zwy.tenant.api.organisation.OrganisationViews.WindowView;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;

/**
 * Staff, departments, windows and AB岗 (T4–T7): tenant-service's {@code OrganisationController}
 * and {@code StaffReconciliationController}. Nothing here is public: personal data.
 */
@HttpExchange
public interface OrganisationApi {

    String STAFF = "/api/tenants/{tenantCode}/staff";
    String INVITATIONS = "/api/tenants/{tenantCode}/staff/invitations";
    String ROLES = "/api/tenants/{tenantCode}/staff/{staffId}/roles";
    String DISABLE = "/api/tenants/{tenantCode}/staff/{staffId}/disable";
    String RECONCILE = "/api/staff/reconcile";
    String DEPARTMENTS = "/api/tenants/{tenantCode}/departments";
    String WINDOWS = "/api/tenants/{tenantCode}/windows";
    String ASSIGNMENTS = "/api/tenants/{tenantCode}/window-assignments";
    String HOLDER = "/api/tenants/{tenantCode}/windows/{windowId}/holders/{position}";

    @GetExchange(STAFF)
    Mono<Page<StaffView>> staff(@PathVariable String tenantCode, @RequestParam(required = false) Integer first,
                                @RequestParam(required = false) String after);

    @PostExchange(STAFF)
    Mono<StaffInputs.CreateResult> createStaff(@PathVariable String tenantCode, @RequestBody StaffInputs.NewStaff staff);

    @PostExchange(INVITATIONS)
    Mono<StaffInputs.Invitation> issueInvitation(@PathVariable String tenantCode, @RequestBody StaffInputs.InvitationRequest body);

    @PutExchange(ROLES)
    Mono<StaffView> updateRoles(@PathVariable String tenantCode, @PathVariable UUID staffId, @RequestBody StaffInputs.Roles body);

    @PostExchange(DISABLE)
    Mono<StaffView> disable(@PathVariable String tenantCode, @PathVariable UUID staffId);

    @PostExchange(RECONCILE)
    Mono<StaffInputs.Report> reconcile();

    @GetExchange(DEPARTMENTS)
    Mono<List<DepartmentView>> departments(@PathVariable String tenantCode);

    @PostExchange(DEPARTMENTS)
    Mono<Created<DepartmentView>> createDepartment(@PathVariable String tenantCode, @RequestBody StaffInputs.NewDepartment department);

    @GetExchange(WINDOWS)
    Mono<List<WindowView>> windows(@PathVariable String tenantCode, @RequestParam(required = false) UUID hallId);

    @PostExchange(WINDOWS)
    Mono<Created<WindowView>> createWindow(@PathVariable String tenantCode, @RequestBody StaffInputs.NewWindow window);

    @PostExchange(ASSIGNMENTS)
    Mono<WindowView> assign(@PathVariable String tenantCode, @RequestBody StaffInputs.Assignment assignment);

    @DeleteExchange(HOLDER)
    Mono<WindowView> unassign(@PathVariable String tenantCode, @PathVariable UUID windowId, @PathVariable WindowPosition position);
}
