package cn.zwy.gateway.region;

/** tenant-service's view of a region. */
public record RegionNode(String code, String name, String level, String parentCode, TenantNode tenant) {}
