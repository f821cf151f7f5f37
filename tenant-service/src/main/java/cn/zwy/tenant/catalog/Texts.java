package cn.zwy.tenant.catalog;

import java.util.List;
import java.util.regex.Pattern;

/** Shared checks of free text, phones and file references in catalog input. */
public final class Texts {

    private static final Pattern PHONE = Pattern.compile("[0-9][0-9\\-() ]{2,38}[0-9]");
    private static final Pattern FILE_REF = Pattern.compile("(https://|file:)[^\\s]{1,490}");

    private Texts() {}

    /** Adds a problem unless {@code value} is null or 1..max characters without control characters. */
    public static void text(List<Problem> out, String field, String value, int max, String label) {
        if (value == null) return;
        String v = value.strip();
        if (v.isEmpty()) {
            out.add(Problem.format(field, label + "不能为空"));
        } else if (v.codePointCount(0, v.length()) > max) {
            out.add(Problem.format(field, label + "不能超过 " + max + " 个字符（收到 " + v.codePointCount(0, v.length()) + " 个）"));
        } else if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            out.add(Problem.format(field, label + "不能包含控制字符"));
        }
    }

    public static void phone(List<Problem> out, String field, String value, String label) {
        if (value != null && !PHONE.matcher(value.strip()).matches()) {
            out.add(Problem.format(field, label + "格式不正确（如 12345、0763-6612345）: " + value));
        }
    }

    public static void fileRef(List<Problem> out, String field, String value, String label) {
        if (value != null && !FILE_REF.matcher(value).matches()) {
            out.add(Problem.format(field, label + "应为 https:// 链接或平台文件引用 file:…: " + value));
        }
    }

    public static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
