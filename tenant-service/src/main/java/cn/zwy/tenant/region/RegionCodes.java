package cn.zwy.tenant.region;

import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Format rules of division codes (T1). */
public final class RegionCodes {

    private static final int[] LENGTHS = {2, 4, 6, 9, 12};

    private RegionCodes() {}

    /** Throws a VALIDATION error naming the field unless {@code code} has a division code's shape. */
    public static String requireFormat(String field, String code) {
        if (!DivisionCodes.isDivision(code)) {
            throw ApiException.validation(field, "行政区划代码格式不正确（应为 2、4、6、9 或 12 位数字）: " + code);
        }
        return code;
    }

    /** The code and all its ancestors, from the province down: 441825 → [44, 4418, 441825]. */
    public static List<String> path(String code) {
        List<String> out = new ArrayList<>();
        for (int len : LENGTHS) if (len <= code.length()) out.add(code.substring(0, len));
        return out;
    }
}
