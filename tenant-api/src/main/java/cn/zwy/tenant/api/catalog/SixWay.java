package cn.zwy.tenant.api.catalog;

/** The "six ways" tags (六办, S2). */
public enum SixWay {
    SELF_SERVICE("自助办"), IMMEDIATE("马上办"), TOLERATED_MISSING("容缺办"), FULLY_ONLINE("全网办"),
    ONE_ID("一证办"), NEARBY("就近办");

    private final String label;

    SixWay(String label) { this.label = label; }

    public String label() { return label; }
}
