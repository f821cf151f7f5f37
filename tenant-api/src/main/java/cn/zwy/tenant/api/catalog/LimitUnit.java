package cn.zwy.tenant.api.catalog;

/** Units of time limits: working days (C4, the default) or calendar days where a law says so. */
public enum LimitUnit {
    WORKING_DAY("个工作日"), NATURAL_DAY("个自然日");

    private final String label;

    LimitUnit(String label) { this.label = label; }

    public String label() { return label; }
}
