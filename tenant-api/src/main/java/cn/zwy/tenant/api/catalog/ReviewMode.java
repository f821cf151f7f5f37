package cn.zwy.tenant.api.catalog;

/** V3: a "one thing" package gets one review for the whole package, or one per item. */
public enum ReviewMode { PACKAGE, PER_ITEM }
