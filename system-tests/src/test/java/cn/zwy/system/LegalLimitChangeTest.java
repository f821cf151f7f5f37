package cn.zwy.system;

import static cn.zwy.system.Catalog.LIANSHAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * S5 when the standard catalog changes (issue 6): an urgent change cut an item's legal limit from
 * 10 to 3 working days and a county guide stayed scheduled with a promised limit of 5, silently.
 * A change of the legal limit flags every adopted guide it breaks (in force, scheduled, draft),
 * tells the provincial administrator how many, shows the flags to the centre, and a flagged
 * draft cannot be published until its promised limit is fixed.
 */
@ExtendWith(PlatformUnderTest.class)
class LegalLimitChangeTest {

    static final String CONFLICT_FIELDS = "versionId state number rule field message from promisedLimit { value unit } "
            + "legalLimit { value unit } standardVersion legalFrom";
    static final String ITEM_CONFLICTS = "query($id: ID!) { item(id: $id) { id conflicts { " + CONFLICT_FIELDS + " } } }";
    static final String FLAGGED = "query($t: ID!) { flaggedItems(tenantCode: $t) { id basicCode name conflicts { " + CONFLICT_FIELDS + " } } }";
    static final String CHANGE = """
            mutation($input: ChangeStandardItemInput!) { changeStandardItem(input: $input) {
              item { id legalLimit { value unit } version { number effectiveFrom state } } warnings flaggedGuides flaggedTenants } }""";

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A standard item of Guangdong with a legal limit of 10 working days, adopted by 连山 with a draft promising 5. */
    private static String[] adoptedWithDraftPromising5(String name) {
        JsonNode std = Catalog.newStandardItem(name, Map.of("value", 10, "unit", "WORKING_DAY"), List.of("COUNTY"));
        String item = Catalog.adopt(LIANSHAN, std.get("id").asString());
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(5));
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        return new String[] {std.get("id").asString(), item};
    }

    /** The province's administrator changes the legal limit to {@code days} working days. */
    private static JsonNode cutLegalLimit(String standardId, String name, int days, boolean urgent, LocalDate effectiveFrom) {
        Map<String, Object> input = new HashMap<>(Map.of("id", standardId, "kind", "CHANGE", "mainName", name,
                "exerciseLevels", List.of("COUNTY"), "legalBasis", "《中华人民共和国行政许可法》第四十二条",
                "legalLimit", Map.of("value", days, "unit", "WORKING_DAY"), "reason", "法律修订：法定时限缩短", "urgent", urgent));
        if (effectiveFrom != null) input.put("effectiveFrom", effectiveFrom.toString());
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), CHANGE, Map.of("input", input));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("changeStandardItem");
    }

    private static JsonNode conflicts(String token, String item) {
        Api.Response r = Api.graphql(token, ITEM_CONFLICTS, Map.of("id", item));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/item/conflicts");
    }

    private static JsonNode flagged(String token, String tenant, String item) {
        Api.Response r = Api.graphql(token, FLAGGED, Map.of("t", tenant));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode f : r.data().get("flaggedItems")) if (f.get("id").asString().equals(item)) return f;
        return null;
    }

    @Test
    void legalLimitCutFlagsAdoptedGuides_S5() {
        String name = "法定时限缩短测试事项";
        String[] ids = adoptedWithDraftPromising5(name);
        String item = ids[1];
        // published (scheduled at the earliest day, S6) promising 5 of 10 days, then a new draft, also at 5
        Api.Response published = Catalog.publish(Catalog.admin(), item, "新增事项", null);
        assertThat(published.errors()).as(published.body().toString()).isNull();
        JsonNode v1 = published.data().at("/publishGuide/version");
        Map<String, Object> edited = Catalog.completeGuide(5);
        edited.put("consultPhone", "0763-6618888");
        assertThat(Catalog.saveDraft(Catalog.admin(), item, edited).errors()).isNull();
        assertThat(conflicts(Catalog.admin(), item)).isEmpty();
        assertThat(flagged(Catalog.admin(), LIANSHAN, item)).isNull();

        // the urgent cut to 3 days, in effect today: the province's administrator is told what it broke
        JsonNode change = cutLegalLimit(ids[0], name, 3, true, null);
        assertThat(change.at("/item/legalLimit/value").asInt()).isEqualTo(3);
        assertThat(change.get("flaggedGuides").asInt()).isEqualTo(1);
        assertThat(change.get("flaggedTenants").valueStream().map(JsonNode::asString)).containsExactly(LIANSHAN);

        // the centre sees both the scheduled version and the draft flagged, with the rule and the dates
        JsonNode found = conflicts(Catalog.admin(), item);
        assertThat(found).hasSize(2);
        JsonNode scheduled = found.valueStream().filter(c -> c.get("state").asString().equals("SCHEDULED")).findFirst().orElseThrow();
        assertThat(scheduled.get("versionId").asString()).isEqualTo(v1.get("id").asString());
        assertThat(scheduled.get("rule").asString()).isEqualTo("S5");
        assertThat(scheduled.get("field").asString()).isEqualTo("guide.promisedLimit.value");
        assertThat(scheduled.at("/promisedLimit/value").asInt()).isEqualTo(5);
        assertThat(scheduled.at("/legalLimit/value").asInt()).isEqualTo(3);
        assertThat(scheduled.get("standardVersion").asInt()).isEqualTo(2);
        assertThat(scheduled.get("from").asString()).isEqualTo(v1.get("effectiveFrom").asString());
        assertThat(scheduled.get("message").asString()).contains("承诺时限必须短于法定时限", today().toString());
        assertThat(found.valueStream().map(c -> c.get("state").asString())).containsExactlyInAnyOrder("SCHEDULED", "DRAFT");
        // …in the list of flagged items, which its province's administrator may read too; nobody else
        assertThat(flagged(Catalog.admin(), LIANSHAN, item).get("conflicts")).hasSize(2);
        assertThat(flagged(Catalog.provincialAdmin(), LIANSHAN, item)).isNotNull();
        assertThat(Api.graphql(Tokens.staff("taishan.clerk"), FLAGGED, Map.of("t", LIANSHAN)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(conflicts(null, item)).isEmpty();
        // flagged, not silently rewritten: the announced version stays as announced
        JsonNode shown = Catalog.item(Catalog.admin(), item);
        assertThat(shown.at("/upcoming/guide/promisedLimit/value").asInt()).isEqualTo(5);
    }

    @Test
    void flaggedGuideCannotBePublishedUntilFixed_S5() {
        String name = "法定时限择期缩短测试事项";
        String[] ids = adoptedWithDraftPromising5(name);
        String item = ids[1];
        // the cut is announced for a month ahead: the draft would take effect earlier, under 10 days,
        // but would still be in force when 3 days apply
        LocalDate cut = today().plusDays(30);
        JsonNode change = cutLegalLimit(ids[0], name, 3, false, cut);
        assertThat(change.at("/item/version/state").asString()).isEqualTo("SCHEDULED");
        assertThat(change.get("flaggedGuides").asInt()).isEqualTo(1);

        Api.Response refused = Catalog.publish(Catalog.admin(), item, "新增事项", null);
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(Catalog.ruleOf(refused)).isEqualTo("S5");
        assertThat(refused.errorField()).isEqualTo("guide.promisedLimit.value");
        assertThat(refused.errors().get(0).get("message").asString()).contains(cut.toString(), "法定 3个工作日", "承诺 5个工作日");
        assertThat(Catalog.item(Catalog.admin(), item).at("/versions/edges")).isEmpty();
        Api.Response validation = Api.graphql(Catalog.admin(), Catalog.VALIDATE, Map.of("id", item));
        assertThat(validation.data().at("/validateGuide/publishable").asBoolean()).isFalse();
        assertThat(validation.data().at("/validateGuide/problems").valueStream().map(p -> p.get("rule").asString())).contains("S5");

        // fixed: promised 2 days, then it publishes and the flag is gone
        assertThat(Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(2)).errors()).isNull();
        Api.Response published = Catalog.publish(Catalog.admin(), item, "新增事项", null);
        assertThat(published.errors()).as(published.body().toString()).isNull();
        assertThat(conflicts(Catalog.admin(), item)).isEmpty();
        assertThat(flagged(Catalog.admin(), LIANSHAN, item)).isNull();
    }
}
