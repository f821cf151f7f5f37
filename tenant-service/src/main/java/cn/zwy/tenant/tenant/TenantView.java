package cn.zwy.tenant.tenant;

import java.time.Instant;

public record TenantView(String code, String name, String level, TenantStatus status, Instant onboardedAt,
                         Instant suspendedAt, String suspensionReason) {
    public static TenantView of(Tenant t) {
        return new TenantView(t.getCode(), t.getName(), t.getLevel(), t.getStatus(), t.getOnboardedAt(),
                t.getSuspendedAt(), t.getSuspensionReason());
    }
}
