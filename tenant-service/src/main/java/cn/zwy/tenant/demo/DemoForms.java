package cn.zwy.tenant.demo;

import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.FormField.Type;
import java.util.List;

/**
 * Demo form fields of the items' own (G3, ADR 0032) beside the filing fields: the newborn's particulars asked by the
 * five items of 出生一件事 (asked once in the package: same key, same type; optional, so that filings made before
 * them still go through) and the shop's by 开办餐饮店一件事 (its name and address required).
 */
final class DemoForms {

    private DemoForms() {}

    static final FormField NEWBORN_NAME = new FormField("newbornName", "新生儿姓名", Type.TEXT, false, null, null);
    static final FormField NEWBORN_BIRTH_DATE = new FormField("newbornBirthDate", "新生儿出生日期", Type.DATE, false, null, "如 2025-03-01");
    static final FormField NEWBORN_SEX = new FormField("newbornSex", "新生儿性别", Type.CHOICE, false, List.of("男", "女"), null);
    static final FormField BIRTH_PLACE = new FormField("birthPlace", "出生地点（医疗机构）", Type.TEXT, false, null, null);
    static final FormField MOTHER_NAME = new FormField("motherName", "母亲姓名", Type.TEXT, false, null, null);
    static final FormField FATHER_NAME = new FormField("fatherName", "父亲姓名", Type.TEXT, false, null, "未婚生育的可不填");
    static final FormField HOUSEHOLD_ADDRESS = new FormField("householdAddress", "落户地址", Type.TEXT, false, null, "随父或母落户的户籍地址");
    static final FormField SHOP_NAME = new FormField("shopName", "字号名称（店名）", Type.TEXT, true, null, null);
    static final FormField SHOP_ADDRESS = new FormField("shopAddress", "经营场所地址", Type.TEXT, true, null, null);
    static final FormField SHOP_AREA = new FormField("shopArea", "经营面积（平方米）", Type.NUMBER, false, null, null);

    /** The form fields of a demo item by its main and sub code, or null. */
    static List<FormField> of(String main, String sub) {
        return switch (main + sub) {
            case "00603000" -> List.of(NEWBORN_NAME, NEWBORN_BIRTH_DATE, NEWBORN_SEX, BIRTH_PLACE, MOTHER_NAME, FATHER_NAME);
            case "00601000" -> List.of(NEWBORN_NAME, NEWBORN_BIRTH_DATE, MOTHER_NAME, FATHER_NAME);
            case "00204001" -> List.of(NEWBORN_NAME, NEWBORN_BIRTH_DATE, NEWBORN_SEX, BIRTH_PLACE, FATHER_NAME, MOTHER_NAME, HOUSEHOLD_ADDRESS);
            case "00102000" -> List.of(NEWBORN_NAME, NEWBORN_BIRTH_DATE);
            case "00103000" -> List.of(NEWBORN_NAME, NEWBORN_SEX);
            case "00301001" -> List.of(SHOP_NAME, SHOP_ADDRESS, SHOP_AREA);
            case "00302001" -> List.of(SHOP_NAME, SHOP_ADDRESS, SHOP_AREA);
            case "00303001" -> List.of(SHOP_NAME, SHOP_ADDRESS, SHOP_AREA);
            default -> null;
        };
    }
}
