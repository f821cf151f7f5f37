package cn.zwy.system;

import static cn.zwy.system.Cases.clerk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Handling (issue 8, T5) through the public GraphQL endpoint: the front desk assigns an accepted case to
 * one of 连山's departments (known to case-service from the event path), whose chief representative
 * approves it; the department's queue is the inbox filtered by it; a second assignment moves the case.
 */
@ExtendWith(PlatformUnderTest.class)
class CaseAssignmentTest {

    private static final String ASSIGN = """
            mutation($i: AssignCaseInput!) { assignCase(input: $i) { case { version status holder timeline { action actionLabel note } } } }""";
    private static final String INBOX = """
            query($t: ID!, $f: CaseInboxFilter, $d: ID, $after: String) { caseInbox(tenantCode: $t, filter: $f, departmentId: $d,
              first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }""";

    private static String department(String name) {
        Api.Response r = Api.graphql(Tokens.staff("lianshan.admin"), "query($t: ID!) { departments(tenantCode: $t) { id name } }",
                Map.of("t", Cases.LIANSHAN));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode d : r.data().get("departments")) if (d.get("name").asString().equals(name)) return d.get("id").asString();
        throw new AssertionError("no department " + name);
    }

    private static Api.Response assign(String token, String caseId, long version, String departmentId) {
        return Api.graphql(token, ASSIGN, Map.of("i", Map.of("caseId", caseId, "version", version, "window", "综合受理窗口 3 号",
                "departmentId", departmentId)));
    }

    /** Assigns, waiting (up to 30 s) for case-service to know the department from the event path. */
    private static JsonNode assigned(String caseId, long version, String departmentId) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        Api.Response r = assign(clerk(), caseId, version, departmentId);
        while ("NOT_FOUND".equals(r.errorCode()) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            r = assign(clerk(), caseId, version, departmentId);
        }
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/assignCase/case");
    }

    /** Whether the queue lists the case on any of its pages (other tests leave many open cases behind). */
    private static boolean inQueue(String filter, String departmentId, String caseId) {
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("t", Cases.LIANSHAN);
            vars.put("f", filter);
            vars.put("d", departmentId);
            vars.put("after", after);
            Api.Response r = Api.graphql(clerk(), INBOX, vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            if (r.data().at("/caseInbox/edges").findValuesAsString("id").contains(caseId)) return true;
            if (!r.data().at("/caseInbox/pageInfo/hasNextPage").asBoolean()) return false;
            after = r.data().at("/caseInbox/pageInfo/endCursor").asString();
        }
        return false;
    }

    @Test
    void acceptedCaseGoesToTheDepartmentsQueue_T5() throws Exception {
        String market = department("县市场监督管理局");
        String police = department("县公安局");
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();

        // not before acceptance: nothing changes
        Api.Response early = assign(clerk(), id, 0, market);
        assertThat(early.errorCode()).as(early.body().toString()).isIn("RULE_VIOLATION", "NOT_FOUND");
        JsonNode accepted = Cases.ok(Cases.act(clerk(), id, "accept", Cases.staff(0)));
        long v = accepted.get("version").asLong();

        JsonNode c = assigned(id, v, market);
        assertThat(c.get("holder").asString()).isEqualTo("县市场监督管理局（首席代表审批）");
        JsonNode last = c.get("timeline").get(c.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("ASSIGNED");
        assertThat(last.get("actionLabel").asString()).isEqualTo("分派部门审批");
        assertThat(inQueue("OWN", market, id)).isTrue();
        assertThat(inQueue("OWN", police, id)).isFalse();
        assertThat(inQueue("OWN", null, id)).isTrue();

        // again to another department moves it
        JsonNode moved = assigned(id, c.get("version").asLong(), police);
        assertThat(moved.get("holder").asString()).startsWith("县公安局");
        assertThat(inQueue("OWN", market, id)).isFalse();
        assertThat(inQueue("OWN", police, id)).isTrue();

        // bad input changes nothing: an unknown department, a malformed id, a stale version
        long now = moved.get("version").asLong();
        assertThat(assign(clerk(), id, now, UUID.randomUUID().toString()).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(assign(clerk(), id, now, "市场局").errorCode()).isEqualTo("VALIDATION");
        assertThat(assign(clerk(), id, v, market).errorCode()).isEqualTo("CONFLICT");
        assertThat(assign(Tokens.staff("taishan.clerk"), id, now, market).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Cases.version(id)).isEqualTo(now);
    }

    @Test
    void departmentQueueIsPartOfTheOwnInbox_T5() {
        Api.Response other = Api.graphql(clerk(), INBOX, Map.of("t", Cases.LIANSHAN, "f", "RECEIVED_FOR_OTHERS",
                "d", UUID.randomUUID().toString()));
        assertThat(other.errorCode()).isEqualTo("VALIDATION");
        assertThat(other.errorField()).isEqualTo("departmentId");
        assertThat(Api.graphql(clerk(), INBOX, Map.of("t", Cases.LIANSHAN, "f", "OWN", "d", "市场局")).errorCode()).isEqualTo("VALIDATION");
    }
}
