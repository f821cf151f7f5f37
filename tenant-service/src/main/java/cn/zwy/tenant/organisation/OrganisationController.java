package cn.zwy.tenant.organisation;

import cn.zwy.common.security.Callers;
import cn.zwy.tenant.organisation.OrganisationViews.Created;
import cn.zwy.tenant.organisation.OrganisationViews.DepartmentView;
import cn.zwy.tenant.organisation.OrganisationViews.WindowView;
import cn.zwy.tenant.staff.StaffService;
import cn.zwy.tenant.staff.StaffView;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST for staff, departments, windows and AB岗. The services check the caller themselves. */
@RestController
@RequestMapping("/api/tenants/{tenantCode}")
public class OrganisationController {

    public record RolesBody(List<String> roles) {}

    private final OrganisationService organisation;
    private final StaffService staff;

    public OrganisationController(OrganisationService organisation, StaffService staff) {
        this.organisation = organisation;
        this.staff = staff;
    }

    @GetMapping("/staff")
    public StaffService.StaffPage staff(@PathVariable String tenantCode, @RequestParam(required = false) Integer first,
                                        @RequestParam(required = false) String after) {
        return staff.list(Callers.require(), tenantCode, first, after);
    }

    @PostMapping("/staff")
    public StaffService.CreateResult createStaff(@PathVariable String tenantCode, @RequestBody StaffService.NewStaff in) {
        return staff.create(Callers.require(), tenantCode, in);
    }

    public record InvitationBody(String username) {}

    /** A new one-time activation secret for the account (StaffService#issueInvitation). */
    @PostMapping("/staff/invitations")
    public StaffService.Invitation issueInvitation(@PathVariable String tenantCode, @RequestBody InvitationBody body) {
        return staff.issueInvitation(Callers.require(), tenantCode, body.username());
    }

    @PutMapping("/staff/{staffId}/roles")
    public StaffView updateRoles(@PathVariable String tenantCode, @PathVariable UUID staffId, @RequestBody RolesBody body) {
        return staff.updateRoles(Callers.require(), tenantCode, staffId, body.roles());
    }

    @PostMapping("/staff/{staffId}/disable")
    public StaffView disable(@PathVariable String tenantCode, @PathVariable UUID staffId) {
        return staff.disable(Callers.require(), tenantCode, staffId);
    }

    @GetMapping("/departments")
    public List<DepartmentView> departments(@PathVariable String tenantCode) {
        return organisation.departments(Callers.require(), tenantCode);
    }

    @PostMapping("/departments")
    public Created<DepartmentView> createDepartment(@PathVariable String tenantCode,
                                                    @RequestBody OrganisationService.NewDepartment in) {
        return organisation.createDepartment(Callers.require(), tenantCode, in);
    }

    @GetMapping("/windows")
    public List<WindowView> windows(@PathVariable String tenantCode, @RequestParam(required = false) UUID hallId) {
        return organisation.windows(Callers.require(), tenantCode, hallId);
    }

    @PostMapping("/windows")
    public Created<WindowView> createWindow(@PathVariable String tenantCode, @RequestBody OrganisationService.NewWindow in) {
        return organisation.createWindow(Callers.require(), tenantCode, in);
    }

    @PostMapping("/window-assignments")
    public WindowView assign(@PathVariable String tenantCode, @RequestBody OrganisationService.Assignment in) {
        return organisation.assign(Callers.require(), tenantCode, in);
    }

    @DeleteMapping("/windows/{windowId}/holders/{position}")
    public WindowView unassign(@PathVariable String tenantCode, @PathVariable UUID windowId,
                               @PathVariable WindowAssignment.Position position) {
        return organisation.unassign(Callers.require(), tenantCode, windowId, position);
    }
}
