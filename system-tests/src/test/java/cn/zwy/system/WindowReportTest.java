package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.clerk;
import static cn.zwy.system.Cases.ok;
import static cn.zwy.system.Cases.staff;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The monthly report per window (M1, C8), through the public GraphQL endpoint. */
@ExtendWith(PlatformUnderTest.class)
class WindowReportTest {

    private static final String QUERY = """
            query($t: ID!, $m: String!) { windowReport(tenantCode: $t, month: $m) {
              month asOf total { accepted completed }
              windows { window accepted completed completedOnTime onTimeRate completedOverdue openOverdue } } }""";

    /** A case accepted at {@code window} today; its version. */
    private static String acceptedAt(String window) {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        ok(act(clerk(), id, "accept", staff(0, "window", window)));
        return id;
    }

    private static void complete(String id) {
        ok(act(Cases.approver(), id, "complete", staff(Cases.version(id), "approved", true)));
    }

    /** Makes a case look accepted long ago: its clock started 60 days back, due 30 days back. */
    private static void acceptedLongAgo(String caseId) throws Exception {
        CaseDb.shiftClock(caseId, Cases.today().minusDays(60), Cases.today().minusDays(30));
    }

    @Test
    void monthlyReportCountsPerAcceptingWindow_M1() throws Exception {
        String window = "报表测试窗口 " + UUID.randomUUID().toString().substring(0, 6);
        String onTime = acceptedAt(window);
        complete(onTime);
        String late = acceptedAt(window);
        acceptedLongAgo(late);
        complete(late);
        String open = acceptedAt(window);
        acceptedLongAgo(open);

        String month = YearMonth.now(Cases.HALLS).toString();
        Api.Response r = Api.graphql(Tokens.staff("lianshan.admin"), QUERY, Map.of("t", Cases.LIANSHAN, "m", month));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode report = r.data().get("windowReport");
        assertThat(report.get("month").asString()).isEqualTo(month);
        assertThat(report.get("asOf").asString()).isEqualTo(Cases.today().toString());
        JsonNode mine = null;
        for (JsonNode w : report.get("windows")) if (w.get("window").asString().equals(window)) mine = w;
        assertThat(mine).as(report.toString()).isNotNull();
        assertThat(mine.get("accepted").asInt()).isEqualTo(3);
        assertThat(mine.get("completed").asInt()).isEqualTo(2);
        assertThat(mine.get("completedOnTime").asInt()).isEqualTo(1);
        assertThat(mine.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(mine.get("completedOverdue").asInt()).isEqualTo(1);
        assertThat(mine.get("openOverdue").asInt()).isEqualTo(1);
        assertThat(report.at("/total/accepted").asInt()).isGreaterThanOrEqualTo(3);

        // the window's own clerk sees the same report; a month to come is refused, naming the field
        assertThat(Api.graphql(clerk(), QUERY, Map.of("t", Cases.LIANSHAN, "m", month)).errors()).isNull();
        Api.Response future = Api.graphql(clerk(), QUERY, Map.of("t", Cases.LIANSHAN, "m", YearMonth.now(Cases.HALLS).plusMonths(1).toString()));
        assertThat(future.errors().get(0).at("/extensions/code").asString()).isEqualTo("VALIDATION");
        assertThat(future.errors().get(0).at("/extensions/field").asString()).isEqualTo("month");
        Api.Response garbled = Api.graphql(clerk(), QUERY, Map.of("t", Cases.LIANSHAN, "m", "十一月"));
        assertThat(garbled.errors().get(0).at("/extensions/field").asString()).isEqualTo("month");
    }
}
