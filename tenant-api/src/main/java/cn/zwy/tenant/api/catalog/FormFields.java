package cn.zwy.tenant.api.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An item's own form fields (G3, ADR 0032): their rules when a guide is saved ({@link #check}), the values a filing
 * gives for them ({@link #fill}, the same code in tenant-service and case-service) and the package's one form
 * ({@link #merge}: a field several items declare alike is asked once).
 */
public final class FormFields {

    static final int MAX_FIELDS = 20;
    static final int MAX_OPTIONS = 20;
    static final int MAX_TEXT = 200;
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_]{0,39}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,4})?");

    private FormFields() {}

    /** A value as the applicant gives it. */
    public record Value(String key, String value) {}

    /** A value the filing keeps, with the field's label (what staff see on the case). */
    public record Filled(String key, String label, String value) {}

    /**
     * A field of a package's one form: {@code key} is the key it is asked under in the package (the field's own key,
     * or {@code key@n} when part n declares a different field under that key); {@code parts}: the parts (0-based,
     * in the package's order) that ask it; required when any of them requires it.
     */
    public record Merged(String key, FormField field, List<Integer> parts, boolean required) {
        /** The field as asked in the package (its package key and the package's requirement). */
        public FormField asked() {
            return new FormField(key, field.label(), field.type(), required, field.options(), field.help());
        }
    }

    /** What makes the fields unusable; each problem names its field ({@code guide.formFields[1].options}) and rule G3. */
    public static List<Problem> check(List<FormField> fields, String base) {
        List<Problem> p = new ArrayList<>();
        if (fields == null) return p;
        if (fields.size() > MAX_FIELDS) {
            p.add(rule(base, "事项自有的表单字段不能超过 " + MAX_FIELDS + " 个"));
            return p;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField f = fields.get(i);
            String at = base + "[" + i + "]";
            if (f == null) { p.add(rule(at, "表单字段不能为空")); continue; }
            if (f.key() == null || !KEY.matcher(f.key()).matches()) {
                p.add(rule(at + ".key", "字段编号应为 1–40 个字母、数字或下划线，以小写字母开头: " + f.key()));
            } else if (!keys.add(f.key())) {
                p.add(rule(at + ".key", "字段编号重复: " + f.key()));
            }
            if (f.label() == null || f.label().isBlank()) p.add(rule(at + ".label", "字段名称不能为空"));
            else if (f.label().length() > 50) p.add(rule(at + ".label", "字段名称不能超过 50 字"));
            if (f.help() != null && f.help().length() > 300) p.add(rule(at + ".help", "填写说明不能超过 300 字"));
            if (f.type() == null) {
                p.add(rule(at + ".type", "请说明字段类型（TEXT、NUMBER、DATE、YES_NO 或 CHOICE）"));
                continue;
            }
            List<String> options = f.options() == null ? List.of() : f.options();
            if (f.type() == FormField.Type.CHOICE) {
                if (options.size() < 2 || options.size() > MAX_OPTIONS) {
                    p.add(rule(at + ".options", "选择题应有 2 到 " + MAX_OPTIONS + " 个选项"));
                }
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < options.size(); j++) {
                    String o = options.get(j);
                    if (o == null || o.isBlank() || o.length() > 50) p.add(rule(at + ".options[" + j + "]", "选项应为 1–50 字"));
                    else if (!seen.add(o.strip())) p.add(rule(at + ".options[" + j + "]", "选项重复: " + o));
                }
            } else if (!options.isEmpty()) {
                p.add(rule(at + ".options", "只有选择题（CHOICE）有选项"));
            }
        }
        return p;
    }

    /**
     * The values a filing gives for {@code fields}, checked: each key one of the fields and given once, each value of its
     * field's type, every required field given. Blank values count as not given.
     *
     * @param base the input's field ({@code formValues}); problems are {@code formValues[i].key}, {@code formValues[i].value}
     *             or {@code formValues.<key>} for a required field not given — VALIDATION, rule G3
     * @return the values in the fields' order, with their labels
     */
    public static List<Filled> fill(List<FormField> fields, List<Value> values, String base) {
        List<FormField> all = fields == null ? List.of() : fields;
        List<Value> given = values == null ? List.of() : values;
        if (given.size() > 100) throw invalid(base, "表单字段值不能超过 100 个");
        Map<String, FormField> byKey = new HashMap<>();
        for (FormField f : all) byKey.put(f.key(), f);
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Value v = given.get(i);
            String at = base + "[" + i + "]";
            if (v == null || v.key() == null || !byKey.containsKey(v.key())) {
                throw invalid(at + ".key", "表单中没有这个字段: " + (v == null ? null : v.key()));
            }
            if (out.containsKey(v.key())) throw invalid(at + ".key", "同一字段只需填写一次: " + v.key());
            if (v.value() == null || v.value().isBlank()) continue;
            out.put(v.key(), value(byKey.get(v.key()), v.value().strip(), at + ".value"));
        }
        List<Filled> filled = new ArrayList<>();
        for (FormField f : all) {
            String v = out.get(f.key());
            if (v == null && f.required()) throw invalid(base + "." + f.key(), "请填写“" + f.label() + "”");
            if (v != null) filled.add(new Filled(f.key(), f.label(), v));
        }
        return filled;
    }

    private static String value(FormField f, String v, String at) {
        String label = "“" + f.label() + "”";
        switch (f.type()) {
            case TEXT -> {
                if (v.length() > MAX_TEXT) throw invalid(at, label + "不能超过 " + MAX_TEXT + " 字");
            }
            case NUMBER -> {
                if (!NUMBER.matcher(v).matches()) throw invalid(at, label + "应为数字: " + v);
            }
            case DATE -> {
                try {
                    LocalDate.parse(v);
                } catch (DateTimeParseException e) {
                    throw invalid(at, label + "应为日期（如 2025-03-01）: " + v);
                }
            }
            case YES_NO -> {
                if (!v.equals("YES") && !v.equals("NO")) throw invalid(at, label + "应回答 YES 或 NO: " + v);
            }
            case CHOICE -> {
                if (f.options() == null || f.options().stream().noneMatch(o -> o.strip().equals(v))) {
                    throw invalid(at, label + "应为选项之一（" + String.join("、", f.options() == null ? List.of() : f.options()) + "）: " + v);
                }
            }
        }
        return v;
    }

    /**
     * The package's one form: the parts' own fields (in the package's order), a field several parts declare under the same
     * key with the same type (and, for CHOICE, the same options) asked once for all of them; a key several parts use for
     * different fields is asked per part, under {@code key@n} (n: the part's place, from 1; a key never holds {@code @}).
     *
     * @param perPart each part's own fields (null for a part that is not filed: it asks nothing)
     */
    public static List<Merged> merge(List<List<FormField>> perPart) {
        Map<String, String> shape = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (List<FormField> fields : perPart) {
            if (fields == null) continue;
            for (FormField f : fields) {
                String before = shape.putIfAbsent(f.key(), shape(f));
                if (before != null && !before.equals(shape(f))) conflicting.add(f.key());
            }
        }
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (int n = 0; n < perPart.size(); n++) {
            if (perPart.get(n) == null) continue;
            for (FormField f : perPart.get(n)) {
                String key = conflicting.contains(f.key()) ? f.key() + "@" + (n + 1) : f.key();
                Merged before = merged.get(key);
                List<Integer> parts = new ArrayList<>(before == null ? List.of() : before.parts());
                parts.add(n);
                merged.put(key, new Merged(key, before == null ? f : before.field(), List.copyOf(parts),
                        f.required() || (before != null && before.required())));
            }
        }
        return List.copyOf(merged.values());
    }

    private static String shape(FormField f) {
        return f.type() + (f.type() == FormField.Type.CHOICE ? new TreeSet<>(f.options() == null ? List.of() : f.options()).toString() : "");
    }

    private static Problem rule(String field, String message) {
        return Problem.rule("G3", field, message);
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION, message, field, "G3");
    }
}
