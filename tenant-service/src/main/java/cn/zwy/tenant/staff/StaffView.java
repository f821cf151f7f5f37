package cn.zwy.tenant.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff member as the tenant's staff and its province's administrator see it (personal data: never public). */
public record StaffView(UUID id, String tenantCode, String username, String familyName, String givenName, String name,
                        List<String> roles, String site, boolean enabled, Instant createdAt, Instant updatedAt) {

    public static StaffView of(Staff s) {
        return new StaffView(s.getId(), s.getTenantId(), s.getUsername(), s.getFamilyName(), s.getGivenName(),
                s.getFamilyName() + s.getGivenName(), List.copyOf(s.roleSet()), s.getSite(), s.isEnabled(),
                s.getCreatedAt(), s.getUpdatedAt());
    }
}
