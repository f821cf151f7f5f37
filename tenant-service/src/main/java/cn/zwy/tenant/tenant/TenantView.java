package cn.zwy.tenant.tenant;

import java.time.Instant;

public record TenantView(String code, String name, TenantStatus status, Instant onboardedAt) {
    public static TenantView of(Tenant t) {
        return new TenantView(t.getCode(), t.getName(), t.getStatus(), t.getOnboardedAt());
    }
}
