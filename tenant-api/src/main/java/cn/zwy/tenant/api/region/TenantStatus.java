package cn.zwy.tenant.api.region;

/** A suspended (offboarded) tenant keeps its data; its staff can no longer act for it. */
public enum TenantStatus { ACTIVE, SUSPENDED }
