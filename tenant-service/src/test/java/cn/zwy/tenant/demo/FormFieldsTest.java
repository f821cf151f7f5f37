package cn.zwy.tenant.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.FormFields;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The items' own form fields (G3, ADR 0032): merged once across a package, checked at filing. */
class FormFieldsTest {

    private static List<List<FormField>> birth() {
        return List.of(DemoForms.of("00603", "000"), DemoForms.of("00601", "000"), DemoForms.of("00204", "001"),
                DemoForms.of("00102", "000"), DemoForms.of("00103", "000"));
    }

    @Test
    void aFieldDeclaredAlikeIsAskedOnce_G3() {
        List<FormFields.Merged> merged = FormFields.merge(birth());
        assertThat(merged).extracting(FormFields.Merged::key).doesNotHaveDuplicates()
                .contains("newbornName", "newbornSex", "householdAddress");
        FormFields.Merged name = merged.stream().filter(m -> m.key().equals("newbornName")).findFirst().orElseThrow();
        assertThat(name.parts()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aPartNotFiledAsksNothing_G2() {
        List<List<FormField>> parts = Arrays.asList(DemoForms.of("00603", "000"), null, null, null, DemoForms.of("00103", "000"));
        assertThat(FormFields.merge(parts)).extracting(FormFields.Merged::key).doesNotContain("householdAddress");
    }

    @Test
    void theSameKeyForDifferentFieldsIsAskedPerPart_G3() {
        FormField text = new FormField("size", "规模", FormField.Type.TEXT, false, null, null);
        FormField number = new FormField("size", "面积", FormField.Type.NUMBER, true, null, null);
        List<FormFields.Merged> merged = FormFields.merge(List.of(List.of(text), List.of(number)));
        assertThat(merged).extracting(FormFields.Merged::key).containsExactly("size@1", "size@2");
        assertThat(merged.get(1).asked().required()).isTrue();
    }

    @Test
    void valuesAreCheckedByType_G3() {
        List<FormField> fields = DemoForms.of("00301", "001");
        assertThatThrownBy(() -> FormFields.fill(fields, List.of(new FormFields.Value("shopArea", "五十")), "formValues"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("formValues[0].value"));
        assertThatThrownBy(() -> FormFields.fill(fields, List.of(new FormFields.Value("shopAddress", "连山")), "formValues"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("formValues.shopName"));
        List<FormFields.Filled> filled = FormFields.fill(fields, List.of(new FormFields.Value("shopAddress", " 连山 "),
                new FormFields.Value("shopName", "山里人家")), "formValues");
        assertThat(filled).extracting(FormFields.Filled::key).containsExactly("shopName", "shopAddress");
        assertThat(filled.get(1).value()).isEqualTo("连山");
    }

    @Test
    void demoFormFieldsAreWellFormed_G3() {
        for (List<FormField> f : birth()) assertThat(FormFields.check(f, "guide.formFields")).isEmpty();
        FormField bad = new FormField("kind", "类型", FormField.Type.CHOICE, false, List.of("甲"), null);
        assertThat(FormFields.check(List.of(bad), "guide.formFields")).extracting(p -> p.field()).containsExactly("guide.formFields[0].options");
    }
}
