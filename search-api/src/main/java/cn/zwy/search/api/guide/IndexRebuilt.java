package cn.zwy.search.api.guide;

/**
 * What a rebuild of the guides index did: the new index now behind the alias, the tenants whose catalogs
 * were read, the guides indexed and the later versions scheduled for their effective dates.
 */
public record IndexRebuilt(String index, int tenants, int guides, int scheduled, long millis) {}
