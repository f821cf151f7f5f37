package cn.zwy.cases.applicant;

import cn.zwy.common.error.ApiException;

/**
 * A 统一社会信用代码 (GB 32100-2015) that passed every check: 18 characters of the code's
 * alphabet (digits and upper-case letters without I, O, Z, S, V), a six-digit administrative
 * division code in positions 3–8 and the MOD 31 check character. Made only through
 * {@link #parse}; the value is trimmed and upper-cased.
 */
public record CreditCode(String value) {

    private static final String LABEL = "统一社会信用代码";
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (problem(value) != null) throw new IllegalArgumentException("not a valid unified social credit code");
    }

    /** The code as typed, checked; a VALIDATION error naming {@code field} otherwise. */
    public static CreditCode parse(String field, String raw) {
        String v = raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
        String problem = problem(v);
        if (problem != null) throw ApiException.validation(field, problem);
        return new CreditCode(v);
    }

    public static boolean isValid(String raw) {
        return problem(raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT)) == null;
    }

    /** The division code of the registering authority (positions 3–8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    private static String problem(String v) {
        if (v == null || v.isEmpty()) return LABEL + "不能为空";
        if (v.length() != 18) return LABEL + "应为 18 位，实际 " + v.length() + " 位";
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                return LABEL + "第 " + (i + 1) + " 位“" + v.charAt(i) + "”不是允许的字符（数字或除 I、O、Z、S、V 外的大写字母）";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(v.charAt(i))) return LABEL + "第 3–8 位应为行政区划代码（数字）";
        }
        if (checkCharacter(v) != v.charAt(17)) return LABEL + "校验位不正确，请核对代码";
        return null;
    }
}
