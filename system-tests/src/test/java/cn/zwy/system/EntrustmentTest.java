package cn.zwy.system;

import static cn.zwy.system.Cases.clerk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Assisted agency (帮办代办, C14) through the public GraphQL endpoint. */
@ExtendWith(PlatformUnderTest.class)
class EntrustmentTest {

    private static final String RECORD = """
            mutation($i: RecordEntrustmentInput!) { recordEntrustment(input: $i) {
              case { version timeline { action actionLabel note } entrustment { agentName agentPhoneMasked applicantPhoneMasked items materials } } } }""";
    private static final String READ = "query($id: ID!) { case(id: $id) { entrustment { agentName agentPhoneMasked applicantContactName items materials window } } }";

    private static Map<String, Object> input(String caseId, long version, String itemName, Object fee) {
        Map<String, Object> i = new HashMap<>();
        i.put("caseId", caseId);
        i.put("version", version);
        i.put("window", "帮办代办窗口");
        i.put("agentName", "韦小宝");
        i.put("agentPhone", "13912345678");
        i.put("items", List.of(itemName));
        i.put("materials", List.of("居民身份证", "委托书"));
        if (fee != null) i.put("agencyFee", fee);
        return i;
    }

    private static String rule(Api.Response r) {
        return r.errors().get(0).at("/extensions/rule").asString(null);
    }

    @Test
    void entrustmentNamesItemsMaterialsAndBothContactsWithoutAFee_C14() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        String itemName = Cases.get(clerk(), id).get("itemName").asString();

        // an agency fee is never charged; the entrustment must cover the case's own item
        Api.Response fee = Api.graphql(clerk(), RECORD, Map.of("i", input(id, 0, itemName, 50.0)));
        assertThat(fee.errors().get(0).at("/extensions/code").asString()).isEqualTo("RULE_VIOLATION");
        assertThat(fee.errors().get(0).at("/extensions/field").asString()).isEqualTo("agencyFee");
        assertThat(rule(fee)).isEqualTo("C14");
        Api.Response other = Api.graphql(clerk(), RECORD, Map.of("i", input(id, 0, "别的事项", null)));
        assertThat(rule(other)).isEqualTo("C14");
        Map<String, Object> badPhone = input(id, 0, itemName, null);
        badPhone.put("agentPhone", "12345");
        assertThat(Api.graphql(clerk(), RECORD, Map.of("i", badPhone)).errors().get(0).at("/extensions/field").asString())
                .isEqualTo("agentPhone");
        assertThat(Cases.get(clerk(), id).get("version").asLong()).as("nothing changed").isZero();

        Api.Response ok = Api.graphql(clerk(), RECORD, Map.of("i", input(id, 0, itemName, null)));
        assertThat(ok.errors()).as(ok.body().toString()).isNull();
        JsonNode recorded = ok.data().at("/recordEntrustment/case");
        assertThat(recorded.at("/entrustment/agentName").asString()).isEqualTo("韦小宝");
        assertThat(recorded.at("/entrustment/agentPhoneMasked").asString()).isEqualTo("139****5678");
        assertThat(recorded.at("/entrustment/applicantPhoneMasked").asString()).isNotBlank().doesNotContain("13800138000");
        assertThat(recorded.at("/entrustment/materials").toString()).contains("委托书");
        JsonNode last = recorded.get("timeline").get(recorded.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("ENTRUSTED");
        assertThat(last.get("note").asString()).contains("不收取代办费用");

        // once per case; the applicant sees it, another citizen sees no case at all, another centre nothing
        Api.Response again = Api.graphql(clerk(), RECORD, Map.of("i", input(id, recorded.get("version").asLong(), itemName, 0.0)));
        assertThat(again.errors().get(0).at("/extensions/code").asString()).isEqualTo("CONFLICT");
        JsonNode mine = Api.graphql(Cases.citizen(), READ, Map.of("id", id)).data().at("/case/entrustment");
        assertThat(mine.get("agentName").asString()).isEqualTo("韦小宝");
        assertThat(mine.get("window").asString()).isEqualTo("帮办代办窗口");
        assertThat(Api.graphql(Cases.otherCitizen(), READ, Map.of("id", id)).data().get("case").isNull()).isTrue();
        Api.Response foreign = Api.graphql(Tokens.staff("taishan.clerk"), RECORD, Map.of("i", input(id, 1, itemName, null)));
        assertThat(foreign.errors().get(0).at("/extensions/code").asString()).isEqualTo("FORBIDDEN");
    }
}
