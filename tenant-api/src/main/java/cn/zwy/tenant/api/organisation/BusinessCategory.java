package cn.zwy.tenant.api.organisation;

/** A business category of the queue (A5) served at a window: a short code (ticket prefix) and a name. */
public record BusinessCategory(String code, String name) {}
