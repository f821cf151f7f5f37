package cn.zwy.tenant.api.organisation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff member as the tenant's staff and its province's administrator see it (personal data: never public). */
public record StaffView(UUID id, String tenantCode, String username, String familyName, String givenName, String name,
                        List<String> roles, String site, boolean enabled, Instant createdAt, Instant updatedAt) {}
