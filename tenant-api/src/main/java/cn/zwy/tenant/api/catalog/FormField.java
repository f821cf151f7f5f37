package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * A form field of an item's own (G3, ADR 0032), kept as data with a guide version beside the filing fields every item
 * asks (applicant, contact, delivery): e.g. 出生医学证明's 新生儿姓名 and 出生日期. Edited with the draft, validated by
 * {@link FormFields#check}, announced and versioned with the guide (S6). In a package, a field several items declare
 * under the same key with the same type (and, for CHOICE, the same options) is asked once for all of them.
 *
 * @param key      1–40 letters, digits or _, starting with a lower-case letter; unique in the guide
 * @param type     how the value is given: TEXT (typed, at most 200 characters), NUMBER, DATE (yyyy-MM-dd), YES_NO, CHOICE
 * @param required whether a filing must give it (null: not required)
 * @param options  CHOICE only: the values to pick from (2–20)
 */
public record FormField(String key, String label, Type type, Boolean required, List<String> options, String help) {

    public enum Type { TEXT, NUMBER, DATE, YES_NO, CHOICE }

    public FormField {
        required = Boolean.TRUE.equals(required);
    }

    /** Typed by the applicant (YES_NO and CHOICE are picked). */
    public boolean typed() {
        return type != Type.YES_NO && type != Type.CHOICE;
    }
}
