package cn.zwy.system;

import static cn.zwy.system.Catalog.LIANSHAN;
import static cn.zwy.system.Catalog.TAISHAN;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Drafting a guide (S1–S5): bad input gets a specific error (field, reason, rule) and changes
 * nothing; only the tenant's centre administrator edits; other tenants are refused (T2, T7).
 */
@ExtendWith(PlatformUnderTest.class)
class GuideEditingTest {

    /** Saves a draft that must be refused on {@code field}, and checks the stored draft did not change. */
    private static Api.Response refused(String itemId, Map<String, Object> guide, String code, String field) {
        JsonNode before = Catalog.item(Catalog.admin(), itemId).get("draft");
        Api.Response r = Catalog.saveDraft(Catalog.admin(), itemId, guide);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo(code);
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(r.errors().get(0).get("message").asString()).isNotBlank();
        assertThat(Catalog.item(Catalog.admin(), itemId).get("draft")).isEqualTo(before);
        return r;
    }

    @Test
    void promisedLimitMustBeShorterThanLegal_S5() {
        String item = Catalog.newItem("承诺时限测试事项");
        Map<String, Object> guide = Catalog.completeGuide(20); // legal limit: 20 working days
        Api.Response r = refused(item, guide, "RULE_VIOLATION", "guide.promisedLimit.value");
        assertThat(Catalog.ruleOf(r)).isEqualTo("S5");
        assertThat(r.errors().get(0).get("message").asString()).contains("法定 20个工作日");
        guide.put("promisedLimit", Map.of("value", 10, "unit", "NATURAL_DAY"));
        assertThat(Catalog.ruleOf(refused(item, guide, "RULE_VIOLATION", "guide.promisedLimit.unit"))).isEqualTo("S5");
        // one day shorter is accepted
        Api.Response ok = Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(19));
        assertThat(ok.errors()).as(ok.body().toString()).isNull();
        assertThat(ok.data().at("/saveGuideDraft/draft/guide/promisedLimit/value").asInt()).isEqualTo(19);
        assertThat(ok.data().at("/saveGuideDraft/missingForPublication")).isEmpty();
    }

    @Test
    void withoutLegalLimitTheTenantSetsAnyReasonablePromisedLimit_S5() {
        String item = Catalog.adopt(LIANSHAN, Catalog.newStandardItem("无法定时限事项", null, List.of("COUNTY")).get("id").asString());
        Api.Response ok = Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(60));
        assertThat(ok.errors()).as(ok.body().toString()).isNull();
    }

    @Test
    void instantItemsArePromisedOnTheSpot_S4() {
        String item = Catalog.newItem("即办件测试事项");
        Map<String, Object> guide = Catalog.completeGuide(3);
        guide.put("caseClass", "INSTANT");
        assertThat(Catalog.ruleOf(refused(item, guide, "RULE_VIOLATION", "guide.promisedLimit.value"))).isEqualTo("S4");
    }

    @Test
    void sixWaysTagsMustBeBackedByTheGuide_S2() {
        String item = Catalog.newItem("六办标签测试事项");
        Map<String, Object> guide = Catalog.completeGuide(5);
        guide.put("toleratedMissing", false);
        guide.put("materials", List.of(Catalog.material("申请书", false)));
        assertThat(Catalog.ruleOf(refused(item, guide, "RULE_VIOLATION", "guide.tags"))).isEqualTo("S2");
        Map<String, Object> online = Catalog.completeGuide(5);
        online.put("tags", List.of("FULLY_ONLINE"));
        online.put("onlineFiling", false);
        assertThat(Catalog.ruleOf(refused(item, online, "RULE_VIOLATION", "guide.tags"))).isEqualTo("S2");
    }

    @Test
    void malformedGuideInputNamesTheField() {
        String item = Catalog.newItem("格式校验测试事项");
        Map<String, Object> phone = Catalog.completeGuide(5);
        phone.put("consultPhone", "请拨打中心电话");
        refused(item, phone, "VALIDATION", "guide.consultPhone");

        Map<String, Object> copies = Catalog.completeGuide(5);
        Map<String, Object> m = Catalog.material("申请书", false);
        m.put("copies", 0);
        copies.put("materials", List.of(m));
        copies.put("tags", List.of());
        refused(item, copies, "VALIDATION", "guide.materials[0].copies");

        Map<String, Object> fee = Catalog.completeGuide(5);
        fee.put("fees", List.of(Map.of("name", "工本费", "standard", "每证 20 元", "amount", "20")));
        refused(item, fee, "VALIDATION", "guide.fees[0].basis");

        Map<String, Object> amount = Catalog.completeGuide(5);
        amount.put("fees", List.of(Map.of("name", "工本费", "standard", "每证 20 元", "amount", "二十元", "basis", "发改价格〔2003〕2322号")));
        refused(item, amount, "VALIDATION", "guide.fees[0].amount");

        Map<String, Object> file = Catalog.completeGuide(5);
        file.put("resultSample", Map.of("title", "样本", "ref", "ftp://example/x.pdf"));
        refused(item, file, "VALIDATION", "guide.resultSample.ref");

        Map<String, Object> tolerated = Catalog.completeGuide(5);
        Map<String, Object> optional = Catalog.material("补充说明", true);
        optional.put("required", false);
        tolerated.put("materials", List.of(Catalog.material("申请书", true), optional));
        refused(item, tolerated, "VALIDATION", "guide.materials[1].toleratedMissing");
    }

    @Test
    void draftsMayBeIncompleteAndValidationListsEverythingMissing_S3() {
        String item = Catalog.newItem("草稿校验测试事项");
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, Map.of("implementingAgency", "连山县测试局"));
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        JsonNode missing = saved.data().at("/saveGuideDraft/missingForPublication");
        assertThat(missing.size()).isGreaterThan(10);
        assertThat(missing.get(0).get("rule").asString()).isEqualTo("S3");
        Api.Response v = Api.graphql(Tokens.staff("lianshan.clerk"), Catalog.VALIDATE, Map.of("id", item));
        assertThat(v.errors()).as(v.body().toString()).isNull();
        assertThat(v.data().at("/validateGuide/publishable").asBoolean()).isFalse();
        assertThat(v.data().at("/validateGuide/problems").toString()).contains("guide.materials", "guide.consultPhone", "guide.faq");
    }

    @Test
    void crossTenantEditsAreRefused_T2() {
        String item = Catalog.newItem("跨租户测试事项");
        JsonNode before = Catalog.item(Catalog.admin(), item).get("draft");
        // 台山's clerk through the gateway, and straight to the service with the same token
        Api.Response viaGraphql = Catalog.saveDraft(Tokens.staff("taishan.clerk"), item, Catalog.completeGuide(5));
        assertThat(viaGraphql.errorCode()).isEqualTo("FORBIDDEN");
        String uuid = item.substring(item.indexOf(':') + 1);
        Api.Response direct = Api.put(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/items/" + uuid + "/draft",
                Tokens.staff("taishan.clerk"), Catalog.completeGuide(5));
        assertThat(direct.status()).isEqualTo(403);
        // 连山's administrator naming 台山 as the tenant of 连山's item: the item is not found there
        Api.Response wrongTenant = Api.put(Service.TENANT.url() + "/api/tenants/" + TAISHAN + "/items/" + uuid + "/draft",
                Catalog.admin(), Catalog.completeGuide(5));
        assertThat(wrongTenant.status()).isEqualTo(403);
        assertThat(Catalog.saveDraft(Catalog.admin(), TAISHAN + ":" + uuid, Catalog.completeGuide(5)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Catalog.item(Catalog.admin(), item).get("draft")).isEqualTo(before);
    }

    @Test
    void onlyTheCentreAdminEditsGuides_T7() {
        String item = Catalog.newItem("角色测试事项");
        for (String token : List.of(Tokens.staff("lianshan.clerk"), Tokens.staff("gd.admin"), Tokens.citizen("citizen.zhang"))) {
            assertThat(Catalog.saveDraft(token, item, Catalog.completeGuide(5)).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(Catalog.publish(token, item, "测试", null).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(Catalog.saveDraft(null, item, Catalog.completeGuide(5)).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void staffReadDraftsCitizensDoNot() {
        String item = Catalog.newItem("草稿可见性测试事项");
        assertThat(Catalog.item(Tokens.staff("lianshan.clerk"), item).at("/draft/status").asString()).isEqualTo("DRAFT");
        assertThat(Catalog.item(Tokens.staff("gd.admin"), item).at("/draft/status").asString()).isEqualTo("DRAFT");
        // never published: not an item for citizens, other tenants' staff or anonymous callers
        for (String token : new String[] {null, Tokens.citizen("citizen.zhang"), Tokens.staff("taishan.clerk")}) {
            Api.Response r = Api.graphql(token, Catalog.ITEM, Map.of("id", item));
            assertThat(r.errors()).as(r.body().toString()).isNull();
            assertThat(r.data().get("item").isNull()).isTrue();
        }
        Map<String, Object> staffFilter = Map.of("includeUnpublished", true, "text", "草稿可见性测试事项");
        Api.Response staffList = Api.graphql(Tokens.staff("lianshan.clerk"), Catalog.ITEMS, Map.of("t", LIANSHAN, "f", staffFilter));
        assertThat(staffList.data().at("/items/edges/0/node/status").asString()).isEqualTo("DRAFT");
        assertThat(Api.graphql(Tokens.citizen("citizen.zhang"), Catalog.ITEMS, Map.of("t", LIANSHAN, "f", staffFilter)).errorCode())
                .isEqualTo("FORBIDDEN");
        Api.Response publicList = Api.graphql(null, Catalog.ITEMS, Map.of("t", LIANSHAN, "f", Map.of("text", "草稿可见性测试事项")));
        assertThat(publicList.data().at("/items/edges")).isEmpty();
    }

    @Test
    void adoptionFollowsTheProvinceAndTheLevelOfExercise_S1_S7() {
        JsonNode provincial = Catalog.newStandardItem("省级行使测试事项", null, List.of("PROVINCE", "CITY"));
        Api.Response level = Api.graphql(Catalog.admin(), Catalog.ADOPT,
                Map.of("input", Map.of("tenantCode", LIANSHAN, "standardItemId", provincial.get("id").asString())));
        assertThat(level.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(Catalog.ruleOf(level)).isEqualTo("S1");
        assertThat(level.errorField()).isEqualTo("standardItemId");

        // an item of 河南's catalog (demo data) cannot be adopted in 广东
        Api.Response henan = Api.graphql(null, "{ standardItems(provinceCode: \"41\", first: 1) { edges { node { id } } } }", Map.of());
        String henanItem = henan.data().at("/standardItems/edges/0/node/id").asString();
        Api.Response foreign = Api.graphql(Catalog.admin(), Catalog.ADOPT,
                Map.of("input", Map.of("tenantCode", LIANSHAN, "standardItemId", henanItem)));
        assertThat(Catalog.ruleOf(foreign)).isEqualTo("S7");

        String standardId = Catalog.newStandardItem("重复认领测试事项").get("id").asString();
        Catalog.adopt(LIANSHAN, standardId);
        Api.Response twice = Api.graphql(Catalog.admin(), Catalog.ADOPT,
                Map.of("input", Map.of("tenantCode", LIANSHAN, "standardItemId", standardId)));
        assertThat(twice.errorCode()).isEqualTo("CONFLICT");
    }
}
