package cn.zwy.gateway.limits;

import cn.zwy.common.tenant.DivisionCodes;
import java.util.Collection;
import java.util.Map;

/**
 * Checks the gateway makes on arguments before any service is called: codes must have their
 * form (they become parts of service URLs, so "..", "/" or "{x}" must never get that far), and
 * no text may hold a NUL character (PostgreSQL cannot store it; a clear VALIDATION error instead
 * of a failure deep down). Applies by name, to arguments and input fields alike.
 */
final class ArgumentRules {

    private ArgumentRules() {}

    /** Thrown while costing a query; becomes a VALIDATION error naming the field. */
    static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    static void check(Map<String, Object> arguments) {
        arguments.forEach(ArgumentRules::check);
    }

    /** One argument (or input field) by its name; a map's entries by theirs, a list's items by the list's. */
    static void check(String name, Object value) {
        switch (value) {
            case null -> { }
            case String s -> checkText(name, s);
            case Map<?, ?> m -> m.forEach((k, v) -> check(String.valueOf(k), v));
            case Collection<?> c -> c.forEach(v -> check(name, v));
            default -> { }
        }
    }

    private static void checkText(String name, String s) {
        if (s.indexOf('\0') >= 0) throw new Invalid(name, name + " 含有不允许的空字符（NUL）");
        switch (name) {
            case "tenantCode" -> require(name, s, DivisionCodes.isTenant(s), "租户编码应为 4 位（地市）、6 位（区县）或 9 位（乡镇）数字");
            case "regionCode", "parentCode", "regionPrefix" -> require(name, s, DivisionCodes.isDivision(s), "区划代码应为 2、4、6、9 或 12 位数字");
            case "provinceCode" -> require(name, s, DivisionCodes.isProvince(s), "省级区划代码应为 2 位数字");
            default -> { }
        }
    }

    private static void require(String name, String s, boolean wellFormed, String message) {
        if (!wellFormed) throw new Invalid(name, message + "：" + abbreviate(s));
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
