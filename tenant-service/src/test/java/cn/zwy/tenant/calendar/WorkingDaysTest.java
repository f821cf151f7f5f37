package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.calendar.CalendarDays;
import cn.zwy.tenant.api.calendar.HallOpening;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.Hall;
import cn.zwy.tenant.hall.HallDetails;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.hall.OpeningHours;
import cn.zwy.tenant.api.hall.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The working-day calendar (C4) and hall opening (A4) against the real PostgreSQL, with the
 * shipped holiday-cn data. Expected dates were checked by hand against holiday-cn/2026.json:
 * Spring Festival off 2026-02-15..23 with make-up Saturdays 02-14 and 02-28; Mid-Autumn off
 * 09-25..27 and National Day off 10-01..07 with make-up Sunday 09-20 and Saturday 10-10.
 * Every test undoes what it sets, so the tests run in any order and any number of times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_TENANT_DB:zwy_test_tenant}",
        "zwy.events.stream=${ZWY_EVENTS_STREAM:zwy-test:local:events}"})
@AutoConfigureTestRestTemplate
class WorkingDaysTest {

    private static final String LIANSHAN = "441825";
    private static final String TAISHAN = "440781";
    /** Years no other test loads (the system tests use others). */
    private static final int LOADED_IN_TEST = 2031;
    private static final int NEVER_LOADED = 2033;

    @Autowired WorkingDays workingDays;
    @Autowired CalendarService calendar;
    @Autowired CalendarAdmin admin;
    @Autowired NationalCalendar national;
    @Autowired HallRepository halls;
    @Autowired TenantTransactions tx;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;

    private final List<Runnable> undo = new ArrayList<>();
    private UUID testHall;

    static Caller staff(String username, String tenant, String... roles) {
        return new Caller(Realm.STAFF, username + "-id", username, username, Set.of(roles), Optional.of(tenant), Optional.empty());
    }

    static final Caller LIANSHAN_ADMIN = staff("lianshan.admin", LIANSHAN, Caller.CENTRE_ADMIN);
    static final Caller LIANSHAN_CLERK = staff("lianshan.clerk", LIANSHAN, "clerk");
    static final Caller TAISHAN_CLERK = staff("taishan.clerk", TAISHAN, "clerk");
    static final Caller GD_ADMIN = staff("gd.admin", "44", Caller.PROVINCIAL_ADMIN);
    static final Caller OPERATOR = new Caller(Realm.STAFF, "op-id", "platform.operator", "platform.operator",
            Set.of(Caller.PLATFORM_OPERATOR), Optional.empty(), Optional.empty());

    /** A hall of its own (not the main hall, whose hours other tests edit), with the A4 hours. */
    @BeforeEach
    void hallWithStandardHours() {
        testHall = tx.write(LIANSHAN, () -> halls.saveAndFlush(new Hall(LIANSHAN, HallLevel.COUNTY, false,
                new HallDetails("日历测试大厅", "测试地址", "12345",
                        OpeningHours.standardWorkdays("08:30", "11:30", "14:30", "17:30")))).getId());
    }

    @AfterEach
    void undoEverything() {
        undo.reversed().forEach(Runnable::run);
        tx.write(LIANSHAN, () -> {
            jdbc.update("delete from hall_special_day where hall_id = ?", testHall);
            jdbc.update("delete from hall where id = ?", testHall);
            return null;
        });
    }

    private boolean working(String tenant, String date) {
        CalendarAnswer<Boolean> a = workingDays.isWorkingDay(tenant, LocalDate.parse(date));
        assertThat(a.warnings()).as(date).isEmpty();
        return a.value();
    }

    private LocalDate add(String from, int days) {
        CalendarAnswer<LocalDate> a = workingDays.addWorkingDays(LIANSHAN, LocalDate.parse(from), days);
        assertThat(a.warnings()).isEmpty();
        return a.value();
    }

    private void setDay(String date, boolean working, String reason) {
        admin.setTenantDay(LIANSHAN_ADMIN, LIANSHAN, LocalDate.parse(date), new CalendarDays.TenantDayInput(working, reason));
        undo.add(() -> admin.removeTenantDay(LIANSHAN_ADMIN, LIANSHAN, LocalDate.parse(date)));
    }

    private void setSpecial(String date, boolean closed, List<TimeRange> periods, String reason) {
        admin.setSpecialDay(LIANSHAN_ADMIN, LIANSHAN, testHall, LocalDate.parse(date),
                new CalendarDays.SpecialDayInput(closed, periods, reason));
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CalendarService.HALL_ZONE).toInstant();
    }

    private HallOpening opening(String fromLocal) {
        CalendarAnswer<HallOpening> a = calendar.nextOpening(LIANSHAN, testHall, shanghai(fromLocal));
        assertThat(a.warnings()).isEmpty();
        return a.value();
    }

    private static void refused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            if (field != null) assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void springFestival2026IsNotAWorkingDay_C4() {
        for (LocalDate d = LocalDate.parse("2026-02-15"); !d.isAfter(LocalDate.parse("2026-02-23")); d = d.plusDays(1)) {
            assertThat(working(LIANSHAN, d.toString())).as(d.toString()).isFalse();
        }
        assertThat(working(LIANSHAN, "2026-02-13")).isTrue();
        assertThat(working(LIANSHAN, "2026-02-24")).isTrue();
        // the same national calendar for every tenant
        assertThat(working(TAISHAN, "2026-02-17")).isFalse();
    }

    @Test
    void makeUpSaturdayIsAWorkingDay_C4() {
        assertThat(working(LIANSHAN, "2026-02-14")).isTrue();   // Saturday before Spring Festival
        assertThat(working(LIANSHAN, "2026-02-28")).isTrue();   // Saturday after it
        assertThat(working(LIANSHAN, "2026-10-10")).isTrue();   // Saturday after National Day
        assertThat(working(LIANSHAN, "2026-03-07")).isFalse();  // an ordinary Saturday
    }

    @Test
    void makeUpSundayIsAWorkingDay_C4() {
        assertThat(working(LIANSHAN, "2026-09-20")).isTrue();
        assertThat(working(LIANSHAN, "2026-09-27")).isFalse();  // Mid-Autumn, a Sunday off
    }

    @Test
    void addWorkingDaysSkipsNationalDay2026_C4() {
        assertThat(add("2026-09-30", 1)).isEqualTo("2026-10-08");
        assertThat(add("2026-09-30", 3)).isEqualTo("2026-10-10");   // Thu, Fri, make-up Saturday
        assertThat(add("2026-10-01", 0)).isEqualTo("2026-10-08");   // 0 from a day off: the next working day
        assertThat(add("2026-09-30", 0)).isEqualTo("2026-09-30");
        assertThat(add("2026-09-24", 1)).isEqualTo("2026-09-28");   // over Mid-Autumn
        assertThat(add("2026-09-18", 1)).isEqualTo("2026-09-20");   // onto the make-up Sunday
    }

    @Test
    void addWorkingDaysOverSpringFestival2026_C4() {
        assertThat(add("2026-02-13", 1)).isEqualTo("2026-02-14");
        assertThat(add("2026-02-13", 2)).isEqualTo("2026-02-24");
    }

    @Test
    void workingDaysBetweenCountsHolidaysAndMakeUpDays_C4() {
        CalendarAnswer<Integer> feb = workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-02-09"), LocalDate.parse("2026-03-02"));
        assertThat(feb.value()).isEqualTo(11);
        assertThat(feb.warnings()).isEmpty();
        assertThat(workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-02-09")).value())
                .isEqualTo(-11);
        assertThat(workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-09-14"), LocalDate.parse("2026-10-12")).value())
                .isEqualTo(16);
        assertThat(workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-10-08"), LocalDate.parse("2026-10-08")).value())
                .isZero();
    }

    @Test
    void yearWithoutCalendarWarns_C4() {
        CalendarAnswer<Boolean> a = workingDays.isWorkingDay(LIANSHAN, LocalDate.parse("2027-10-01"));
        assertThat(a.value()).isTrue(); // a Friday: weekends only, and said so
        assertThat(a.warnings()).containsExactly(
                "2027 年国家法定节假日安排尚未加载，该年份按周末休息计算，结果可能不准确");
        assertThat(a.certain()).isFalse();
        // one warning per year, however many of its days are touched
        CalendarAnswer<LocalDate> across = workingDays.addWorkingDays(LIANSHAN, LocalDate.parse("2026-12-30"), 20);
        assertThat(across.warnings()).hasSize(1).allSatisfy(w -> assertThat(w).startsWith("2027 年"));
        CalendarAnswer<Integer> two = workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-12-01"), LocalDate.parse("2028-01-10"));
        assertThat(two.warnings()).hasSize(2);
        // within loaded years: no warning
        assertThat(workingDays.addWorkingDays(LIANSHAN, LocalDate.parse("2026-12-01"), 5).warnings()).isEmpty();
    }

    @Test
    void tenantClosureIsNotAWorkingDay_C4() {
        int before = workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-06-08"), LocalDate.parse("2026-06-15")).value();
        setDay("2026-06-10", false, "台风停止办公");
        assertThat(working(LIANSHAN, "2026-06-10")).isFalse();
        assertThat(working(TAISHAN, "2026-06-10")).isTrue(); // another tenant is not affected
        assertThat(workingDays.workingDaysBetween(LIANSHAN, LocalDate.parse("2026-06-08"), LocalDate.parse("2026-06-15")).value())
                .isEqualTo(before - 1);
        assertThat(add("2026-06-09", 1)).isEqualTo("2026-06-11");
        // the tenant's closure closes its halls too
        HallOpening o = opening("2026-06-10T07:00");
        assertThat(LocalDateTime.ofInstant(o.opensAt(), CalendarService.HALL_ZONE)).isEqualTo("2026-06-11T08:30");
    }

    @Test
    void tenantExtraWorkingDayIsAWorkingDay_C4() {
        setDay("2026-06-13", true, "集中办理不动产登记");
        assertThat(working(LIANSHAN, "2026-06-13")).isTrue();
        assertThat(add("2026-06-12", 1)).isEqualTo("2026-06-13");
        // the hall opens with its regular workday hours on the extra Saturday
        HallOpening o = opening("2026-06-13T07:00");
        assertThat(LocalDateTime.ofInstant(o.opensAt(), CalendarService.HALL_ZONE)).isEqualTo("2026-06-13T08:30");
    }

    @Test
    void hallOpensOnMakeUpSaturdayAndStaysClosedOverSpringFestival_A4() {
        HallOpening friday = opening("2026-02-13T18:00");
        assertThat(friday.openNow()).isFalse();
        assertThat(friday.opensAt()).isEqualTo(shanghai("2026-02-14T08:30"));
        HallOpening holiday = opening("2026-02-14T18:00");
        assertThat(holiday.opensAt()).isEqualTo(shanghai("2026-02-24T08:30"));
        HallOpening open = opening("2026-02-24T15:00");
        assertThat(open.openNow()).isTrue();
        assertThat(open.opensAt()).isEqualTo(shanghai("2026-02-24T15:00"));
        assertThat(open.closesAt()).isEqualTo(shanghai("2026-02-24T17:30"));
        HallOpening lunch = opening("2026-02-24T12:00");
        assertThat(lunch.openNow()).isFalse();
        assertThat(lunch.opensAt()).isEqualTo(shanghai("2026-02-24T14:30"));
    }

    @Test
    void weekendBookingDayOpensTheHall_A4() {
        assertThat(opening("2026-07-11T08:00").opensAt()).isEqualTo(shanghai("2026-07-13T08:30"));
        setSpecial("2026-07-11", false, List.of(new TimeRange("09:00", "12:00")), "周末预约服务日");
        HallOpening o = opening("2026-07-11T08:00");
        assertThat(o.openNow()).isFalse();
        assertThat(o.opensAt()).isEqualTo(shanghai("2026-07-11T09:00"));
        assertThat(o.closesAt()).isEqualTo(shanghai("2026-07-11T12:00"));
        assertThat(o.note()).isEqualTo("周末预约服务日");
        // the special day opens the hall, it does not make the day a working day for time limits
        assertThat(working(LIANSHAN, "2026-07-11")).isFalse();
    }

    @Test
    void hallSpecialClosureClosesTheHall_A4() {
        setSpecial("2026-07-15", true, null, "设备检修");
        HallOpening o = opening("2026-07-15T10:00");
        assertThat(o.openNow()).isFalse();
        assertThat(o.opensAt()).isEqualTo(shanghai("2026-07-16T08:30"));
        assertThat(working(LIANSHAN, "2026-07-15")).isTrue(); // the tenant still works (other halls, time limits)
        assertThat(admin.removeSpecialDay(LIANSHAN_ADMIN, LIANSHAN, testHall, LocalDate.parse("2026-07-15")).removed()).isTrue();
        assertThat(opening("2026-07-15T10:00").openNow()).isTrue();
    }

    @Test
    void hallOfAnotherTenantIsNotFound_T2() {
        refused(() -> calendar.nextOpening(TAISHAN, testHall, Instant.now()), ErrorCode.NOT_FOUND, "hallId");
    }

    @Test
    void onlyTheTenantsCentreAdminEditsItsCalendar_T2() {
        var input = new CalendarDays.TenantDayInput(false, "停止办公");
        LocalDate date = LocalDate.parse("2026-06-17");
        refused(() -> admin.setTenantDay(TAISHAN_CLERK, LIANSHAN, date, input), ErrorCode.FORBIDDEN, null);
        refused(() -> admin.setTenantDay(LIANSHAN_CLERK, LIANSHAN, date, input), ErrorCode.FORBIDDEN, null);
        refused(() -> admin.setTenantDay(GD_ADMIN, LIANSHAN, date, input), ErrorCode.FORBIDDEN, null);
        refused(() -> admin.setSpecialDay(TAISHAN_CLERK, LIANSHAN, testHall, date,
                new CalendarDays.SpecialDayInput(true, null, "关闭")), ErrorCode.FORBIDDEN, null);
        assertThat(working(LIANSHAN, "2026-06-17")).isTrue();
    }

    @Test
    void badCalendarDayInputIsRefusedWithTheField() {
        LocalDate date = LocalDate.parse("2026-06-18");
        refused(() -> admin.setTenantDay(LIANSHAN_ADMIN, LIANSHAN, date, new CalendarDays.TenantDayInput(null, "x")),
                ErrorCode.VALIDATION, "working");
        refused(() -> admin.setTenantDay(LIANSHAN_ADMIN, LIANSHAN, date, new CalendarDays.TenantDayInput(false, "  ")),
                ErrorCode.VALIDATION, "reason");
        refused(() -> admin.setTenantDay(LIANSHAN_ADMIN, LIANSHAN, LocalDate.parse("1999-01-01"),
                new CalendarDays.TenantDayInput(false, "x")), ErrorCode.VALIDATION, "date");
        refused(() -> admin.setSpecialDay(LIANSHAN_ADMIN, LIANSHAN, testHall, date,
                new CalendarDays.SpecialDayInput(false, List.of(), "预约日")), ErrorCode.VALIDATION, "periods");
        refused(() -> admin.setSpecialDay(LIANSHAN_ADMIN, LIANSHAN, testHall, date,
                new CalendarDays.SpecialDayInput(false, List.of(new TimeRange("9:00", "12:00")), "预约日")),
                ErrorCode.VALIDATION, "periods[0].opens");
        refused(() -> admin.setSpecialDay(LIANSHAN_ADMIN, LIANSHAN, testHall, date,
                new CalendarDays.SpecialDayInput(true, List.of(new TimeRange("09:00", "12:00")), "关闭")),
                ErrorCode.VALIDATION, "periods");
        refused(() -> workingDays.addWorkingDays(LIANSHAN, date, CalendarService.MAX_DAYS + 1), ErrorCode.VALIDATION, "days");
        refused(() -> workingDays.addWorkingDays(LIANSHAN, date, -1), ErrorCode.VALIDATION, "days");
        refused(() -> workingDays.workingDaysBetween(LIANSHAN, date, date.plusYears(30)), ErrorCode.VALIDATION, "to");
        assertThat(working(LIANSHAN, "2026-06-18")).isTrue();
        assertThat(opening("2026-06-18T07:00").opensAt()).isEqualTo(shanghai("2026-06-18T08:30"));
    }

    private static HolidayCnFile file(Integer year, HolidayCnFile.Day... days) {
        return new HolidayCnFile(year, List.of("https://www.gov.cn/example"), List.of(days));
    }

    @Test
    void administratorLoadsANewYearIdempotently_C4() {
        undo.add(() -> {
            jdbc.update("delete from national_calendar_year where year = ?", LOADED_IN_TEST);
            national.reload();
        });
        LocalDate newYear = LocalDate.of(LOADED_IN_TEST, 1, 1);  // a Wednesday
        LocalDate makeUp = LocalDate.of(LOADED_IN_TEST, 1, 4);   // a Saturday
        assertThat(workingDays.isWorkingDay(LIANSHAN, newYear).certain()).isFalse();
        HolidayCnFile f = file(LOADED_IN_TEST, new HolidayCnFile.Day("元旦", newYear.toString(), true),
                new HolidayCnFile.Day("元旦", makeUp.toString(), false));
        CalendarDays.LoadResult r = national.load(OPERATOR, LOADED_IN_TEST, f);
        assertThat(r.dayCount()).isEqualTo(2);
        assertThat(r.offDayCount()).isEqualTo(1);
        CalendarAnswer<Boolean> a = workingDays.isWorkingDay(LIANSHAN, newYear);
        assertThat(a.value()).isFalse();
        assertThat(a.warnings()).isEmpty();
        assertThat(working(LIANSHAN, makeUp.toString())).isTrue();
        // loading again replaces the year
        assertThat(national.load(OPERATOR, LOADED_IN_TEST, file(LOADED_IN_TEST,
                new HolidayCnFile.Day("元旦", newYear.toString(), true))).replaced()).isTrue();
        assertThat(working(LIANSHAN, makeUp.toString())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = ? and aggregate_id = ?",
                Long.class, NationalCalendar.LOADED_EVENT, String.valueOf(LOADED_IN_TEST))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badCalendarFileIsRefusedWithTheFieldAndChangesNothing_C4() {
        var ok = new HolidayCnFile.Day("元旦", NEVER_LOADED + "-01-01", true);
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED + 1, ok)), ErrorCode.VALIDATION, "year");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(null, ok)), ErrorCode.VALIDATION, "year");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED, ok,
                new HolidayCnFile.Day("春节", (NEVER_LOADED + 1) + "-02-01", true))), ErrorCode.VALIDATION, "days[1].date");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED, ok,
                new HolidayCnFile.Day("春节", NEVER_LOADED + "-02-30", true))), ErrorCode.VALIDATION, "days[1].date");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED,
                new HolidayCnFile.Day("元旦", NEVER_LOADED + "-01-01", null))), ErrorCode.VALIDATION, "days[0].isOffDay");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED,
                new HolidayCnFile.Day(" ", NEVER_LOADED + "-01-01", true))), ErrorCode.VALIDATION, "days[0].name");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED, ok, ok)), ErrorCode.VALIDATION, "days[1].date");
        refused(() -> national.load(OPERATOR, NEVER_LOADED, file(NEVER_LOADED)), ErrorCode.VALIDATION, "days");
        refused(() -> national.load(LIANSHAN_ADMIN, NEVER_LOADED, file(NEVER_LOADED, ok)), ErrorCode.FORBIDDEN, null);
        // national data: a provincial administrator would change every other province's working days
        refused(() -> national.load(GD_ADMIN, NEVER_LOADED, file(NEVER_LOADED, ok)), ErrorCode.FORBIDDEN, null);
        assertThat(workingDays.isWorkingDay(LIANSHAN, LocalDate.of(NEVER_LOADED, 1, 1)).warnings()).hasSize(1);
    }

    @Test
    void shippedEmptyYearIsNotLoaded_C4() {
        assertThat(jdbc.queryForList("select year from national_calendar_year where year between 2024 and 2027 order by year",
                Integer.class)).containsExactly(2024, 2025, 2026);
    }

    @Test
    void publicRestReadsNeedNoToken_C4() {
        ResponseEntity<JsonNode> r = rest.getForEntity("/api/tenants/{t}/calendar/add?from=2026-09-30&days=1", JsonNode.class, LIANSHAN);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody().get("value").asString()).isEqualTo("2026-10-08");
        assertThat(r.getBody().get("warnings").isEmpty()).isTrue();
        ResponseEntity<JsonNode> bad = rest.getForEntity("/api/tenants/{t}/calendar/working-day?date=2026-13-01", JsonNode.class, LIANSHAN);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("code").asString()).isEqualTo("VALIDATION");
        assertThat(bad.getBody().get("field").asString()).isEqualTo("date");
        ResponseEntity<JsonNode> write = rest.exchange("/api/tenants/{t}/calendar/days/2026-06-19",
                org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of("working", false, "reason", "x")),
                JsonNode.class, LIANSHAN);
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
