package cn.zwy.tenant.api.organisation;

/** A window that accepts any item of the hall (前台综合受理, T4), or a stationed department's own. */
public enum WindowKind { COMPREHENSIVE, DEPARTMENT }
