package cn.zwy.tenant.api.catalog;

/**
 * Item types (事项类型, S1) with the two-digit type code that starts every basic code. The code
 * table is the platform's own (modelled on the provincial coding standards, which differ in
 * detail); it is documented in {@link CatalogCodes}.
 */
public enum ItemType {
    LICENSE("01", "行政许可"),
    COLLECTION("04", "行政征收"),
    PAYMENT("05", "行政给付"),
    CONFIRMATION("07", "行政确认"),
    REWARD("08", "行政奖励"),
    RULING("09", "行政裁决"),
    OTHER_POWER("10", "其他行政权力"),
    PUBLIC_SERVICE("20", "公共服务");

    private final String code;
    private final String label;

    ItemType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }

    public String label() { return label; }
}
