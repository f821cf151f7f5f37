package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The working-day calendar (C4) and hall opening (A4) end to end through GraphQL, with the
 * shipped 2026 calendar (checked by hand against holiday-cn/2026.json: Spring Festival off
 * 02-15..23, make-up Saturdays 02-14 and 02-28; National Day off 10-01..07, make-up Sunday
 * 09-20 and Saturday 10-10). Each test removes what it sets and uses dates no other test uses.
 */
@ExtendWith(PlatformUnderTest.class)
class CalendarTest {

    private static final String LIANSHAN = "441825";
    private static final String TAISHAN = "440781";
    /** Loaded by this test only (tenant-service's own test uses another year). */
    private static final int LOADED_YEAR = 2032;
    /** Loaded by the platform operator in {@link #provincialAdminCannotRewriteNationalCalendar}. */
    private static final int OPERATOR_YEAR = 2036;
    private static final String LUOSHAN = "411521";

    static final String WORKING_DAY = "query($t: ID!, $d: Date!) { workingDay(tenantCode: $t, date: $d) { tenantCode date working warnings } }";
    static final String ADD = "query($t: ID!, $f: Date!, $n: Int!) { addWorkingDays(tenantCode: $t, from: $f, days: $n) { date warnings } }";
    static final String BETWEEN = "query($t: ID!, $f: Date!, $to: Date!) { workingDaysBetween(tenantCode: $t, from: $f, to: $to) { count warnings } }";
    static final String NEXT_OPENING = "query($t: ID!, $f: DateTime) { hallNextOpening(tenantCode: $t, from: $f) { hallId openNow opensAt closesAt note warnings } }";
    static final String SET_DAY = "mutation($i: SetTenantCalendarDayInput!) { setTenantCalendarDay(input: $i) { day { date working reason updatedBy } } }";
    static final String REMOVE_DAY = "mutation($i: RemoveTenantCalendarDayInput!) { removeTenantCalendarDay(input: $i) { removed } }";
    static final String SET_SPECIAL = "mutation($i: SetHallSpecialDayInput!) { setHallSpecialDay(input: $i) { day { hallId date closed periods { opens closes } reason } } }";
    static final String REMOVE_SPECIAL = "mutation($i: RemoveHallSpecialDayInput!) { removeHallSpecialDay(input: $i) { removed } }";
    static final String LOAD = "mutation($i: LoadNationalCalendarInput!) { loadNationalCalendar(input: $i) { year dayCount offDayCount workdayCount replaced } }";

    private static JsonNode ok(Api.Response r) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data();
    }

    private static JsonNode workingDay(String tenant, String date) {
        return ok(Api.graphql(null, WORKING_DAY, Map.of("t", tenant, "d", date))).get("workingDay");
    }

    private static boolean working(String tenant, String date) {
        JsonNode a = workingDay(tenant, date);
        assertThat(a.get("warnings").isEmpty()).as(a.toString()).isTrue();
        return a.get("working").asBoolean();
    }

    private static String admin() {
        return Tokens.staff("lianshan.admin");
    }

    @Test
    void springFestival2026IsNotAWorkingDay_C4() {
        assertThat(working(LIANSHAN, "2026-02-13")).isTrue();
        assertThat(working(LIANSHAN, "2026-02-17")).isFalse();
        assertThat(working(LIANSHAN, "2026-02-23")).isFalse();
        assertThat(working(LIANSHAN, "2026-02-24")).isTrue();
        assertThat(workingDay(LIANSHAN, "2026-02-17").get("date").asString()).isEqualTo("2026-02-17");
    }

    @Test
    void makeUpSaturdaysAndSundayAreWorkingDays_C4() {
        assertThat(working(LIANSHAN, "2026-02-14")).isTrue();
        assertThat(working(LIANSHAN, "2026-02-28")).isTrue();
        assertThat(working(LIANSHAN, "2026-09-20")).isTrue();
        assertThat(working(LIANSHAN, "2026-10-10")).isTrue();
        assertThat(working(LIANSHAN, "2026-03-07")).isFalse();
    }

    @Test
    void addWorkingDaysSkipsNationalDay2026_C4() {
        JsonNode a = ok(Api.graphql(null, ADD, Map.of("t", LIANSHAN, "f", "2026-09-30", "n", 3))).get("addWorkingDays");
        assertThat(a.get("date").asString()).isEqualTo("2026-10-10");
        assertThat(a.get("warnings").isEmpty()).isTrue();
        assertThat(ok(Api.graphql(null, ADD, Map.of("t", LIANSHAN, "f", "2026-09-30", "n", 1))).at("/addWorkingDays/date").asString())
                .isEqualTo("2026-10-08");
        assertThat(ok(Api.graphql(null, BETWEEN, Map.of("t", LIANSHAN, "f", "2026-09-14", "to", "2026-10-12")))
                .at("/workingDaysBetween/count").asInt()).isEqualTo(16);
        assertThat(ok(Api.graphql(null, BETWEEN, Map.of("t", LIANSHAN, "f", "2026-03-02", "to", "2026-02-09")))
                .at("/workingDaysBetween/count").asInt()).isEqualTo(-11);
    }

    @Test
    void yearWithoutCalendarWarns_C4() {
        JsonNode a = workingDay(LIANSHAN, "2027-10-01");
        assertThat(a.get("working").asBoolean()).isTrue();
        assertThat(a.get("warnings").get(0).asString())
                .isEqualTo("2027 年国家法定节假日安排尚未加载，该年份按周末休息计算，结果可能不准确");
        JsonNode across = ok(Api.graphql(null, ADD, Map.of("t", LIANSHAN, "f", "2026-12-24", "n", 10))).get("addWorkingDays");
        assertThat(across.get("warnings")).hasSize(1);
    }

    @Test
    void tenantClosureIsNotAWorkingDay_C4() {
        String date = "2026-08-12";
        assertThat(working(LIANSHAN, date)).isTrue();
        try {
            JsonNode day = ok(Api.graphql(admin(), SET_DAY, Map.of("i",
                    Map.of("tenantCode", LIANSHAN, "date", date, "working", false, "reason", "防汛停止办公")))).at("/setTenantCalendarDay/day");
            assertThat(day.get("working").asBoolean()).isFalse();
            assertThat(day.get("updatedBy").asString()).isEqualTo("lianshan.admin");
            assertThat(working(LIANSHAN, date)).isFalse();
            assertThat(working(TAISHAN, date)).isTrue();
        } finally {
            assertThat(ok(Api.graphql(admin(), REMOVE_DAY, Map.of("i", Map.of("tenantCode", LIANSHAN, "date", date))))
                    .at("/removeTenantCalendarDay/removed").asBoolean()).isTrue();
        }
        assertThat(working(LIANSHAN, date)).isTrue();
    }

    @Test
    void crossTenantCalendarEditsAreRefused_T2() {
        String date = "2026-08-19";
        Map<String, Object> input = Map.of("tenantCode", LIANSHAN, "date", date, "working", false, "reason", "停止办公");
        for (String user : List.of("taishan.clerk", "lianshan.clerk", "gd.admin")) {
            assertThat(Api.graphql(Tokens.staff(user), SET_DAY, Map.of("i", input)).errorCode()).as(user).isEqualTo("FORBIDDEN");
        }
        assertThat(Api.graphql(Tokens.staff("taishan.clerk"), SET_SPECIAL, Map.of("i",
                Map.of("tenantCode", LIANSHAN, "date", date, "closed", true, "reason", "关闭"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(null, SET_DAY, Map.of("i", input)).errorCode()).isEqualTo("UNAUTHENTICATED");
        // straight to tenant-service with the same token: refused there too
        Api.Response direct = Api.put(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/calendar/days/" + date,
                Tokens.staff("taishan.clerk"), Map.of("working", false, "reason", "停止办公"));
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.body().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(working(LIANSHAN, date)).isTrue();
    }

    @Test
    void weekendBookingDayOpensTheHall_A4() {
        String saturday = "2026-08-15";
        Map<String, Object> from = Map.of("t", LIANSHAN, "f", "2026-08-15T04:30:00Z"); // 12:30 in 连山
        JsonNode before = ok(Api.graphql(null, NEXT_OPENING, from)).get("hallNextOpening");
        assertThat(before.get("opensAt").asString()).isNotEqualTo("2026-08-15T05:00:00Z");
        try {
            JsonNode day = ok(Api.graphql(admin(), SET_SPECIAL, Map.of("i", Map.of("tenantCode", LIANSHAN, "date", saturday,
                    "closed", false, "periods", List.of(Map.of("opens", "13:00", "closes", "16:00")), "reason", "周末预约服务日"))))
                    .at("/setHallSpecialDay/day");
            assertThat(day.get("hallId").asString()).isEqualTo(Halls.hall(LIANSHAN).get("id").asString());
            JsonNode o = ok(Api.graphql(null, NEXT_OPENING, from)).get("hallNextOpening");
            assertThat(o.get("openNow").asBoolean()).isFalse();
            assertThat(o.get("opensAt").asString()).isEqualTo("2026-08-15T05:00:00Z");
            assertThat(o.get("closesAt").asString()).isEqualTo("2026-08-15T08:00:00Z");
            assertThat(o.get("note").asString()).isEqualTo("周末预约服务日");
            JsonNode during = ok(Api.graphql(null, NEXT_OPENING, Map.of("t", LIANSHAN, "f", "2026-08-15T06:00:00Z"))).get("hallNextOpening");
            assertThat(during.get("openNow").asBoolean()).isTrue();
        } finally {
            ok(Api.graphql(admin(), REMOVE_SPECIAL, Map.of("i", Map.of("tenantCode", LIANSHAN, "date", saturday))));
        }
        assertThat(ok(Api.graphql(null, NEXT_OPENING, from)).at("/hallNextOpening/opensAt").asString())
                .isEqualTo(before.get("opensAt").asString());
    }

    private static String holidayCn(Object year, List<Map<String, Object>> days) {
        Map<String, Object> file = new HashMap<>();
        file.put("year", year);
        file.put("papers", List.of("https://www.gov.cn/example/" + year));
        file.put("days", days);
        return Api.JSON.writeValueAsString(file);
    }

    @Test
    void administratorLoadsANewYear_C4() {
        String json = holidayCn(LOADED_YEAR, List.of(
                Map.of("name", "元旦", "date", LOADED_YEAR + "-01-01", "isOffDay", true),
                Map.of("name", "元旦", "date", LOADED_YEAR + "-01-03", "isOffDay", false)));
        Map<String, Object> input = Map.of("i", Map.of("year", LOADED_YEAR, "json", json));
        assertThat(Api.graphql(admin(), LOAD, input).errorCode()).isEqualTo("FORBIDDEN");
        JsonNode loaded = ok(Api.graphql(Tokens.staff("platform.operator"), LOAD, input)).get("loadNationalCalendar");
        assertThat(loaded.get("dayCount").asInt()).isEqualTo(2);
        assertThat(loaded.get("workdayCount").asInt()).isEqualTo(1);
        // idempotent: loading the same year again replaces it
        assertThat(ok(Api.graphql(Tokens.staff("platform.operator"), LOAD, input)).at("/loadNationalCalendar/replaced").asBoolean()).isTrue();
        assertThat(working(LIANSHAN, LOADED_YEAR + "-01-01")).isFalse();
        assertThat(working(LIANSHAN, LOADED_YEAR + "-01-03")).isTrue();  // a make-up Saturday
    }

    /**
     * Issue 6: the Guangdong administrator loaded a national calendar and changed Henan's working
     * days. The national calendar is the platform operator's alone: a provincial administrator is
     * refused by the gateway and by tenant-service itself, and nothing changes in any province.
     */
    @Test
    void provincialAdminCannotRewriteNationalCalendar() {
        String newYear = OPERATOR_YEAR + "-01-01";  // a Tuesday
        String json = holidayCn(OPERATOR_YEAR, List.of(Map.of("name", "元旦", "date", newYear, "isOffDay", true)));
        Map<String, Object> input = Map.of("i", Map.of("year", OPERATOR_YEAR, "json", json));
        assertThat(workingDay(LUOSHAN, newYear).get("warnings")).as("not loaded yet").hasSize(1);

        String gd = Tokens.staff("gd.admin");
        Api.Response r = Api.graphql(gd, LOAD, input);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(r.data() == null || r.data().isNull() || r.data().path("loadNationalCalendar").isNull()).as(r.body().toString()).isTrue();
        // straight to the service (as if past the gateway): it checks the caller itself
        Api.Response direct = Api.put(Service.TENANT.url() + "/api/calendar/national/" + OPERATOR_YEAR, gd, Api.JSON.readTree(json));
        assertThat(direct.status()).as(direct.body().toString()).isEqualTo(403);
        // nothing changed: Henan (and Guangdong) still count the year as not loaded, the day as a working Tuesday
        for (String tenant : List.of(LUOSHAN, LIANSHAN)) {
            JsonNode day = workingDay(tenant, newYear);
            assertThat(day.get("working").asBoolean()).isTrue();
            assertThat(day.get("warnings")).hasSize(1);
        }

        JsonNode loaded = ok(Api.graphql(Tokens.staff("platform.operator"), LOAD, input)).get("loadNationalCalendar");
        assertThat(loaded.get("offDayCount").asInt()).isEqualTo(1);
        assertThat(working(LUOSHAN, newYear)).isFalse();
    }

    @Test
    void badCalendarInputIsRefusedWithTheField_C4() {
        String gd = Tokens.staff("platform.operator");
        String wrongYear = holidayCn(2034, List.of(Map.of("name", "元旦", "date", "2034-01-01", "isOffDay", true)));
        Api.Response r = Api.graphql(gd, LOAD, Map.of("i", Map.of("year", 2035, "json", wrongYear)));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("year");
        r = Api.graphql(gd, LOAD, Map.of("i", Map.of("year", 2035, "json", "{\"year\": 2035,")));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("json");
        r = Api.graphql(gd, LOAD, Map.of("i", Map.of("year", 2035, "json",
                holidayCn(2035, List.of(Map.of("name", "元旦", "date", "2035-01-01"))))));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("days[0].isOffDay");
        assertThat(workingDay(LIANSHAN, "2035-01-01").get("warnings")).hasSize(1); // still not loaded

        r = Api.graphql(admin(), SET_DAY, Map.of("i", Map.of("tenantCode", LIANSHAN, "date", "2026-08-26", "working", false, "reason", " ")));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("reason");
        r = Api.graphql(admin(), SET_SPECIAL, Map.of("i", Map.of("tenantCode", LIANSHAN, "date", "2026-08-26", "closed", false,
                "periods", List.of(Map.of("opens", "13:00", "closes", "12:00")), "reason", "预约日")));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("periods[0]");
        assertThat(Api.graphql(null, WORKING_DAY, Map.of("t", LIANSHAN, "d", "2026-02-30")).errorCode()).isEqualTo("VALIDATION");
        assertThat(Api.graphql(null, ADD, Map.of("t", LIANSHAN, "f", "2026-08-26", "n", 4000)).errorField()).isEqualTo("days");
        assertThat(working(LIANSHAN, "2026-08-26")).isTrue();
    }
}
