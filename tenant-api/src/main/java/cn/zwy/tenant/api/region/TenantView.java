package cn.zwy.tenant.api.region;

import java.time.Instant;

/** An onboarded tenant (T2). */
public record TenantView(String code, String name, String level, TenantStatus status, Instant onboardedAt,
                         Instant suspendedAt, String suspensionReason) {}
