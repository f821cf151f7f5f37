package cn.zwy.search.api.guide;

/** A completion: the guide's name (or the alias that matched) and the guide it leads to. */
public record GuideSuggestion(String text, String itemId, String name, String tenantCode, String tenantName, boolean oneThing) {}
