package cn.zwy.common.tenant;

import java.util.regex.Pattern;

/**
 * The shapes of administrative division codes (T1), the same in every layer that checks them: the
 * gateway before it builds a service URL, the services, the tenant scope of a transaction and the
 * region filter of a search. Shape only: whether a division exists is the region directory's answer.
 */
public final class DivisionCodes {

    /** Province 2, city 4, county 6, town 9, village 12 digits. */
    private static final Pattern DIVISION = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");
    /** A tenant is a county (6 digits), a city (4) or a town (9 digits) (T2: "a city or a town may be its own tenant"). */
    private static final Pattern TENANT = Pattern.compile("\\d{4}|\\d{6}|\\d{9}");
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");

    private DivisionCodes() {}

    public static boolean isDivision(String code) { return code != null && DIVISION.matcher(code).matches(); }

    public static boolean isTenant(String code) { return code != null && TENANT.matcher(code).matches(); }

    public static boolean isProvince(String code) { return code != null && PROVINCE.matcher(code).matches(); }
}
