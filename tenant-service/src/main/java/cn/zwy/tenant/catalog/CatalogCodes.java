package cn.zwy.tenant.catalog;

import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.api.catalog.ItemType;
import java.util.regex.Pattern;

/**
 * Code formats of the standard catalog. Provincial coding standards differ in detail (e.g.
 * DB22/T 2848, DB52/T 1264); the platform uses one region-independent layout in their spirit:
 * <pre>
 *   basic code (基本编码) = type code (2 digits, {@link ItemType#code()})
 *                         + main code  (主项编码, 5 digits, 00001–99999)
 *                         + sub code   (子项编码, 3 digits, 000 when the item has no sub-items)
 *                         [+ grand-sub code (孙项编码, 2 characters 0–9/A–Z, only when there is a grand-sub item)]
 *   e.g. 07 00012 001     → 0700012001 (10 characters)
 *        01 00031 002 01  → 010003100201 (12 characters)
 * </pre>
 * The basic code is derived, never typed in, so it cannot disagree with its parts; the region
 * is not part of it (the same item has the same basic code in every province).
 */
public final class CatalogCodes {

    static final Pattern MAIN = Pattern.compile("\\d{5}");
    static final Pattern SUB = Pattern.compile("\\d{3}");
    static final Pattern GRAND = Pattern.compile("[0-9A-Z]{2}");
    public static final Pattern BASIC = Pattern.compile("\\d{10}([0-9A-Z]{2})?");

    private CatalogCodes() {}

    public static String basicCode(ItemType type, String main, String sub, String grand) {
        return type.code() + main + sub + (grand == null ? "" : grand);
    }

    /** Null when well-formed, else the problem. */
    public static Problem checkMain(String field, String code) {
        if (code == null || !MAIN.matcher(code).matches() || code.equals("00000")) {
            return Problem.format(field, "主项编码应为 5 位数字（00001–99999）: " + code);
        }
        return null;
    }

    public static Problem checkSub(String field, String code) {
        if (code == null || !SUB.matcher(code).matches()) {
            return Problem.format(field, "子项编码应为 3 位数字（无子项时为 000）: " + code);
        }
        return null;
    }

    public static Problem checkGrand(String field, String code) {
        if (code != null && !GRAND.matcher(code).matches()) {
            return Problem.format(field, "孙项编码应为 2 位数字或大写字母（如 01、A1）: " + code);
        }
        return null;
    }
}
