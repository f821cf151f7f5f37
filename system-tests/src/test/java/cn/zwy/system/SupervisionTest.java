package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.clerk;
import static cn.zwy.system.Cases.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Approval–supervision split (审管分离, C15) through the public GraphQL endpoint: the centre administrator
 * names an item's supervising department (one of 连山's departments, known to case-service from the event
 * path); a case of the item that completes — decided, or finished on the spot — is pushed to that
 * department's inbox with its result and its materials' references, in the completion's transaction; the
 * department acknowledges it; other tenants never see the inbox. The settings are removed afterwards, so
 * other tests' cases of these items complete as before.
 */
@ExtendWith(PlatformUnderTest.class)
class SupervisionTest {

    private static final String SET = """
            mutation($i: ID!, $d: ID) { setSupervisingDepartment(input: {itemId: $i, departmentId: $d}) {
              item { itemId itemName departmentId departmentName changedBy } } }""";
    private static final String INBOX = """
            query($t: ID!, $d: ID!, $open: Boolean) { supervisionInbox(tenantCode: $t, departmentId: $d, unacknowledgedOnly: $open, first: 100) {
              edges { node { caseId caseNumber itemName departmentName result resultReason materials { name copies uploadId }
                             completedAt acknowledgedAt acknowledgedBy } } pageInfo { hasNextPage } } }""";
    private static final String ACK = "mutation($c: ID!) { acknowledgeSupervision(caseId: $c) { push { caseId acknowledgedAt acknowledgedBy } } }";

    private static String admin() { return Tokens.staff("lianshan.admin"); }

    private static String department(String name) {
        Api.Response r = Api.graphql(admin(), "query($t: ID!) { departments(tenantCode: $t) { id name } }", Map.of("t", Cases.LIANSHAN));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode d : r.data().get("departments")) if (d.get("name").asString().equals(name)) return d.get("id").asString();
        throw new AssertionError("no department " + name);
    }

    private static Api.Response set(String token, String itemId, String departmentId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("i", itemId);
        vars.put("d", departmentId);
        return Api.graphql(token, SET, vars);
    }

    /** Names the department, waiting (up to 30 s) for case-service to know it from the event path. */
    private static JsonNode assign(String itemId, String departmentId) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        Api.Response r = set(admin(), itemId, departmentId);
        while ("NOT_FOUND".equals(r.errorCode()) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            r = set(admin(), itemId, departmentId);
        }
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/setSupervisingDepartment/item");
    }

    private static List<JsonNode> inbox(String token, String department, boolean open) {
        Api.Response r = Api.graphql(token, INBOX, Map.of("t", Cases.LIANSHAN, "d", department, "open", open));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode e : r.data().at("/supervisionInbox/edges")) out.add(e.get("node"));
        return out;
    }

    private static JsonNode pushOf(List<JsonNode> pushes, String caseId) {
        return pushes.stream().filter(p -> p.get("caseId").asString().equals(caseId)).findFirst().orElse(null);
    }

    @Test
    void completedCaseIsPushedToTheSupervisingDepartment_C15() throws Exception {
        JsonNode promised = Cases.promisedItem();
        // an item other tests do not complete (the one with the longest limit, not the usual promised one)
        JsonNode item = Cases.item(n -> "PROMISED".equals(n.path("caseClass").asString(null))
                && n.path("promisedLimit").path("value").asInt(0) >= 15 && !n.get("id").asString().equals(promised.get("id").asString()));
        String itemId = item.get("id").asString();
        String market = department("县市场监督管理局");
        String other = Cases.submitted(promised).get("caseId").asString();
        try {
            // only the centre administrator names it, only one of its departments, only for its own items
            assertThat(set(clerk(), itemId, market).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(set(Tokens.staff("taishan.admin"), itemId, market).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(set(admin(), itemId, "不是编号").errorCode()).isEqualTo("VALIDATION");
            assertThat(set(admin(), itemId, UUID.randomUUID().toString()).errorCode()).isEqualTo("NOT_FOUND");
            JsonNode named = assign(itemId, market);
            assertThat(named.get("departmentName").asString()).isEqualTo("县市场监督管理局");
            assertThat(Api.graphql(clerk(), "query($t: ID!) { supervisionItems(tenantCode: $t) { itemId departmentName } }",
                    Map.of("t", Cases.LIANSHAN)).data().get("supervisionItems").toString()).contains(itemId);

            String id = Cases.submitted(item).get("caseId").asString();
            Cases.ok(act(clerk(), id, "accept", staff(0)));
            JsonNode done = Cases.ok(act(Cases.approver(), id, "complete", staff(Cases.version(id), "approved", true)));
            JsonNode last = done.get("timeline").get(done.get("timeline").size() - 1);
            assertThat(last.get("note").asString()).contains("推送监管部门县市场监督管理局").contains("C15");
            // a case of an item without a supervising department is not pushed
            Cases.ok(act(clerk(), other, "accept", staff(0)));
            Cases.ok(act(Cases.approver(), other, "complete", staff(Cases.version(other), "approved", true)));

            List<JsonNode> pushes = inbox(clerk(), market, false);
            JsonNode push = pushOf(pushes, id);
            assertThat(push).as(pushes.toString()).isNotNull();
            assertThat(pushOf(pushes, other)).isNull();
            assertThat(push.get("result").asString()).isEqualTo("APPROVED");
            assertThat(push.get("caseNumber").asString()).isEqualTo(done.get("caseNumber").asString());
            assertThat(push.get("materials").findValuesAsString("name")).containsExactlyElementsOf(Cases.materialNames(item));
            assertThat(push.get("acknowledgedAt").isNull()).isTrue();
            assertThat(pushOf(inbox(clerk(), market, true), id)).isNotNull();
            // the department of another tenant, a citizen: never
            Api.Response foreign = Api.graphql(Tokens.staff("taishan.clerk"), INBOX, Map.of("t", Cases.LIANSHAN, "d", market, "open", false));
            assertThat(foreign.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(Api.graphql(Cases.citizen(), INBOX, Map.of("t", Cases.LIANSHAN, "d", market, "open", false)).errorCode())
                    .isIn("FORBIDDEN", "UNAUTHENTICATED");
            assertThat(Api.graphql(Tokens.staff("taishan.clerk"), ACK, Map.of("c", id)).errorCode()).isEqualTo("FORBIDDEN");

            Api.Response ack = Api.graphql(clerk(), ACK, Map.of("c", id));
            assertThat(ack.errors()).as(ack.body().toString()).isNull();
            String at = ack.data().at("/acknowledgeSupervision/push/acknowledgedAt").asString();
            assertThat(at).isNotBlank();
            // once: again answers the first acknowledgement
            assertThat(Api.graphql(Cases.approver(), ACK, Map.of("c", id)).data().at("/acknowledgeSupervision/push/acknowledgedAt").asString())
                    .isEqualTo(at);
            assertThat(pushOf(inbox(clerk(), market, true), id)).isNull();
            assertThat(Api.graphql(clerk(), ACK, Map.of("c", other)).errorCode()).isEqualTo("NOT_FOUND");
        } finally {
            assertThat(set(admin(), itemId, null).errors()).isNull();
        }
    }

    @Test
    void instantCaseFinishedOnTheSpotIsPushedToo_C15_C3() throws Exception {
        JsonNode item = Cases.instantItem();
        String itemId = item.get("id").asString();
        String hr = department("县人力资源和社会保障局");
        try {
            assign(itemId, hr);
            String id = Cases.submitted(item).get("caseId").asString();
            JsonNode done = Cases.ok(act(clerk(), id, "accept", staff(0)));
            assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
            JsonNode push = pushOf(inbox(clerk(), hr, true), id);
            assertThat(push).isNotNull();
            assertThat(push.get("result").asString()).isEqualTo("APPROVED");
            assertThat(push.get("departmentName").asString()).isEqualTo("县人力资源和社会保障局");
        } finally {
            assertThat(set(admin(), itemId, null).errors()).isNull();
        }
    }
}
