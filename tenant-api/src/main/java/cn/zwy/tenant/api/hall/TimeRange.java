package cn.zwy.tenant.api.hall;

/** One opening period, "HH:mm" to "HH:mm" on the same day. */
public record TimeRange(String opens, String closes) {}
