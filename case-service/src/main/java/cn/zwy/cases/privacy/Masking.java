package cn.zwy.cases.privacy;

/**
 * How personal numbers appear in every staff view by default (M3): enough to tell two applicants
 * apart and to check a number read out at the window, never the whole number.
 * {@code 441825199003071234} → {@code 4418**********1234}; {@code 13812345678} → {@code 138****5678}; 张三 → 张*;
 * a credit code is public record and is not masked.
 */
public final class Masking {

    private Masking() {}

    /** ID number: the first four and the last four characters (province, city; sequence and check digit). */
    public static String idNumber(String value) {
        if (value == null) return null;
        if (value.length() <= 8) return "*".repeat(value.length());
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /** Mobile number: the first three and the last four digits. */
    public static String phone(String value) {
        if (value == null) return null;
        if (value.length() <= 7) return "*".repeat(value.length());
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** A person's name: the first character (the surname, mostly) and one star for each other, at least one: 张*, 欧阳** → 欧**. */
    public static String name(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        int first = v.offsetByCodePoints(0, 1);
        return v.substring(0, first) + "*".repeat(Math.max(1, v.codePointCount(first, v.length())));
    }
}
