package cn.zwy.tenant.api.catalog;

/** Stored status of a guide version; SCHEDULED, CURRENT and SUPERSEDED are derived from dates. */
public enum GuideStatus { DRAFT, PUBLISHED, WITHDRAWN }
