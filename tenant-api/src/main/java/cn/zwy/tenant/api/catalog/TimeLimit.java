package cn.zwy.tenant.api.catalog;

/** A time limit (法定时限/承诺时限): a number of days in a unit; 0 means on the spot (即办). */
public record TimeLimit(Integer value, LimitUnit unit) {

    public static final int MAX_DAYS = 730;

    @Override
    public String toString() {
        return value + (unit == null ? "" : unit.label());
    }
}
