package cn.zwy.tenant.text;

import cn.zwy.common.error.ApiException;
import java.util.Locale;

/**
 * The one check of free text that enters tenant-service (names of halls, departments, windows,
 * items and guide fields, reasons): not blank, not too long, and no invisible characters.
 * Invisible means control characters (a line break is allowed where the text may have lines)
 * and every Unicode format character (category Cf: the bidi overrides and isolates U+202A–U+202E
 * and U+2066–U+2069, the marks U+200E/U+200F, zero-width U+200B–U+200D, U+2060, U+FEFF, soft
 * hyphen…), plus the line and paragraph separators U+2028/U+2029. A name containing U+202E is
 * shown reversed in every list that prints it (a hall called "…心中务服" read as "…服务中心"), and
 * zero-width characters make two names that look the same different: both let one tenant dress
 * up its data as something else, so they are refused, not silently removed (issue 6).
 */
public final class PlainText {

    private PlainText() {}

    /**
     * Why {@code value} is not acceptable, or null when it is. The value is judged stripped of
     * leading and trailing white space, as it will be stored.
     *
     * @param multiline whether the text may contain line breaks ({@code \n})
     */
    public static String problem(String value, int max, String label, boolean multiline) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) return label + "不能为空";
        int length = v.codePointCount(0, v.length());
        if (length > max) return label + "不能超过 " + max + " 个字符（收到 " + length + " 个）";
        int position = 0;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            position++;
            if (Character.isISOControl(cp) && !(multiline && cp == '\n')) {
                return label + "不能包含控制字符（第 " + position + " 个字符为 " + hex(cp) + "）";
            }
            if (invisible(cp)) {
                return label + "不能包含不可见的格式字符（如从右向左覆盖 U+202E、零宽空格 U+200B），第 " + position
                        + " 个字符为 " + hex(cp);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The stripped value, or a VALIDATION error on {@code field} saying what is wrong. Single line. */
    public static String require(String field, String value, int max, String label) {
        String problem = problem(value, max, label, false);
        if (problem != null) throw ApiException.validation(field, problem);
        return value.strip();
    }

    /** A format character (Cf) or a line/paragraph separator: invisible, or reorders what follows. */
    static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
