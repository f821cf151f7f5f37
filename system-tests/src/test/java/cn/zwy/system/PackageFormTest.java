package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Items' own form fields and parts that do not apply (G2, G3, ADR 0032) against the real platform: in 连山's 出生一件事 a
 * newborn registered in the parents' home county skips 出生登记 — it is not filed, its own field and materials drop out
 * and the filing says why; 开办餐饮店一件事 asks the shop's name once for three items, checks the values at the one
 * submission and each part case shows them to staff; a guide's form fields are validated when saved.
 */
@ExtendWith(PlatformUnderTest.class)
class PackageFormTest {

    private static final String WALK = """
            query($p: ID!, $a: [GuidanceAnswerInput!]) { packageGuidance(packageId: $p, answers: $a) {
              complete parts { name applies outcome { title notApplicable notes } }
              materials { name usedBy } fields { key type required askedFor } skipped { itemId itemName reason } } }""";

    private static final String SUBMIT = """
            mutation($input: SubmitPackageInput!) { submitPackage(input: $input) { receipt {
              packageCaseId parts { caseId itemName } skipped { itemId itemName reason } } } }""";

    private static final String PACKAGE_CASE = """
            query($id: ID!) { packageCase(id: $id) { status parts { caseId itemName } skipped { itemName reason }
              timeline { itemName action } } }""";

    private static final String CASE = "query($id: ID!) { case(id: $id) { itemName formValues { key label value } } }";

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(field.isEmpty() ? n.asString() : n.path(field).asString()));
        return out;
    }

    private static List<Map<String, String>> answers(Map<String, String> given) {
        List<Map<String, String>> out = new ArrayList<>();
        given.forEach((k, v) -> out.add(Map.of("questionId", k, "value", v)));
        return out;
    }

    private static JsonNode walk(String packageId, Map<String, String> given) {
        Api.Response r = Api.graphql(null, WALK, Map.of("p", packageId, "a", answers(given)));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path("packageGuidance");
    }

    private static Map<String, String> value(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    /** A newborn registered in the parents' home county elsewhere: 出生登记 is not 连山's to do. */
    private static final Map<String, String> ELSEWHERE = new LinkedHashMap<>(Map.of("order", "1", "married", "YES",
            "sameHousehold", "NO", "who", "NEWBORN", "first", "YES", "photo", "NO"));

    @Test
    void inapplicablePartIsNotFiled_G2() {
        JsonNode p = PackageTest.birthPackage();
        String id = p.path("id").asString();
        // the one form before the walk: 出生登记's own field (落户地址) is on it
        assertThat(texts(p.at("/form/fields"), "key")).contains("householdAddress", "newbornName");

        JsonNode done = walk(id, ELSEWHERE);
        assertThat(done.path("complete").asBoolean()).as(done.toString()).isTrue();
        JsonNode household = done.at("/parts/2");
        assertThat(household.path("name").asString()).isEqualTo("出生登记");
        assertThat(household.path("applies").asBoolean()).isFalse();
        assertThat(household.at("/outcome/notApplicable").asBoolean()).isTrue();
        assertThat(texts(done.path("parts"), "applies")).containsExactly("true", "true", "false", "true", "true");
        // it says which and why
        assertThat(done.path("skipped").size()).isEqualTo(1);
        assertThat(done.at("/skipped/0/itemName").asString()).isEqualTo("出生登记");
        assertThat(done.at("/skipped/0/reason").asString()).contains("户籍所在地");
        // its field and its materials drop out of the tailored form
        assertThat(texts(done.path("fields"), "key")).contains("newbornName").doesNotContain("householdAddress");
        for (JsonNode f : done.path("fields")) assertThat(texts(f.path("askedFor"), "")).doesNotContain("出生登记");
        for (JsonNode m : done.path("materials")) assertThat(texts(m.path("usedBy"), "")).as(m.toString()).doesNotContain("出生登记");

        // a value for the skipped part's own field is refused: no part filed asks it
        Map<String, Object> input = filing(p, done);
        input.put("formValues", List.of(value("newbornName", "李小宝"), value("householdAddress", "连山县吉田镇")));
        Api.Response refused = Cases.submitGraphQl(Cases.citizen(), SUBMIT, input, null);
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("VALIDATION");
        assertThat(refused.errorField()).isEqualTo("formValues[1].key");
        assertThat(refused.errorRule()).isEqualTo("G3");

        // the one submission files four parts, not 出生登记, and keeps which was skipped and why
        input.put("idempotencyKey", UUID.randomUUID().toString());
        input.put("formValues", List.of(value("newbornName", "李小宝"), value("newbornBirthDate", "2025-03-01")));
        Api.Response filed = Cases.submitGraphQl(Cases.citizen(), SUBMIT, input, null);
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        JsonNode receipt = filed.data().at("/submitPackage/receipt");
        assertThat(texts(receipt.path("parts"), "itemName")).containsExactly("出生医学证明办理", "生育登记",
                "城乡居民基本医疗保险参保登记", "社会保障卡申领");
        assertThat(texts(receipt.path("skipped"), "itemName")).containsExactly("出生登记");
        Api.Response mine = Api.graphql(Cases.citizen(), PACKAGE_CASE, Map.of("id", receipt.path("packageCaseId").asString()));
        assertThat(mine.errors()).as(mine.body().toString()).isNull();
        JsonNode view = mine.data().path("packageCase");
        assertThat(view.path("parts").size()).isEqualTo(4);
        assertThat(view.at("/skipped/0/itemName").asString()).isEqualTo("出生登记");
        assertThat(view.at("/skipped/0/reason").asString()).contains("户籍所在地");
        assertThat(texts(view.path("timeline"), "itemName")).doesNotContain("出生登记");
        // staff see it too, and the part cases carry the shared field given once
        Api.Response staff = Api.graphql(Cases.clerk(), PACKAGE_CASE, Map.of("id", receipt.path("packageCaseId").asString()));
        assertThat(staff.errors()).as(staff.body().toString()).isNull();
        assertThat(texts(staff.data().at("/packageCase/skipped"), "itemName")).containsExactly("出生登记");
        for (JsonNode part : receipt.path("parts")) {
            Api.Response c = Api.graphql(Cases.clerk(), CASE, Map.of("id", part.path("caseId").asString()));
            assertThat(c.errors()).as(c.body().toString()).isNull();
            assertThat(texts(c.data().at("/case/formValues"), "value")).as(part.toString()).contains("李小宝");
        }

        // filed on its own, the item that does not apply is refused with the reason
        Api.Response alone = Cases.submitGraphQl(Cases.citizen(), """
                mutation($input: SubmitCaseInput!) { submitCase(input: $input) { receipt { caseId } } }""",
                GuidanceTest.filing(GuidanceTest.itemId("出生登记"), List.of("出生医学证明"), "sameHousehold", "NO"), "itemId");
        assertThat(alone.errorCode()).as(alone.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(alone.errorField()).isEqualTo("guidanceAnswers");
        assertThat(alone.errorRule()).isEqualTo("G2");
    }

    /** The package's one filing after the walk: its answers, and the tailored materials each once. */
    private static Map<String, Object> filing(JsonNode p, JsonNode walked) {
        Map<String, Object> input = PackageTest.filing(p, UUID.randomUUID().toString());
        input.remove("guidanceAnswers");
        input.put("packageAnswers", answers(ELSEWHERE));
        input.put("materials", texts(walked.path("materials"), "name").stream().map(n -> Map.<String, Object>of("name", n)).toList());
        return input;
    }

    private static JsonNode restaurantPackage() {
        Api.Response r = Api.graphql(null, PackageTest.PACKAGES, Map.of("t", "441825", "e", "BUSINESS"));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode p : r.data().path("servicePackages")) if (p.path("name").asString().equals("开办餐饮店一件事")) return p;
        throw new AssertionError("连山 has no 开办餐饮店一件事: " + r.body());
    }

    @Test
    void packageAsksItemFieldsOnceAndChecksThem_G3() {
        JsonNode p = restaurantPackage();
        JsonNode fields = p.at("/form/fields");
        assertThat(texts(fields, "key")).doesNotHaveDuplicates().contains("shopName", "shopAddress", "shopArea");
        JsonNode shopName = null;
        for (JsonNode f : fields) if (f.path("key").asString().equals("shopName")) shopName = f;
        // asked once for the three items that each declare it
        assertThat(shopName.path("askedFor").size()).isEqualTo(3);
        assertThat(shopName.path("type").asString()).isEqualTo("TEXT");
        assertThat(shopName.path("required").asBoolean()).isTrue();
        JsonNode m = p.at("/form/measure");
        System.out.println("G3 measure 开办餐饮店一件事 (连山): " + m);
        // one by one: 4 filing fields and 3 shop fields typed per item; the package: each once
        assertThat(m.path("fieldsOneByOne").asInt()).isEqualTo(21);
        assertThat(m.path("fieldsInPackage").asInt()).isEqualTo(7);

        Map<String, Object> input = PackageTest.filing(p, UUID.randomUUID().toString());
        input.remove("guidanceAnswers");
        // a required field not given: VALIDATION on it, nothing filed
        input.put("formValues", List.of(value("shopAddress", "连山县吉田镇人民路 1 号")));
        Api.Response missing = Cases.submitGraphQl(Cases.citizen(), SUBMIT, input, null);
        assertThat(missing.errorCode()).as(missing.body().toString()).isEqualTo("VALIDATION");
        assertThat(missing.errorField()).isEqualTo("formValues.shopName");
        assertThat(missing.errorRule()).isEqualTo("G3");
        // a value not of the field's type
        input.put("formValues", List.of(value("shopName", "山里人家"), value("shopAddress", "连山县吉田镇人民路 1 号"), value("shopArea", "五十平")));
        Api.Response area = Cases.submitGraphQl(Cases.citizen(), SUBMIT, input, null);
        assertThat(area.errorCode()).as(area.body().toString()).isEqualTo("VALIDATION");
        assertThat(area.errorField()).isEqualTo("formValues[2].value");
        assertThat(area.errorRule()).isEqualTo("G3");
        // a field given twice
        input.put("formValues", List.of(value("shopName", "山里人家"), value("shopName", "山外人家"), value("shopAddress", "连山县")));
        Api.Response twice = Cases.submitGraphQl(Cases.citizen(), SUBMIT, input, null);
        assertThat(twice.errorField()).as(twice.body().toString()).isEqualTo("formValues[1].key");

        // given once, each part case keeps it and staff see it with its label
        input.put("formValues", List.of(value("shopName", "山里人家"), value("shopAddress", "连山县吉田镇人民路 1 号"), value("shopArea", "50")));
        Api.Response filed = Cases.submitGraphQl(Cases.citizen(), SUBMIT, input, null);
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        JsonNode parts = filed.data().at("/submitPackage/receipt/parts");
        assertThat(parts.size()).isEqualTo(3);
        for (JsonNode part : parts) {
            Api.Response c = Api.graphql(Cases.clerk(), CASE, Map.of("id", part.path("caseId").asString()));
            assertThat(c.errors()).as(c.body().toString()).isNull();
            JsonNode values = c.data().at("/case/formValues");
            assertThat(texts(values, "key")).containsExactly("shopName", "shopAddress", "shopArea");
            assertThat(values.get(0).path("label").asString()).isEqualTo("字号名称（店名）");
            assertThat(values.get(0).path("value").asString()).isEqualTo("山里人家");
        }
    }

    @Test
    void itemFormFieldsAreCheckedAtSubmission_G3() {
        String item = GuidanceTest.itemId("出生医学证明办理");
        String doc = "mutation($input: SubmitCaseInput!) { submitCase(input: $input) { receipt { caseId } } }";
        Map<String, Object> input = GuidanceTest.filing(item, List.of("居民身份证"));
        input.remove("guidanceAnswers");
        input.put("formValues", List.of(value("newbornName", "王小宝"), value("newbornBirthDate", "昨天")));
        Api.Response date = Cases.submitGraphQl(Cases.citizen(), doc, input, "itemId");
        assertThat(date.errorCode()).as(date.body().toString()).isEqualTo("VALIDATION");
        assertThat(date.errorField()).isEqualTo("formValues[1].value");
        assertThat(date.errorRule()).isEqualTo("G3");
        input.put("formValues", List.of(value("newbornSex", "未知")));
        Api.Response choice = Cases.submitGraphQl(Cases.citizen(), doc, input, "itemId");
        assertThat(choice.errorField()).as(choice.body().toString()).isEqualTo("formValues[0].value");
        input.put("formValues", List.of(value("shopName", "山里人家")));
        Api.Response unknown = Cases.submitGraphQl(Cases.citizen(), doc, input, "itemId");
        assertThat(unknown.errorCode()).as(unknown.body().toString()).isEqualTo("VALIDATION");
        assertThat(unknown.errorField()).isEqualTo("formValues[0].key");

        input.put("formValues", List.of(value("newbornName", "王小宝"), value("newbornSex", "女"), value("newbornBirthDate", "2025-03-01")));
        Api.Response filed = Cases.submitGraphQl(Cases.citizen(), doc, input, "itemId");
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        Api.Response c = Api.graphql(Cases.clerk(), CASE, Map.of("id", filed.data().at("/submitCase/receipt/caseId").asString()));
        assertThat(c.errors()).as(c.body().toString()).isNull();
        // in the guide's order, with their labels
        assertThat(texts(c.data().at("/case/formValues"), "key")).containsExactly("newbornName", "newbornBirthDate", "newbornSex");
        assertThat(texts(c.data().at("/case/formValues"), "label")).containsExactly("新生儿姓名", "新生儿出生日期", "新生儿性别");
    }

    @Test
    void guideFormFieldsAreValidatedOnSave_G3() {
        String item = Catalog.newItem("表单字段测试事项");
        Map<String, Object> guide = Catalog.completeGuide(5);
        Map<String, Object> choice = new HashMap<>(Map.of("key", "kind", "label", "类型", "type", "CHOICE", "options", List.of("甲")));
        guide.put("formFields", List.of(Map.of("key", "name", "label", "名称", "type", "TEXT", "required", true), choice));
        Api.Response r = Catalog.saveDraft(Catalog.admin(), item, guide);
        assertThat(r.errorCode()).as(r.body().toString()).isIn("VALIDATION", "RULE_VIOLATION");
        assertThat(r.errorField()).isEqualTo("guide.formFields[1].options");
        assertThat(r.errorRule()).isEqualTo("G3");

        guide.put("formFields", List.of(Map.of("key", "Name", "label", "名称", "type", "TEXT")));
        Api.Response key = Catalog.saveDraft(Catalog.admin(), item, guide);
        assertThat(key.errorField()).as(key.body().toString()).isEqualTo("guide.formFields[0].key");
        guide.put("formFields", List.of(Map.of("key", "name", "label", "名称", "type", "TEXT"), Map.of("key", "name", "label", "别名", "type", "TEXT")));
        Api.Response dup = Catalog.saveDraft(Catalog.admin(), item, guide);
        assertThat(dup.errorField()).as(dup.body().toString()).isEqualTo("guide.formFields[1].key");

        // an outcome saying the item does not apply names no materials (G2)
        guide.put("formFields", List.of(Map.of("key", "name", "label", "名称", "type", "TEXT", "required", true)));
        guide.put("questionnaire", Map.of(
                "questions", List.of(Map.of("id", "here", "text", "是否在本县办理？", "type", "YES_NO", "options", List.of(
                        Map.of("value", "YES", "label", "是", "next", "do"), Map.of("value", "NO", "label", "否", "next", "skip")))),
                "outcomes", List.of(Map.of("id", "do", "title", "办理", "materials", List.of("申请书"), "channel", "WINDOW"),
                        Map.of("id", "skip", "title", "本县不办理", "materials", List.of("申请书"), "channel", "WINDOW", "notApplicable", true))));
        Api.Response na = Catalog.saveDraft(Catalog.admin(), item, guide);
        assertThat(na.errorField()).as(na.body().toString()).isEqualTo("guide.questionnaire.outcomes[1].materials");
        assertThat(na.errorRule()).isEqualTo("G2");

        // the fixed guide is saved with its fields, and they are the draft's
        guide.put("questionnaire", Map.of(
                "questions", List.of(Map.of("id", "here", "text", "是否在本县办理？", "type", "YES_NO", "options", List.of(
                        Map.of("value", "YES", "label", "是", "next", "do"), Map.of("value", "NO", "label", "否", "next", "skip")))),
                "outcomes", List.of(Map.of("id", "do", "title", "办理", "materials", List.of("申请书"), "channel", "WINDOW"),
                        Map.of("id", "skip", "title", "本县不办理", "materials", List.of(), "channel", "WINDOW", "notApplicable", true))));
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, guide);
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        Api.Response draft = Api.graphql(Catalog.admin(), "query($id: ID!) { item(id: $id) { draft { guide { formFields { key type required } "
                + "questionnaire { outcomes { id notApplicable } } } } } }", Map.of("id", item));
        assertThat(draft.errors()).as(draft.body().toString()).isNull();
        assertThat(draft.data().at("/item/draft/guide/formFields/0/key").asString()).isEqualTo("name");
        assertThat(draft.data().at("/item/draft/guide/formFields/0/required").asBoolean()).isTrue();
        assertThat(draft.data().at("/item/draft/guide/questionnaire/outcomes/1/notApplicable").asBoolean()).isTrue();

        // another tenant's administrator cannot edit them
        Api.Response other = Catalog.saveDraft(Tokens.staff("taishan.admin"), item, guide);
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("FORBIDDEN");
    }

    private static final String ROUTE = "route { channel category categoryName windows { hall number name } where }";

    @Test
    void guidedCitizenIsSentToTheWindowServingTheItem_G1() {
        String doc = "query($i: ID!, $a: [GuidanceAnswerInput!]) { guidance(itemId: $i, answers: $a) { complete outcome { channel "
                + ROUTE + " } } }";
        // an expired ID card renewed where one is registered: the police's 户政 windows (GA), named
        Api.Response card = Api.graphql(null, doc, Map.of("i", GuidanceTest.itemId("居民身份证换领"),
                "a", answers(new LinkedHashMap<>(Map.of("reason", "EXPIRED", "place", "NO")))));
        assertThat(card.errors()).as(card.body().toString()).isNull();
        JsonNode route = card.data().at("/guidance/outcome/route");
        assertThat(route.path("channel").asString()).isEqualTo("WINDOW");
        assertThat(route.path("category").asString()).isEqualTo("GA");
        assertThat(route.path("categoryName").asString()).isEqualTo("户政");
        assertThat(texts(route.path("windows"), "number")).containsExactly("10");
        assertThat(route.path("where").asString()).contains("GA", "10号公安窗口");

        // a first social security card without a photo: the kiosk in the self-service area, the comprehensive windows as help
        Api.Response kiosk = Api.graphql(null, doc, Map.of("i", GuidanceTest.itemId("社会保障卡申领"),
                "a", answers(new LinkedHashMap<>(Map.of("first", "YES", "photo", "NO")))));
        assertThat(kiosk.errors()).as(kiosk.body().toString()).isNull();
        JsonNode k = kiosk.data().at("/guidance/outcome/route");
        assertThat(k.path("channel").asString()).isEqualTo("KIOSK");
        assertThat(k.path("where").asString()).contains("自助");
        assertThat(k.path("category").asString()).isEqualTo("A");
        assertThat(texts(k.path("windows"), "number")).containsExactly("1", "2", "3");

        // in the package walk every part that applies says where to go, also one without questionnaire
        JsonNode p = PackageTest.birthPackage();
        Api.Response walked = Api.graphql(null, "query($p: ID!, $a: [GuidanceAnswerInput!]) { packageGuidance(packageId: $p, answers: $a) { "
                + "complete parts { name applies " + ROUTE + " } } }", Map.of("p", p.path("id").asString(),
                "a", answers(new LinkedHashMap<>(Map.of("order", "1", "married", "YES", "sameHousehold", "YES", "who", "NEWBORN",
                        "first", "YES", "photo", "NO")))));
        assertThat(walked.errors()).as(walked.body().toString()).isNull();
        JsonNode parts = walked.data().at("/packageGuidance/parts");
        assertThat(parts.at("/0/route/category").asString()).as(parts.toString()).isEqualTo("A");
        assertThat(parts.at("/0/route/windows").size()).isEqualTo(3);
        assertThat(parts.at("/2/name").asString()).isEqualTo("出生登记");
        assertThat(parts.at("/2/route/category").asString()).isEqualTo("GA");
        // not complete yet: no route
        Api.Response open = Api.graphql(null, "query($p: ID!) { packageGuidance(packageId: $p) { parts { " + ROUTE + " } } }",
                Map.of("p", p.path("id").asString()));
        assertThat(open.errors()).as(open.body().toString()).isNull();
        assertThat(open.data().at("/packageGuidance/parts/1/route").isNull()).isTrue();
    }
}
