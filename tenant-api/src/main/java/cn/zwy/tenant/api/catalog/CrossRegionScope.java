package cn.zwy.tenant.api.catalog;

/** Where else an item may be filed (同城通办/异地通办, C12, S7); wider scopes include the narrower. */
public enum CrossRegionScope {
    NONE("仅本地受理"), SAME_CITY("同城通办"), PROVINCE("全省通办"), NATIONWIDE("跨省通办");

    private final String label;

    CrossRegionScope(String label) { this.label = label; }

    public String label() { return label; }
}
