package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.citizen;
import static cn.zwy.system.Cases.clerk;
import static cn.zwy.system.Cases.get;
import static cn.zwy.system.Cases.ok;
import static cn.zwy.system.Cases.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Timers of the rulebooks on the persistent scheduler (db-scheduler on PostgreSQL): the near-deadline
 * warning (C8) and 容缺 acceptance with its due date (C5).
 */
@ExtendWith(PlatformUnderTest.class)
class CaseTimersTest {

    private static List<String> actions(String id) {
        return get(citizen(), id).get("timeline").findValuesAsString("action");
    }

    @Test
    void nearDeadlineWarningFiresOnceFromThePersistentScheduler_C8() throws Exception {
        // a one-working-day item accepted today has used its whole limit today: the warning is due at once
        JsonNode item = Cases.item(n -> "PROMISED".equals(n.path("caseClass").asString(null))
                && n.path("promisedLimit").path("value").asInt(0) == 1
                && "WORKING_DAY".equals(n.path("promisedLimit").path("unit").asString(null)));
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode accepted = ok(act(clerk(), id, "accept", staff(0)));
        boolean workingToday = Cases.expectedDeadline(Cases.today(), 1).equals(Cases.today());
        long until = System.currentTimeMillis() + 40_000;
        while (workingToday && !actions(id).contains("NEAR_DEADLINE") && System.currentTimeMillis() < until) Thread.sleep(1000);
        if (workingToday) {
            Thread.sleep(6000); // more than a polling interval: a second firing would show now
            List<String> actions = actions(id);
            assertThat(actions.stream().filter("NEAR_DEADLINE"::equals).count()).as(actions.toString()).isEqualTo(1);
            JsonNode warning = get(clerk(), id).get("timeline").get(actions.indexOf("NEAR_DEADLINE"));
            assertThat(warning.get("actor").asString()).isEqualTo("系统（时限监察）");
            assertThat(warning.get("note").asString()).contains(accepted.path("clock").path("deadline").asString());
            // still on the deadline day: near it; a run that crossed midnight in the halls' time zone finds it passed
            String flag = get(clerk(), id).path("clock").path("warning").asString();
            LocalDate deadline = LocalDate.parse(accepted.path("clock").path("deadline").asString());
            if (!Cases.today().isAfter(deadline)) assertThat(flag).isEqualTo("NEAR_DEADLINE");
            else assertThat(flag).isEqualTo("OVERDUE");
        }
        // the overdue timer waits in the scheduler's table for the day after the deadline
        assertThat(timer("OVERDUE|" + accepted.path("clock").path("deadline").asString() + "|" + id)).isTrue();
    }

    @Test
    void toleratedMissingAcceptanceHasADueDateOnTheScheduler_C5() throws Exception {
        JsonNode item = Cases.item(n -> n.path("toleratedMissing").asBoolean(false) && !"INSTANT".equals(n.path("caseClass").asString(null)));
        String tolerated = null;
        String notTolerated = null;
        for (JsonNode m : item.path("current").path("guide").path("materials")) {
            if (m.path("toleratedMissing").asBoolean(false)) tolerated = m.get("name").asString();
            else notTolerated = m.get("name").asString();
        }
        assertThat(tolerated).as("a demo guide with a material allowed to be missing").isNotNull();
        String id = Cases.submitted(item).get("caseId").asString();
        LocalDate due = Cases.today().plusDays(5);

        Api.Response mainMissing = act(clerk(), id, "accept", staff(0, "toleratedMissing", List.of(notTolerated), "toleratedDue", due.toString()));
        assertThat(mainMissing.status()).isEqualTo(422);
        assertThat(mainMissing.body().path("rule").asString()).isEqualTo("C5");
        Api.Response noDue = act(clerk(), id, "accept", staff(0, "toleratedMissing", List.of(tolerated)));
        assertThat(noDue.status()).isEqualTo(400);
        assertThat(noDue.body().path("field").asString()).isEqualTo("toleratedDue");

        JsonNode accepted = ok(act(clerk(), id, "accept", staff(0, "toleratedMissing", List.of(tolerated), "toleratedDue", due.toString())));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("nextStep").asString()).contains(due.toString()).contains("失信名单");
        assertThat(timer("TOLERATED|" + due + "|" + id)).isTrue();

        // the applicant supplies it: the timer will find nothing left to do
        JsonNode supplied = ok(act(citizen(), id, "correct", Map.of("materials", List.of(Map.of("name", tolerated)))));
        assertThat(supplied.get("timeline").findValuesAsString("action")).contains("TOLERATED_SUPPLIED");
        assertThat(supplied.get("nextStep").asString()).doesNotContain("容缺");

        // the dishonesty list is for the tenant's staff only
        assertThat(Api.get(Cases.url("/api/cases/dishonesty/441825"), clerk()).status()).isEqualTo(200);
        assertThat(Api.get(Cases.url("/api/cases/dishonesty/441825"), citizen()).status()).isEqualTo(403);
        assertThat(Api.get(Cases.url("/api/cases/dishonesty/441825"), Tokens.staff("taishan.clerk")).status()).isEqualTo(403);
    }

    /** Whether the scheduler's table holds this timer (it is persistent: a restart finds it there). */
    private static boolean timer(String instance) throws Exception {
        String db = System.getenv().getOrDefault("ZWY_CASE_DB", "zwy_test_case");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
             PreparedStatement ps = c.prepareStatement("select count(*) from scheduled_tasks where task_name = 'case-timer' and task_instance = ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
