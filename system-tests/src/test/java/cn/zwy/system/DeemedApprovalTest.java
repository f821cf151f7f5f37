package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.clerk;
import static cn.zwy.system.Cases.get;
import static cn.zwy.system.Cases.ok;
import static cn.zwy.system.Cases.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Deemed approval on timeout (C9), switched per item by the centre administrator, carried out by the
 * persistent scheduler's overdue timer.
 */
@ExtendWith(PlatformUnderTest.class)
class DeemedApprovalTest {

    private static final String SET = """
            mutation($i: ID!, $e: Boolean!) { setDeemedApproval(input: {itemId: $i, enabled: $e}) { item { itemId enabled changedBy } } }""";

    static Api.Response set(String token, String itemId, boolean enabled) {
        return Api.graphql(token, SET, Map.of("i", itemId, "e", enabled));
    }

    /**
     * Lets the case's deadline pass: its clock started 60 days ago and was due 30 days ago, and its
     * overdue timer (renamed for that deadline, as an acceptance back then would have set it) is due now.
     */
    static void deadlinePassed(String caseId, String deadline) throws Exception {
        LocalDate due = Cases.today().minusDays(30);
        CaseDb.shiftClock(caseId, Cases.today().minusDays(60), due);
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    update scheduled_tasks set task_instance = ?, execution_time = now() where task_name = 'case-timer' and task_instance = ?""")) {
                ps.setString(1, "OVERDUE|" + due + "|" + caseId);
                ps.setString(2, "OVERDUE|" + deadline + "|" + caseId);
                assertThat(ps.executeUpdate()).as("the overdue timer set at acceptance").isEqualTo(1);
            }
            c.commit();
        }
    }

    private static String accepted(JsonNode item) {
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode a = ok(act(clerk(), id, "accept", staff(0)));
        return id + "|" + a.at("/clock/deadline").asString() + "|" + a.get("timeline").get(a.get("timeline").size() - 1).get("note").asString();
    }

    @Test
    void caseWithoutDecisionByItsDeadlineIsDeemedApproved_C9() throws Exception {
        JsonNode item = Cases.item(n -> "PROMISED".equals(n.path("caseClass").asString(null))
                && n.path("promisedLimit").path("value").asInt(0) >= 1 && n.path("promisedLimit").path("value").asInt(0) <= 20);
        String itemId = item.get("id").asString();
        String admin = Tokens.staff("lianshan.admin");

        // only the centre administrator switches it, only for its own items
        assertThat(set(clerk(), itemId, true).errors().get(0).at("/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(set(Tokens.staff("taishan.admin"), itemId, true).errors().get(0).at("/extensions/code").asString()).isEqualTo("FORBIDDEN");
        Api.Response on = set(admin, itemId, true);
        assertThat(on.errors()).as(on.body().toString()).isNull();
        assertThat(on.data().at("/setDeemedApproval/item/enabled").asBoolean()).isTrue();

        // accepted while on: the acceptance notice promises it
        String[] promised = accepted(item).split("\\|", 3);
        assertThat(promised[2]).contains("视为准予（C9）");
        // switched off: a case accepted now is not promised it; the first keeps its promise
        assertThat(set(admin, itemId, false).errors()).isNull();
        String[] plain = accepted(item).split("\\|", 3);
        assertThat(plain[2]).doesNotContain("视为准予");
        JsonNode listed = Api.graphql(clerk(), "query($t: ID!) { deemedApprovalItems(tenantCode: $t) { itemId enabled } }",
                Map.of("t", Cases.LIANSHAN)).data().get("deemedApprovalItems");
        assertThat(listed.toString()).contains(itemId);

        deadlinePassed(promised[0], promised[1]);
        deadlinePassed(plain[0], plain[1]);
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until
                && !(get(clerk(), promised[0]).get("status").asString().equals("COMPLETED")
                     && get(clerk(), plain[0]).get("timeline").findValuesAsString("action").contains("OVERDUE"))) {
            Thread.sleep(1000);
        }
        JsonNode deemed = get(Cases.citizen(), promised[0]);
        assertThat(deemed.get("status").asString()).as(deemed.toString()).isEqualTo("COMPLETED");
        assertThat(deemed.get("result").asString()).isEqualTo("APPROVED");
        assertThat(deemed.get("resultReason").asString()).contains("C9");
        JsonNode last = deemed.get("timeline").get(deemed.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("DEEMED_APPROVED");
        assertThat(last.get("actor").asString()).isEqualTo("系统（时限监察）");
        // decided by the timer the day after the deadline: completed late (C7)
        assertThat(deemed.at("/clock/warning").asString()).isEqualTo("OVERDUE");

        JsonNode overdue = get(clerk(), plain[0]);
        assertThat(overdue.get("status").asString()).isEqualTo("ACCEPTED");
        List<String> actions = overdue.get("timeline").findValuesAsString("action");
        assertThat(actions).contains("OVERDUE").doesNotContain("DEEMED_APPROVED");
    }
}
