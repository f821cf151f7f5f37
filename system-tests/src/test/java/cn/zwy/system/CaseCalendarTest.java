package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.clerk;
import static cn.zwy.system.Cases.get;
import static cn.zwy.system.Cases.ok;
import static cn.zwy.system.Cases.staff;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * case-service's own copy of the working-day calendar (C4), fed by tenant-service's events: the
 * national years, and a tenant's closures, which move the deadlines of its accepted cases.
 */
@ExtendWith(PlatformUnderTest.class)
class CaseCalendarTest {

    @Test
    void nationalCalendarArrivesByTheEventPath_C4() throws Exception {
        String db = System.getenv().getOrDefault("ZWY_CASE_DB", "zwy_test_case");
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select date, off_day from national_calendar_day where date in ('2026-10-01', '2026-10-10') order by date")) {
                if (rs.next()) {
                    assertThat(rs.getBoolean(2)).as("National Day is a day off").isTrue();
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(2)).as("the make-up Saturday 2026-10-10 is a working day").isFalse();
                    return;
                }
            }
            assertThat(System.currentTimeMillis()).as("the 2026 calendar reached case-service").isLessThan(until);
            Thread.sleep(1000);
        }
    }

    @Test
    void tenantClosureMovesTheDeadlineOfAcceptedCases_C4() throws Exception {
        JsonNode item = Cases.promisedItem();
        int limit = item.path("current").path("guide").path("promisedLimit").path("value").asInt();
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode accepted = ok(act(clerk(), id, "accept", staff(0)));
        LocalDate today = Cases.today();
        LocalDate deadline = LocalDate.parse(accepted.path("clock").path("deadline").asString());
        // the first working day after today: inside the limit (at least 3 days)
        LocalDate closed = Cases.expectedDeadline(today.plusDays(1), 1);
        assertThat(closed).isBeforeOrEqualTo(deadline);
        String day = Service.TENANT.url() + "/api/tenants/441825/calendar/days/" + closed;
        Api.Response set = Api.put(day, Cases.admin(), Map.of("working", false, "reason", "系统测试：临时停止办公"));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        try {
            LocalDate moved = Cases.expectedDeadline(today, limit);
            assertThat(moved).isAfter(deadline);
            awaitDeadline(id, moved);
        } finally {
            assertThat(Api.delete(day, Cases.admin()).status()).isEqualTo(200);
        }
        awaitDeadline(id, deadline);
    }

    private static void awaitDeadline(String id, LocalDate expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        String seen;
        while (!(seen = get(clerk(), id).path("clock").path("deadline").asString()).equals(expected.toString())
                && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        assertThat(seen).isEqualTo(expected.toString());
    }
}
