package cn.zwy.gateway.organisation;

import cn.zwy.gateway.graphql.Ids;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.NewHall;
import cn.zwy.tenant.api.organisation.BusinessCategory;
import cn.zwy.tenant.api.organisation.StaffInputs;
import cn.zwy.tenant.api.organisation.WindowKind;
import cn.zwy.tenant.api.organisation.WindowPosition;
import java.util.List;

/**
 * The schema's organisation inputs. Each names its tenant (it goes into the service's path, after
 * the gateway's tenant check); the rest becomes tenant-api's body, ids checked on the way.
 */
final class OrganisationInputs {

    private OrganisationInputs() {}

    record AddHallInput(String tenantCode, String regionCode, String name, String address, String phone,
                        List<DayHours> openingHours) {
        NewHall body() {
            return new NewHall(regionCode, name, address, phone, openingHours);
        }
    }

    record CreateStaffInput(String tenantCode, String username, String familyName, String givenName, List<String> roles,
                            String site) {
        StaffInputs.NewStaff body() {
            return new StaffInputs.NewStaff(username, familyName, givenName, roles, site);
        }
    }

    record IssueStaffInvitationInput(String tenantCode, String username) {}

    record UpdateStaffRolesInput(String tenantCode, String staffId, List<String> roles) {}

    record DisableStaffInput(String tenantCode, String staffId) {}

    record CreateDepartmentInput(String tenantCode, String hallId, String name, String chiefRepresentativeId) {
        StaffInputs.NewDepartment body() {
            return new StaffInputs.NewDepartment(Ids.uuid("hallId", hallId), name, Ids.uuid("chiefRepresentativeId", chiefRepresentativeId));
        }
    }

    record CreateWindowInput(String tenantCode, String hallId, String number, String name, WindowKind kind,
                             String departmentId, List<BusinessCategory> categories) {
        StaffInputs.NewWindow body() {
            return new StaffInputs.NewWindow(Ids.uuid("hallId", hallId), number, name, kind,
                    Ids.uuid("departmentId", departmentId), categories);
        }
    }

    record AssignWindowHolderInput(String tenantCode, String windowId, String staffId, WindowPosition position) {
        StaffInputs.Assignment body() {
            return new StaffInputs.Assignment(Ids.uuid("windowId", windowId), Ids.uuid("staffId", staffId), position);
        }
    }

    record UnassignWindowHolderInput(String tenantCode, String windowId, WindowPosition position) {}
}
