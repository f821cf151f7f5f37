package cn.zwy.cases.applicant;

import cn.zwy.common.error.ApiException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * A 居民身份证号码 (GB 11643-1999) that passed every check: 18 characters, a plausible region
 * prefix, a real birth date and the ISO 7064 MOD 11-2 check character ({@code X} for 10). It can
 * only be made through {@link #parse}, so holding one means it is valid. The value is normalised
 * (trimmed, a lower-case {@code x} upper-cased), which is also the form the blind index hashes.
 */
public record ResidentIdNumber(String value) {

    private static final String LABEL = "居民身份证号码";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /**
     * Province-level codes of GB/T 2260 (the first two digits), plus 81/82/83 of the residence
     * permits for Hong Kong, Macao and Taiwan residents, which carry the same check digit.
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public ResidentIdNumber {
        if (problem(value) != null) throw new IllegalArgumentException("not a valid resident ID number");
    }

    /**
     * The number as typed, checked; a VALIDATION error naming {@code field} (e.g.
     * {@code applicant.idNumber}) and saying what is wrong otherwise.
     */
    public static ResidentIdNumber parse(String field, String raw) {
        String v = normalise(raw);
        String problem = problem(v);
        if (problem != null) throw ApiException.validation(field, problem);
        return new ResidentIdNumber(v);
    }

    /** True if {@link #parse} would accept it. */
    public static boolean isValid(String raw) {
        return problem(normalise(raw)) == null;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** The six-digit administrative division code of the place of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The check character the first 17 digits call for. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }

    private static String normalise(String raw) {
        return raw == null ? null : raw.strip().replace('x', 'X');
    }

    private static String problem(String v) {
        if (v == null || v.isEmpty()) return LABEL + "不能为空";
        if (v.length() != 18) return LABEL + "应为 18 位，实际 " + v.length() + " 位";
        for (int i = 0; i < 17; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') return LABEL + "前 17 位应为数字";
        }
        char last = v.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') return LABEL + "第 18 位应为数字或 X";
        if (!PROVINCES.contains(v.substring(0, 2))) return LABEL + "前两位不是有效的省级行政区划代码";
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            return LABEL + "中的出生日期（第 7–14 位）不是有效日期";
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now())) {
            return LABEL + "中的出生日期（第 7–14 位）不在合理范围内";
        }
        if (checkCharacter(v) != last) return LABEL + "校验位不正确，请核对号码";
        return null;
    }

    /** Never the full number in logs or exception messages (M3). */
    @Override
    public String toString() {
        return "ResidentIdNumber[" + value.substring(0, 4) + "**********" + value.substring(14) + "]";
    }
}
