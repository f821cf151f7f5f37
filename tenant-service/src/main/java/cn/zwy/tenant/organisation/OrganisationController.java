package cn.zwy.tenant.organisation;

import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.organisation.OrganisationApi;
import cn.zwy.tenant.api.organisation.StaffInputs;
import cn.zwy.tenant.api.organisation.WindowPosition;
import cn.zwy.common.security.Callers;
import cn.zwy.tenant.api.organisation.OrganisationViews.Created;
import cn.zwy.tenant.api.organisation.OrganisationViews.DepartmentView;
import cn.zwy.tenant.api.organisation.OrganisationViews.WindowView;
import cn.zwy.tenant.staff.StaffService;
import cn.zwy.tenant.api.organisation.StaffView;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST for staff, departments, windows and AB岗 (tenant-api's {@link OrganisationApi}). The services check the caller themselves. */
@RestController
public class OrganisationController {

    private final OrganisationService organisation;
    private final StaffService staff;

    public OrganisationController(OrganisationService organisation, StaffService staff) {
        this.organisation = organisation;
        this.staff = staff;
    }

    @GetMapping(OrganisationApi.STAFF)
    public Page<StaffView> staff(@PathVariable String tenantCode, @RequestParam(required = false) Integer first,
                                        @RequestParam(required = false) String after) {
        return staff.list(Callers.require(), tenantCode, first, after);
    }

    @PostMapping(OrganisationApi.STAFF)
    public StaffInputs.CreateResult createStaff(@PathVariable String tenantCode, @RequestBody StaffInputs.NewStaff in) {
        return staff.create(Callers.require(), tenantCode, in);
    }

    /** A new one-time activation secret for the account (StaffService#issueInvitation). */
    @PostMapping(OrganisationApi.INVITATIONS)
    public StaffInputs.Invitation issueInvitation(@PathVariable String tenantCode, @RequestBody StaffInputs.InvitationRequest body) {
        return staff.issueInvitation(Callers.require(), tenantCode, body.username());
    }

    @PutMapping(OrganisationApi.ROLES)
    public StaffView updateRoles(@PathVariable String tenantCode, @PathVariable UUID staffId, @RequestBody StaffInputs.Roles body) {
        return staff.updateRoles(Callers.require(), tenantCode, staffId, body.roles());
    }

    @PostMapping(OrganisationApi.DISABLE)
    public StaffView disable(@PathVariable String tenantCode, @PathVariable UUID staffId) {
        return staff.disable(Callers.require(), tenantCode, staffId);
    }

    @GetMapping(OrganisationApi.DEPARTMENTS)
    public List<DepartmentView> departments(@PathVariable String tenantCode) {
        return organisation.departments(Callers.require(), tenantCode);
    }

    @PostMapping(OrganisationApi.DEPARTMENTS)
    public Created<DepartmentView> createDepartment(@PathVariable String tenantCode,
                                                    @RequestBody StaffInputs.NewDepartment in) {
        return organisation.createDepartment(Callers.require(), tenantCode, in);
    }

    @GetMapping(OrganisationApi.WINDOWS)
    public List<WindowView> windows(@PathVariable String tenantCode, @RequestParam(required = false) UUID hallId) {
        return organisation.windows(Callers.require(), tenantCode, hallId);
    }

    @PostMapping(OrganisationApi.WINDOWS)
    public Created<WindowView> createWindow(@PathVariable String tenantCode, @RequestBody StaffInputs.NewWindow in) {
        return organisation.createWindow(Callers.require(), tenantCode, in);
    }

    @PostMapping(OrganisationApi.ASSIGNMENTS)
    public WindowView assign(@PathVariable String tenantCode, @RequestBody StaffInputs.Assignment in) {
        return organisation.assign(Callers.require(), tenantCode, in);
    }

    @DeleteMapping(OrganisationApi.HOLDER)
    public WindowView unassign(@PathVariable String tenantCode, @PathVariable UUID windowId,
                               @PathVariable WindowPosition position) {
        return organisation.unassign(Callers.require(), tenantCode, windowId, position);
    }
}
