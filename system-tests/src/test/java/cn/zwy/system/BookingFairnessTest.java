package cn.zwy.system;

import static cn.zwy.system.Bookings.book;
import static cn.zwy.system.Bookings.booked;
import static cn.zwy.system.Bookings.input;
import static cn.zwy.system.Bookings.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Fairness of booking (issue 9; ADR 0014 "Fairness"): per-citizen limits — bookings still to come per person and
 * per account booking for others (帮办), cancellations per month — with a warning in the answer before the limit
 * bites and a specific error (changing nothing) when it does; slots released at an announced time. Each test sets
 * 连山's own rules (setBookingRules, the centre administrator) and puts the defaults back; the limits are counted
 * on citizen accounts made for the test.
 */
@ExtendWith(PlatformUnderTest.class)
class BookingFairnessTest {

    private static final String LIANSHAN = "441825";
    private static final String RULES = "tenantCode horizonDays releaseTime nextReleaseDate nextReleaseAt maxActivePerPerson "
            + "maxActiveForOthers maxCancellationsPerMonth own changedBy announcement";
    private static final String BOOK = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { "
            + "appointment { id bookingCode status startsAt } warnings { kind message count limit until } } }";
    private static final String CANCEL = "mutation($i: CancelAppointmentInput!) { cancelAppointment(input: $i) { "
            + "appointment { id status } warnings { kind message count limit until } } }";

    static Api.Response setRules(String token, Map<String, Object> rules) {
        Map<String, Object> in = new HashMap<>(rules);
        in.put("tenantCode", LIANSHAN);
        return Api.graphql(token, "mutation($i: SetBookingRulesInput!) { setBookingRules(input: $i) { rules { " + RULES + " } } }",
                Map.of("i", in));
    }

    static JsonNode rules() {
        Api.Response r = Api.graphql(null, "query($t: ID!) { bookingRules(tenantCode: $t) { " + RULES + " } }", Map.of("t", LIANSHAN));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("bookingRules");
    }

    private static void defaults() {
        Api.Response r = setRules(Cases.admin(), Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
    }

    private static Api.Response bookWith(String token, Map<String, Object> in) {
        return Api.graphql(token, BOOK, Map.of("i", in));
    }

    private static List<String> kinds(Api.Response r, String field) {
        List<String> out = new java.util.ArrayList<>();
        r.data().get(field).get("warnings").forEach(w -> out.add(w.get("kind").asString()));
        return out;
    }

    @Test
    void bookingRulesAreTheTenantsAndOnlyItsAdministratorSetsThem() {
        try {
            // public: the deployment's defaults, announced in one sentence
            JsonNode before = rules();
            assertThat(before.get("own").asBoolean()).isFalse();
            assertThat(before.get("announcement").asString()).contains("放出").contains("每人");
            // a clerk, another tenant's administrator and a citizen may not set them
            assertThat(setRules(Cases.clerk(), Map.of("maxActivePerPerson", 2)).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(setRules(Tokens.staff("taishan.admin"), Map.of("maxActivePerPerson", 2)).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(setRules(Cases.citizen(), Map.of("maxActivePerPerson", 2)).errorCode()).isEqualTo("FORBIDDEN");
            // bad values: a specific field, nothing changed
            Api.Response bad = setRules(Cases.admin(), Map.of("releaseTime", "25:99"));
            assertThat(bad.errorCode()).isEqualTo("VALIDATION");
            assertThat(bad.errorField()).isEqualTo("releaseTime");
            bad = setRules(Cases.admin(), Map.of("maxActivePerPerson", 0));
            assertThat(bad.errorCode()).isEqualTo("VALIDATION");
            assertThat(bad.errorField()).isEqualTo("maxActivePerPerson");
            assertThat(rules().get("own").asBoolean()).isFalse();
            // the administrator's own rules, shown to everyone at once
            Api.Response set = setRules(Cases.admin(), Map.of("releaseTime", "20:00", "horizonDays", 7, "maxActivePerPerson", 2));
            assertThat(set.errors()).as(set.body().toString()).isNull();
            JsonNode after = rules();
            assertThat(after.get("own").asBoolean()).isTrue();
            assertThat(after.get("releaseTime").asString()).isEqualTo("20:00");
            assertThat(after.get("horizonDays").asInt()).isEqualTo(7);
            assertThat(after.get("maxActivePerPerson").asInt()).isEqualTo(2);
            assertThat(after.get("maxActiveForOthers").asInt()).isEqualTo(before.get("maxActiveForOthers").asInt());
            assertThat(after.get("announcement").asString()).contains("每天 20:00 放出第 7 天");
            assertThat(Instant.parse(after.get("nextReleaseAt").asString()))
                    .isEqualTo(LocalDate.parse(after.get("nextReleaseDate").asString()).minusDays(7).atTime(20, 0).atZone(Cases.HALLS).toInstant());
        } finally {
            defaults();
        }
    }

    @Test
    void activeBookingsPerCitizenAreLimitedWithAWarningFirst() throws Exception {
        KeycloakAccounts.Citizen fresh = KeycloakAccounts.createCitizen();
        try {
            assertThat(setRules(Cases.admin(), Map.of("maxActivePerPerson", 2, "maxActiveForOthers", 2)).errors()).isNull();
            String token = fresh.token();
            String hall = Bookings.mainHall(LIANSHAN);
            List<String> items = Bookings.items(LIANSHAN);
            String item = items.get(1);
            List<LocalDate> days = Bookings.openDays(LIANSHAN, hall, item, 4);
            String slot0 = Bookings.freeSlots(LIANSHAN, hall, item, days.get(0), 1).getFirst().get("id").asString();
            String slot1 = Bookings.freeSlots(LIANSHAN, hall, item, days.get(1), 1).getFirst().get("id").asString();
            JsonNode third = Bookings.freeSlots(LIANSHAN, hall, item, days.get(2), 1).getFirst();

            // own bookings: the first says nothing, the second (the limit) warns, the third is refused
            Api.Response first = bookWith(token, input(slot0, item));
            assertThat(first.errors()).as(first.body().toString()).isNull();
            assertThat(kinds(first, "bookAppointment")).isEmpty();
            Api.Response second = bookWith(token, input(slot1, item));
            assertThat(second.errors()).as(second.body().toString()).isNull();
            JsonNode warning = second.data().at("/bookAppointment/warnings/0");
            assertThat(warning.get("kind").asString()).isEqualTo("ACTIVE_LIMIT");
            assertThat(warning.get("count").asInt()).isEqualTo(2);
            assertThat(warning.get("limit").asInt()).isEqualTo(2);
            assertThat(warning.get("message").asString()).contains("上限");
            int free = third.get("remaining").asInt();
            int mine = Bookings.mine(token).size();
            Api.Response refused = bookWith(token, input(third.get("id").asString(), item));
            assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("RULE_VIOLATION");
            assertThat(refused.errorField()).isEqualTo("slotId");
            assertThat(refused.errors().get(0).get("message").asString()).contains("每人最多 2 个");
            // nothing changed: no place taken, no booking made
            assertThat(Bookings.slot(LIANSHAN, hall, item, third.get("id").asString()).get("remaining").asInt()).isEqualTo(free);
            assertThat(Bookings.mine(token)).hasSize(mine);

            // booking for others (帮办) counts per account: two, warned at the second, the third refused
            String slot3 = Bookings.freeSlots(LIANSHAN, hall, item, days.get(3), 1).getFirst().get("id").asString();
            assertThat(kinds(bookWith(token, input(slot3, item, "bookedFor", person("代约甲"))), "bookAppointment")).isEmpty();
            Api.Response limit = bookWith(token, input(slot3, item, "bookedFor", person("代约乙")));
            assertThat(limit.errors()).as(limit.body().toString()).isNull();
            assertThat(kinds(limit, "bookAppointment")).containsExactly("ACTIVE_LIMIT");
            Api.Response over = bookWith(token, input(third.get("id").asString(), item, "bookedFor", person("代约丙")));
            assertThat(over.errorCode()).as(over.body().toString()).isEqualTo("RULE_VIOLATION");
            assertThat(over.errorField()).isEqualTo("bookedFor");
            assertThat(over.errors().get(0).get("message").asString()).contains("代约");
            assertThat(Bookings.slot(LIANSHAN, hall, item, third.get("id").asString()).get("remaining").asInt()).isEqualTo(free);

            // one person counts whoever books them: booked for by two accounts, the third booking of them is refused
            Map<String, Object> grandma = person("王奶奶");
            String other = items.get(2);
            List<LocalDate> otherDays = Bookings.openDays(LIANSHAN, hall, other, 2);
            // (the demo citizen books for many persons across the tests: no account limit on booking for others here)
            assertThat(setRules(Cases.admin(), Map.of("maxActivePerPerson", 2, "maxActiveForOthers", 1000)).errors()).isNull();
            booked(Cases.citizen(), input(Bookings.freeSlots(LIANSHAN, hall, other, otherDays.get(0), 1).getFirst().get("id").asString(), other,
                    "bookedFor", grandma));
            Api.Response grandmaSecond = bookWith(token, input(Bookings.freeSlots(LIANSHAN, hall, other, otherDays.get(1), 1).getFirst().get("id").asString(),
                    other, "bookedFor", grandma));
            assertThat(grandmaSecond.errors()).as(grandmaSecond.body().toString()).isNull();
            assertThat(kinds(grandmaSecond, "bookAppointment")).contains("ACTIVE_LIMIT");
            Api.Response grandmaThird = book(Cases.citizen(), input(third.get("id").asString(), item, "bookedFor", grandma));
            assertThat(grandmaThird.errorCode()).as(grandmaThird.body().toString()).isEqualTo("RULE_VIOLATION");
            assertThat(grandmaThird.errorField()).isEqualTo("bookedFor");
            assertThat(grandmaThird.errors().get(0).get("message").asString()).contains("办事人").contains("每人最多 2 个");

            // a cancelled booking frees its count: the citizen may book again
            String firstId = first.data().at("/bookAppointment/appointment/id").asString();
            assertThat(Api.graphql(token, CANCEL, Map.of("i", Map.of("appointmentId", firstId))).errors()).isNull();
            assertThat(bookWith(token, input(third.get("id").asString(), item)).errors()).isNull();
        } finally {
            defaults();
            KeycloakAccounts.deleteCitizen(fresh);
        }
    }

    @Test
    void cancellationsPerMonthWarnOneBeforeThenBarUntilTheMonthEnds() throws Exception {
        KeycloakAccounts.Citizen fresh = KeycloakAccounts.createCitizen();
        try {
            assertThat(setRules(Cases.admin(), Map.of("maxCancellationsPerMonth", 2, "maxActivePerPerson", 5)).errors()).isNull();
            String token = fresh.token();
            String hall = Bookings.mainHall(LIANSHAN);
            String item = Bookings.items(LIANSHAN).get(3);
            List<LocalDate> days = Bookings.openDays(LIANSHAN, hall, item, 3);
            String a = booked(token, input(Bookings.freeSlots(LIANSHAN, hall, item, days.get(0), 1).getFirst().get("id").asString(), item)).get("id").asString();
            String b = booked(token, input(Bookings.freeSlots(LIANSHAN, hall, item, days.get(1), 1).getFirst().get("id").asString(), item)).get("id").asString();

            // the first cancellation is one before the limit: it warns
            Api.Response one = Api.graphql(token, CANCEL, Map.of("i", Map.of("appointmentId", a)));
            assertThat(one.errors()).as(one.body().toString()).isNull();
            assertThat(kinds(one, "cancelAppointment")).containsExactly("CANCELLATIONS");
            assertThat(one.data().at("/cancelAppointment/warnings/0/message").asString()).contains("再取消 1 次");
            // and booking again says so too
            JsonNode slot = Bookings.freeSlots(LIANSHAN, hall, item, days.get(2), 1).getFirst();
            Api.Response again = bookWith(token, input(slot.get("id").asString(), item));
            assertThat(again.errors()).as(again.body().toString()).isNull();
            assertThat(kinds(again, "bookAppointment")).contains("CANCELLATIONS");
            String c = again.data().at("/bookAppointment/appointment/id").asString();

            // the second reaches the limit: the cancellation is made (it frees a place), booking is barred to the month's end
            Api.Response two = Api.graphql(token, CANCEL, Map.of("i", Map.of("appointmentId", b)));
            assertThat(two.errors()).as(two.body().toString()).isNull();
            assertThat(two.data().at("/cancelAppointment/appointment/status").asString()).isEqualTo("CANCELLED");
            JsonNode bar = two.data().at("/cancelAppointment/warnings/0");
            assertThat(bar.get("kind").asString()).isEqualTo("CANCELLATION_BAR");
            Instant monthEnd = Cases.today().withDayOfMonth(1).plusMonths(1).atStartOfDay(Cases.HALLS).toInstant();
            assertThat(Instant.parse(bar.get("until").asString())).isEqualTo(monthEnd);

            JsonNode free = Bookings.freeSlots(LIANSHAN, hall, item, days.get(0), 1).getFirst();
            int mine = Bookings.mine(token).size();
            Api.Response barred = bookWith(token, input(free.get("id").asString(), item));
            assertThat(barred.errorCode()).as(barred.body().toString()).isEqualTo("RULE_VIOLATION");
            assertThat(barred.errorField()).isEqualTo("slotId");
            assertThat(barred.errors().get(0).get("message").asString()).contains("取消预约 2 次").contains("暂停");
            assertThat(Bookings.mine(token)).hasSize(mine);
            assertThat(Bookings.slot(LIANSHAN, hall, item, free.get("id").asString()).get("remaining").asInt())
                    .isEqualTo(free.get("remaining").asInt());
            // the booking already made stays; cancelling it is still allowed (it frees a place) and bars nothing twice
            assertThat(Api.graphql(token, CANCEL, Map.of("i", Map.of("appointmentId", c))).errors()).isNull();

            // staff see the bar with its kind; the centre administrator lifts it, and the citizen may book again
            Api.Response list = Api.graphql(Cases.clerk(), "query($t: ID!) { bookingBars(tenantCode: $t) { id kind reason barredUntil noShowCodes } }",
                    Map.of("t", LIANSHAN));
            assertThat(list.errors()).as(list.body().toString()).isNull();
            JsonNode mineBar = null;
            for (JsonNode x : list.data().get("bookingBars")) if ("CANCELLATIONS".equals(x.get("kind").asString())
                    && x.get("reason").asString().contains("取消预约 2 次") && Instant.parse(x.get("barredUntil").asString()).equals(monthEnd)) mineBar = x;
            assertThat(mineBar).as(list.body().toString()).isNotNull();
            assertThat(mineBar.get("noShowCodes")).hasSize(2);
            Api.Response lifted = Api.graphql(Cases.admin(), "mutation($i: LiftBookingBarInput!) { liftBookingBar(input: $i) { bar { liftedAt } } }",
                    Map.of("i", Map.of("barId", mineBar.get("id").asString(), "reason", "系统故障导致重复取消，予以解除")));
            assertThat(lifted.errors()).as(lifted.body().toString()).isNull();
            assertThat(bookWith(token, input(free.get("id").asString(), item)).errors()).isNull();
        } finally {
            defaults();
            KeycloakAccounts.deleteCitizen(fresh);
        }
    }

    @Test
    void slotsAreReleasedAtTheAnnouncedTime() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = Bookings.items(LIANSHAN).get(4);
        // the release: two minutes from now (whole minutes), the day it happens on, and an open day some days later
        LocalDateTime release = LocalDateTime.now(Cases.HALLS).plusMinutes(2).truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = null;
        for (LocalDate d : Bookings.openDays(LIANSHAN, hall, item, 6)) {
            if (d.isAfter(release.toLocalDate().plusDays(1))) {
                day = d;
                break;
            }
        }
        assertThat(day).as("an open day at least two days after the release").isNotNull();
        int horizon = (int) ChronoUnit.DAYS.between(release.toLocalDate(), day);
        Instant releasesAt = release.atZone(Cases.HALLS).toInstant();
        try {
            Api.Response set = setRules(Cases.admin(), Map.of("horizonDays", horizon, "releaseTime", release.toLocalTime().toString()));
            assertThat(set.errors()).as(set.body().toString()).isNull();
            // announced: the next day released and when
            JsonNode rules = rules();
            assertThat(rules.get("nextReleaseDate").asString()).isEqualTo(day.toString());
            assertThat(Instant.parse(rules.get("nextReleaseAt").asString())).isEqualTo(releasesAt);
            // its slots are listed with their release time, the day is not bookable yet, and a booking is refused
            List<JsonNode> slots = Bookings.slots(LIANSHAN, hall, item, day);
            assertThat(slots).isNotEmpty();
            assertThat(slots).allSatisfy(s -> assertThat(Instant.parse(s.get("releasesAt").asString())).isEqualTo(releasesAt));
            Api.Response days = Bookings.bookableDays(LIANSHAN, item, day.minusDays(1), day);
            assertThat(days.errors()).as(days.body().toString()).isNull();
            assertThat(days.data().get("bookableDays").findValuesAsString("date")).doesNotContain(day.toString());
            JsonNode slot = Bookings.freeSlots(LIANSHAN, hall, item, day, 1).getFirst();
            // other tests may have booked this hall's slot at that time already (the counter is per hall and start):
            // the refused booking must leave it as it was, or not make one
            Instant startsAt = Instant.parse(slot.get("startsAt").asString());
            int[] before = Bookings.counter(LIANSHAN, slot.get("id").asString(), startsAt);
            Api.Response early = book(Cases.citizen(), input(slot.get("id").asString(), item, "bookedFor", person("抢号")));
            assertThat(early.errorCode()).as(early.body().toString()).isEqualTo("VALIDATION");
            assertThat(early.errorField()).isEqualTo("slotId");
            assertThat(early.errors().get(0).get("message").asString()).contains("放出");
            assertThat(Bookings.counter(LIANSHAN, slot.get("id").asString(), startsAt))
                    .as("no place taken").isEqualTo(before);

            // at the announced time the day opens
            long wait = releasesAt.toEpochMilli() - System.currentTimeMillis() + 1500;
            if (wait > 0) Thread.sleep(wait);
            JsonNode open = Bookings.slot(LIANSHAN, hall, item, slot.get("id").asString());
            assertThat(open.get("releasesAt").isNull()).as(open.toString()).isTrue();
            assertThat(booked(Cases.citizen(), input(slot.get("id").asString(), item, "bookedFor", person("按时"))).get("status").asString())
                    .isEqualTo("BOOKED");
        } finally {
            defaults();
        }
    }
}
