package cn.zwy.tenant.api.organisation;

import java.util.List;
import java.util.UUID;

/** What tenant-service takes to change staff, departments and windows, and its answers that are not views. */
public final class StaffInputs {

    private StaffInputs() {}

    public record NewStaff(String username, String familyName, String givenName, List<String> roles, String site) {}

    /**
     * {@code activationSecret}: the one-time secret of a new account (null when nothing was
     * created); shown once to the administrator, who hands it to the person.
     */
    public record CreateResult(StaffView staff, boolean created, String activationSecret) {}

    public record InvitationRequest(String username) {}

    /** A new one-time secret for the account; its earlier password and sessions no longer work. */
    public record Invitation(StaffView staff, String activationSecret) {}

    public record Roles(List<String> roles) {}

    public record NewDepartment(UUID hallId, String name, UUID chiefRepresentativeId) {}

    public record NewWindow(UUID hallId, String number, String name, WindowKind kind, UUID departmentId,
                            List<BusinessCategory> categories) {}

    public record Assignment(UUID windowId, UUID staffId, WindowPosition position) {}

    /** What the T7 reconciliation of Keycloak's staff accounts with the staff records found and repaired. */
    public record Report(int checkedAccounts, List<String> createdRecords, List<String> disabledAccounts,
                         List<String> recordsWithoutAccount, List<String> accountsOfUnknownTenants) {
        public boolean drift() {
            return !createdRecords.isEmpty() || !disabledAccounts.isEmpty() || !recordsWithoutAccount.isEmpty()
                    || !accountsOfUnknownTenants.isEmpty();
        }
    }
}
