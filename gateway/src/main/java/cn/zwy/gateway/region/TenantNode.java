package cn.zwy.gateway.region;

import java.time.Instant;

public record TenantNode(String code, String name, String level, String status, Instant onboardedAt, Instant suspendedAt,
                         String suspensionReason) {}
