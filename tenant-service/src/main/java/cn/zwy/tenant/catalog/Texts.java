package cn.zwy.tenant.catalog;

import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.text.PlainText;
import java.util.List;
import java.util.regex.Pattern;

/** Checks of free text, phones and file references in catalog input, collected as {@link Problem}s. */
public final class Texts {

    private static final Pattern PHONE = Pattern.compile("[0-9][0-9\\-() ]{2,38}[0-9]");
    private static final Pattern FILE_REF = Pattern.compile("(https://|file:)[^\\s]{1,490}");

    private Texts() {}

    /**
     * Adds a problem unless {@code value} is null or acceptable text that may have lines (see
     * {@link PlainText}: no control characters but line breaks, no invisible format characters).
     */
    public static void text(List<Problem> out, String field, String value, int max, String label) {
        check(out, field, value, max, label, true);
    }

    /** Like {@link #text} for a name or title: one line. */
    public static void name(List<Problem> out, String field, String value, int max, String label) {
        check(out, field, value, max, label, false);
    }

    private static void check(List<Problem> out, String field, String value, int max, String label, boolean multiline) {
        if (value == null) return;
        String problem = PlainText.problem(value, max, label, multiline);
        if (problem != null) out.add(Problem.format(field, problem));
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
