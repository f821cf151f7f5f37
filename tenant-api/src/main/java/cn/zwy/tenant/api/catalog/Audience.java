package cn.zwy.tenant.api.catalog;

/** Who an item serves (服务对象, S3). */
public enum Audience {
    INDIVIDUAL("自然人"), ENTERPRISE("企业法人"), ORGANISATION("事业单位、社会组织");

    private final String label;

    Audience(String label) { this.label = label; }

    public String label() { return label; }
}
