package cn.zwy.system;

import static cn.zwy.system.Catalog.LIANSHAN;
import static cn.zwy.system.Catalog.TAISHAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** What citizens read: the demo catalog, its local differences, the full guide, filters and paging. */
@ExtendWith(PlatformUnderTest.class)
class CatalogCitizenTest {

    private static final String FOOD_LICENSE = "0100302001"; // 食品经营许可（新办）

    private static List<JsonNode> allItems(String token, String tenant, Map<String, Object> filter, int pageSize) {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new HashMap<>(Map.of("t", tenant, "first", pageSize));
            if (filter != null) vars.put("f", filter);
            if (after != null) vars.put("after", after);
            Api.Response r = Api.graphql(token, Catalog.ITEMS, vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            r.data().at("/items/edges").forEach(e -> out.add(e.get("node")));
            if (!r.data().at("/items/pageInfo/hasNextPage").asBoolean()) return out;
            after = r.data().at("/items/pageInfo/endCursor").asString();
        }
        throw new AssertionError("more than 50 pages");
    }

    private static JsonNode byCode(String tenant, String basicCode) {
        return allItems(null, tenant, Map.of("text", basicCode), 10).stream()
                .filter(n -> n.get("basicCode").asString().equals(basicCode)).findFirst().orElseThrow();
    }

    @Test
    void demoTenantsOfferAtLeastTwentyPublishedItems_S7() {
        for (String tenant : List.of(LIANSHAN, TAISHAN, "411521", "450702")) {
            List<JsonNode> items = allItems(null, tenant, null, 100);
            assertThat(items).as(tenant).hasSizeGreaterThanOrEqualTo(20);
            assertThat(items).allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("PUBLISHED"));
        }
        List<String> names = allItems(null, LIANSHAN, null, 100).stream().map(n -> n.get("name").asString()).toList();
        assertThat(names).contains("城乡居民基本养老保险参保登记", "居民身份证换领", "个体工商户设立登记", "生育登记", "残疾人证申领",
                "食品经营许可（新办）", "建设工程消防验收备案");
    }

    @Test
    void adoptedItemsDifferLocally() {
        JsonNode lianshan = byCode(LIANSHAN, FOOD_LICENSE);
        JsonNode luoshan = byCode("411521", FOOD_LICENSE);
        assertThat(lianshan.get("department").asString()).isEqualTo("连山壮族瑶族自治县市场监督管理局");
        assertThat(luoshan.get("department").asString()).isEqualTo("罗山县市场监督管理局");
        assertThat(lianshan.at("/promisedLimit/value").asInt()).isNotEqualTo(luoshan.at("/promisedLimit/value").asInt());
        assertThat(lianshan.get("toleratedMissing").asBoolean()).isTrue();
        assertThat(luoshan.get("toleratedMissing").asBoolean()).isFalse();
        JsonNode taishan = Catalog.item(null, byCode(TAISHAN, FOOD_LICENSE).get("id").asString());
        JsonNode lianshanGuide = Catalog.item(null, lianshan.get("id").asString());
        assertThat(taishan.at("/current/guide/consultPhone").asString()).startsWith("0750-");
        assertThat(lianshanGuide.at("/current/guide/consultPhone").asString()).startsWith("0763-");
    }

    @Test
    void itemShowsTheFullGuide_S3() {
        String id = byCode(TAISHAN, "2000201002").get("id").asString(); // 居民身份证换领
        Api.Response r = Api.graphql(null, """
                query($id: ID!) { item(id: $id) { name tenantName current { number state effectiveFrom
                  standard { basicCode mainName subName itemType legalBasis legalLimit { value unit } }
                  guide { implementingAgency audience acceptanceConditions fillingNotes acceptanceStandard caseClass
                    materials { name form copies medium required toleratedMissing acceptanceStandard }
                    steps { name description } promisedLimit { value unit } fees { name standard amount basis }
                    resultSample { title ref } expressDelivery quantityLimit consultPhone supervisionPhone
                    windows { name location hours } faq { question answer } tags booking onlineFiling toleratedMissing crossRegion } } } }""",
                Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode v = r.data().at("/item/current");
        assertThat(v.get("state").asString()).isEqualTo("CURRENT");
        assertThat(v.at("/standard/legalLimit/value").asInt()).isEqualTo(60);
        assertThat(v.at("/standard/legalLimit/unit").asString()).isEqualTo("NATURAL_DAY");
        assertThat(v.at("/guide/promisedLimit/value").asInt()).isLessThan(60);
        assertThat(v.at("/guide/fees/0/amount").asString()).isEqualTo("20");
        assertThat(v.at("/guide/fees/0/basis").asString()).contains("2322");
        JsonNode guide = v.get("guide");
        guide.properties().forEach(f -> assertThat(f.getValue().isNull()).as(f.getKey()).isFalse());
        assertThat(guide.get("materials")).isNotEmpty();
        assertThat(guide.get("windows")).isNotEmpty();
        assertThat(guide.get("faq")).isNotEmpty();
    }

    @Test
    void itemListPagesWithKeysetCursorsWithoutGapsOrRepeats() {
        List<String> whole = allItems(null, LIANSHAN, null, 100).stream().map(n -> n.get("id").asString()).toList();
        List<JsonNode> paged = allItems(null, LIANSHAN, null, 7);
        assertThat(paged.stream().map(n -> n.get("id").asString()).toList()).isEqualTo(whole);
        List<String> codes = paged.stream().map(n -> n.get("basicCode").asString()).toList();
        assertThat(codes).isSorted();
    }

    @Test
    void filtersGiveTheToleratedMissingAndSameCityCatalogs_S7() {
        List<JsonNode> tolerated = allItems(null, LIANSHAN, Map.of("toleratedMissing", true), 100);
        assertThat(tolerated).isNotEmpty().allSatisfy(n -> assertThat(n.get("toleratedMissing").asBoolean()).isTrue());
        assertThat(allItems(null, "411521", Map.of("toleratedMissing", true), 100)).isEmpty();
        List<JsonNode> online = allItems(null, LIANSHAN, Map.of("tag", "FULLY_ONLINE"), 100);
        assertThat(online).isNotEmpty().allSatisfy(n -> assertThat(n.get("tags").toString()).contains("FULLY_ONLINE"));
        assertThat(allItems(null, TAISHAN, Map.of("crossRegion", "SAME_CITY"), 100)).isNotEmpty();
        assertThat(allItems(null, TAISHAN, Map.of("crossRegion", "PROVINCE"), 100)).isEmpty();
        assertThat(allItems(null, "411521", Map.of("crossRegion", "PROVINCE"), 100)).isNotEmpty(); // nationwide includes province
        List<JsonNode> licences = allItems(null, LIANSHAN, Map.of("itemType", "LICENSE", "text", "许可"), 100);
        assertThat(licences).isNotEmpty().allSatisfy(n -> assertThat(n.get("name").asString()).contains("许可"));
    }

    @Test
    void standardCatalogsArePublicAndTheBasicCodeIsRegionIndependent() {
        List<String> ids = new ArrayList<>();
        for (String province : List.of("44", "41", "45")) {
            Api.Response r = Api.graphql(null, "query($p: ID!) { standardItems(provinceCode: $p, text: \"0100302001\") { edges { node { id basicCode provinceCode name legalLimit { value unit } } } } }",
                    Map.of("p", province));
            assertThat(r.errors()).as(r.body().toString()).isNull();
            JsonNode node = r.data().at("/standardItems/edges/0/node");
            assertThat(node.get("basicCode").asString()).isEqualTo(FOOD_LICENSE);
            assertThat(node.get("provinceCode").asString()).isEqualTo(province);
            ids.add(node.get("id").asString());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void badQueriesNameTheField() {
        Api.Response big = Api.graphql(null, Catalog.ITEMS, Map.of("t", LIANSHAN, "first", 101));
        assertThat(big.errorCode()).isEqualTo("VALIDATION");
        assertThat(big.errorField()).isEqualTo("first");
        Api.Response badId = Api.graphql(null, Catalog.ITEM, Map.of("id", "not-an-id"));
        assertThat(badId.errorCode()).isEqualTo("VALIDATION");
        assertThat(badId.errorField()).isEqualTo("id");
        Api.Response badCursor = Api.graphql(null, Catalog.ITEMS, Map.of("t", LIANSHAN, "after", "bm9wZQ"));
        assertThat(badCursor.errorField()).isEqualTo("after");
        Api.Response unknownTenant = Api.graphql(null, Catalog.ITEMS, Map.of("t", "449999")); // no such region: never a tenant, whatever other tests onboard
        assertThat(unknownTenant.errorCode()).isEqualTo("NOT_FOUND");
        Api.Response unknownItem = Api.graphql(null, Catalog.ITEM, Map.of("id", LIANSHAN + ":00000000-0000-0000-0000-000000000000"));
        assertThat(unknownItem.errors()).isNull();
        assertThat(unknownItem.data().get("item").isNull()).isTrue();
    }
}
