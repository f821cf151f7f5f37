package cn.zwy.tenant.api.region;

/** A node of the division tree; {@code tenant} is set when the region is an onboarded tenant. */
public record RegionView(String code, String name, RegionLevel level, String parentCode, TenantView tenant) {}
