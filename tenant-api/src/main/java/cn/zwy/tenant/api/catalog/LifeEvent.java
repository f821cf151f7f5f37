package cn.zwy.tenant.api.catalog;

/** The life and business events "one thing" packages are browsed by (G3). */
public enum LifeEvent {
    BIRTH("出生"), SCHOOL("入学"), EMPLOYMENT("就业"), MARRIAGE("结婚"), BUSINESS("开办企业"), RETIREMENT("退休"), DEATH("身后事");

    private final String label;

    LifeEvent(String label) { this.label = label; }

    public String label() { return label; }
}
