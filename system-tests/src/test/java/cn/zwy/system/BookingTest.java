package cn.zwy.system;

import static cn.zwy.system.Bookings.book;
import static cn.zwy.system.Bookings.booked;
import static cn.zwy.system.Bookings.input;
import static cn.zwy.system.Bookings.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Appointments (A1, A3; ADR 0014) through the gateway with real tokens: slots derived from the hall's hours and
 * special days, answered at once, never overbooked under a burst, one active booking per person, item and day,
 * and bad input refused with a specific error that changes nothing. The no-show rule (A2) is {@link NoShowTest}.
 */
@ExtendWith(PlatformUnderTest.class)
class BookingTest {

    private static final String LIANSHAN = "441825";

    private static String citizen() { return Cases.citizen(); }

    /** An item of 连山 the other tests (and the cross-tenant matrix, which takes the first) do not book for themselves. */
    private static String item(int fromEnd) {
        List<String> items = Bookings.items(LIANSHAN);
        return items.get(Math.max(1, items.size() - 1 - fromEnd));
    }

    @Test
    void bookingIsAnsweredAtOnce_A1() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(0);
        LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 3).get(2);
        JsonNode slot = Bookings.slots(LIANSHAN, hall, item, day).getFirst();
        int before = slot.get("remaining").asInt();
        Map<String, Object> in = input(slot.get("id").asString(), item, "contactPhone", Cases.PHONE);

        Instant asked = Instant.now();
        JsonNode a = booked(citizen(), in);
        // answered at once: booked, with its code and QR code, in the one round trip (no pending state, A1)
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(a.get("status").asString()).isEqualTo("BOOKED");
        assertThat(a.get("bookingCode").asString()).matches("[2-9A-HJ-NP-Z]{8}");
        assertThat(a.get("qrCodeSvg").asString()).startsWith("<svg").contains("<path");
        assertThat(a.get("replayed").asBoolean()).isFalse();
        assertThat(a.get("startsAt").asString()).isEqualTo(slot.get("startsAt").asString());
        assertThat(Instant.parse(a.get("cancellableUntil").asString())).isEqualTo(Instant.parse(a.get("startsAt").asString()).minusSeconds(3600));
        assertThat(a.get("contactPhoneMasked").asString()).isEqualTo("138****8000");
        assertThat(a.get("hallName").asString()).isNotBlank();
        assertThat(a.get("itemName").asString()).isNotBlank();
        // the place is taken at once, the citizen sees the booking and its message at once
        assertThat(Bookings.slot(LIANSHAN, hall, item, slot.get("id").asString()).get("remaining").asInt()).isEqualTo(before - 1);
        assertThat(Bookings.mine(citizen())).containsKey(a.get("id").asString());
        Api.Response messages = Api.graphql(citizen(), "{ myMessages(first: 5) { edges { node { kind bookingCode appointmentId caseId body } } } }", Map.of());
        assertThat(messages.errors()).as(messages.body().toString()).isNull();
        assertThat(messages.data().findValuesAsString("bookingCode")).contains(a.get("bookingCode").asString());

        // the same request again (a retry after a lost answer): the same booking, no second place taken
        JsonNode again = booked(citizen(), in);
        assertThat(again.get("id").asString()).isEqualTo(a.get("id").asString());
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(Bookings.slot(LIANSHAN, hall, item, slot.get("id").asString()).get("remaining").asInt()).isEqualTo(before - 1);

        // copies of one request sent at once (a client retrying before the answer came): one booking, one place
        JsonNode last = Bookings.slots(LIANSHAN, hall, item, day).getLast();
        Map<String, Object> copy = input(last.get("id").asString(), item, "bookedFor", person("重复提交"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) copies.add(pool.submit(() -> { go.await(); return book(citizen(), copy); }));
        go.countDown();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Future<Api.Response> f : copies) {
            Api.Response r = f.get();
            assertThat(r.errors()).as(r.body().toString()).isNull();
            ids.add(r.data().at("/bookAppointment/appointment/id").asString());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(Bookings.slot(LIANSHAN, hall, item, last.get("id").asString()).get("remaining").asInt())
                .isEqualTo(last.get("remaining").asInt() - 1);

        // cancelled: the place is free again at once, and the booking says so
        Api.Response cancelled = Bookings.cancel(citizen(), a.get("id").asString());
        assertThat(cancelled.errors()).as(cancelled.body().toString()).isNull();
        assertThat(cancelled.data().at("/cancelAppointment/appointment/status").asString()).isEqualTo("CANCELLED");
        assertThat(Bookings.slot(LIANSHAN, hall, item, slot.get("id").asString()).get("remaining").asInt()).isEqualTo(before);
        // another citizen cannot cancel or move it (not found for them)
        assertThat(Bookings.cancel(Cases.otherCitizen(), a.get("id").asString()).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void weekendBookingDayIsBookable_A1() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(1);
        // a Saturday three weeks ahead on which the hall does not open by its weekly hours
        LocalDate saturday = Cases.today().plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        Bookings.openDays(LIANSHAN, hall, item, 1); // the hall's read model is there
        // (another test may have just put back hours it changed: their event arrives within moments)
        long settled = System.currentTimeMillis() + 30_000;
        while (!Bookings.slots(LIANSHAN, hall, item, saturday).isEmpty() && System.currentTimeMillis() < settled) Thread.sleep(500);
        assertThat(Bookings.slots(LIANSHAN, hall, item, saturday)).as("closed on Saturdays by its weekly hours").isEmpty();

        Api.Response opened = Api.graphql(Cases.admin(), "mutation($i: SetHallSpecialDayInput!) { setHallSpecialDay(input: $i) { day { date closed } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "hallId", hall, "date", saturday.toString(), "closed", false,
                        "periods", List.of(Map.of("opens", "09:00", "closes", "12:00")), "reason", "周六预约办理日")));
        assertThat(opened.errors()).as(opened.body().toString()).isNull();

        // through the event path: the day becomes bookable, a non-working day with the hall's note
        long until = System.currentTimeMillis() + 60_000;
        List<JsonNode> slots = List.of();
        while (slots.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            slots = Bookings.slots(LIANSHAN, hall, item, saturday);
        }
        assertThat(slots).extracting(s -> LocalDateTime.ofInstant(Instant.parse(s.get("startsAt").asString()), Cases.HALLS).toLocalTime().toString())
                .containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "11:30");
        Api.Response days = Bookings.bookableDays(LIANSHAN, item, saturday.minusDays(1), saturday.plusDays(1));
        assertThat(days.errors()).as(days.body().toString()).isNull();
        JsonNode day = null;
        for (JsonNode d : days.data().get("bookableDays")) if (d.get("date").asString().equals(saturday.toString())) day = d;
        assertThat(day).as(days.body().toString()).isNotNull();
        assertThat(day.get("working").asBoolean()).isFalse();
        assertThat(day.get("note").asString()).isEqualTo("周六预约办理日");
        assertThat(day.get("halls").findValuesAsString("hallId")).contains(hall);

        // and a booking for it is not refused for being on a non-working day (A1)
        JsonNode a = booked(citizen(), input(slots.get(2).get("id").asString(), item, "bookedFor", person("韦周六")));
        assertThat(a.get("status").asString()).isEqualTo("BOOKED");
        assertThat(LocalDateTime.ofInstant(Instant.parse(a.get("startsAt").asString()), Cases.HALLS).toLocalDate()).isEqualTo(saturday);
    }

    @Test
    void aSlotIsNeverOverbookedUnderABurst() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(2);
        LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 5).get(4);
        List<JsonNode> slots = Bookings.slots(LIANSHAN, hall, item, day);
        JsonNode slot = slots.getLast();
        String slotId = slot.get("id").asString();
        int capacity = slot.get("capacity").asInt();
        int free = slot.get("remaining").asInt();
        assertThat(free).as("a slot nobody booked yet").isEqualTo(capacity);
        // the read model of 连山's windows: three windows of the main hall serve bookings (category Y) × 2 per slot
        assertThat(capacity).isEqualTo(6);

        // 200 bookings at once, each for another person (帮办), each its own idempotency key
        int ok = Bookings.burst(citizen(), slotId, item, 200, "并发");
        // exactly the free places were acknowledged; every other answer says the slot is full
        assertThat(ok).isEqualTo(free);
        Instant startsAt = Instant.parse(slot.get("startsAt").asString());
        assertThat(Bookings.counter(LIANSHAN, slotId, startsAt)).containsExactly(capacity, capacity);
        assertThat(Bookings.activeOn(LIANSHAN, slotId, startsAt)).isEqualTo(capacity);
        assertThat(Bookings.slot(LIANSHAN, hall, item, slotId).get("remaining").asInt()).isZero();
    }

    @Test
    void oneActiveBookingPerCitizenPerItemPerDay() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(3);
        String otherItem = item(4);
        LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 7).get(6);
        List<JsonNode> slots = Bookings.slots(LIANSHAN, hall, item, day);
        String first = slots.get(0).get("id").asString();
        String second = slots.get(1).get("id").asString();

        JsonNode a = booked(citizen(), input(first, item));
        int mine = Bookings.mine(citizen()).size();
        int secondFree = Bookings.slot(LIANSHAN, hall, item, second).get("remaining").asInt();
        Api.Response twice = book(citizen(), input(second, item));
        assertThat(twice.errorCode()).as(twice.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(twice.errorField()).isEqualTo("itemId");
        // nothing changed: no place taken, no booking made
        assertThat(Bookings.slot(LIANSHAN, hall, item, second).get("remaining").asInt()).isEqualTo(secondFree);
        assertThat(Bookings.mine(citizen())).hasSize(mine);
        // another item the same day, or the same item for another person, is fine
        assertThat(booked(citizen(), input(second, otherItem)).get("status").asString()).isEqualTo("BOOKED");
        assertThat(booked(citizen(), input(second, item, "bookedFor", person("李代办"))).get("status").asString()).isEqualTo("BOOKED");
        // moving the booking within the day keeps it one; after cancelling it, the item may be booked again that day
        Api.Response moved = Bookings.reschedule(citizen(), a.get("id").asString(), slots.get(2).get("id").asString());
        assertThat(moved.errors()).as(moved.body().toString()).isNull();
        assertThat(moved.data().at("/rescheduleAppointment/appointment/startsAt").asString()).isEqualTo(slots.get(2).get("startsAt").asString());
        assertThat(Bookings.cancel(citizen(), a.get("id").asString()).errors()).isNull();
        assertThat(booked(citizen(), input(second, item)).get("status").asString()).isEqualTo("BOOKED");

        // the same person twice at once, in two slots of the day: exactly one booking
        LocalDate other = Bookings.openDays(LIANSHAN, hall, item, 8).get(7);
        List<JsonNode> later = Bookings.slots(LIANSHAN, hall, item, other);
        Map<String, Object> who = person("王并发");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<Api.Response> x = pool.submit(() -> { go.await(); return book(citizen(), input(later.get(0).get("id").asString(), item, "bookedFor", who)); });
        Future<Api.Response> y = pool.submit(() -> { go.await(); return book(citizen(), input(later.get(1).get("id").asString(), item, "bookedFor", who)); });
        go.countDown();
        List<Api.Response> both = List.of(x.get(), y.get());
        pool.shutdown();
        assertThat(both.stream().filter(r -> r.errors() == null).count()).as(both.toString()).isEqualTo(1);
        assertThat(both.stream().filter(r -> "RULE_VIOLATION".equals(r.errorCode())).count()).isEqualTo(1);
    }

    @Test
    void badBookingsGetASpecificErrorAndChangeNothing_A1() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(5);
        LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 9).get(8);
        List<JsonNode> slots = Bookings.slots(LIANSHAN, hall, item, day);
        JsonNode full = slots.get(1);
        int mine = Bookings.mine(citizen()).size();

        // a past slot: yesterday 09:00
        String past = LIANSHAN + ":" + hall + ":" + Cases.today().minusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "0900";
        Api.Response r = book(citizen(), input(past, item));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("slotId");
        // a time the hall does not open (midnight)
        String closed = LIANSHAN + ":" + hall + ":" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "0000";
        r = book(citizen(), input(closed, item));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(r.errorField()).isEqualTo("slotId");
        // a slot id that is no slot id
        r = book(citizen(), input("441825:../../x", item));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("slotId");
        // another tenant's slot: 台山's hall named as 连山's, and 连山's item in 台山's slot
        String taishanHall = Bookings.mainHall("440781");
        String stamp = full.get("id").asString().substring(full.get("id").asString().lastIndexOf(':') + 1);
        r = book(citizen(), input(LIANSHAN + ":" + taishanHall + ":" + stamp, item));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(r.errorField()).isEqualTo("slotId");
        r = book(citizen(), input("440781:" + taishanHall + ":" + stamp, item));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(r.errorField()).isEqualTo("itemId");
        // staff do not book (citizens only), a signed-out caller is not let in
        assertThat(book(Cases.clerk(), input(full.get("id").asString(), item)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(book(null, input(full.get("id").asString(), item)).errorCode()).isEqualTo("UNAUTHENTICATED");
        // a bad ID number of the person booked for
        r = book(citizen(), input(full.get("id").asString(), item, "bookedFor", Map.of("name", "张某", "idNumber", "110105194912310021")));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("bookedFor.idNumber");
        assertThat(Bookings.slot(LIANSHAN, hall, item, full.get("id").asString()).get("remaining").asInt()).isEqualTo(full.get("capacity").asInt());

        // a full slot: filled for others, then refused
        for (int i = 0; i < full.get("capacity").asInt(); i++) booked(citizen(), input(full.get("id").asString(), item, "bookedFor", person("填满" + i)));
        int[] counter = Bookings.counter(LIANSHAN, full.get("id").asString(), Instant.parse(full.get("startsAt").asString()));
        r = book(citizen(), input(full.get("id").asString(), item));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("CONFLICT");
        assertThat(r.errorField()).isEqualTo("slotId");
        assertThat(r.errors().get(0).get("message").asString()).contains("约满");
        assertThat(Bookings.counter(LIANSHAN, full.get("id").asString(), Instant.parse(full.get("startsAt").asString()))).containsExactly(counter);
        // none of the refusals made a booking of the citizen's own
        assertThat(Bookings.mine(citizen()).size()).isEqualTo(mine + full.get("capacity").asInt());
    }

    @Test
    void remindersAreTimersTheDayBeforeAndAnHourBefore() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(6);
        LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 4).get(3);
        JsonNode slot = Bookings.slots(LIANSHAN, hall, item, day).get(3);
        JsonNode a = booked(citizen(), input(slot.get("id").asString(), item, "contactPhone", "13912345678", "bookedFor", person("赵提醒")));
        Instant startsAt = Instant.parse(a.get("startsAt").asString());
        String id = a.get("id").asString();
        assertThat(Bookings.timer("REMIND_DAY|" + id + "|0")).isEqualTo(startsAt.minus(Duration.ofDays(1)));
        assertThat(Bookings.timer("REMIND_HOUR|" + id + "|0")).isEqualTo(startsAt.minus(Duration.ofHours(1)));
        assertThat(Bookings.timer("NO_SHOW|" + id + "|0")).isEqualTo(startsAt.plus(Duration.ofMinutes(30)));

        // the hour-before reminder, run now: an in-app message and an SMS to the booking's phone
        assertThat(Bookings.runTimerNow("REMIND_HOUR|" + id + "|0")).isTrue();
        long until = System.currentTimeMillis() + 30_000;
        JsonNode reminder = null;
        while (reminder == null && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            Api.Response m = Api.graphql(citizen(), "{ myMessages(first: 20) { edges { node { kind title body appointmentId bookingCode caseId } } } }", Map.of());
            for (JsonNode e : m.data().get("myMessages").get("edges")) {
                JsonNode node = e.get("node");
                if ("APPOINTMENT_REMINDER".equals(node.get("kind").asString()) && id.equals(node.get("appointmentId").asString())) reminder = node;
            }
        }
        assertThat(reminder).as("the reminder in the citizen's messages").isNotNull();
        assertThat(reminder.get("body").asString()).contains(a.get("bookingCode").asString()).contains("签到");
        assertThat(reminder.get("caseId").isNull()).isTrue();
        // its SMS goes to the booking's phone through the SMS port (the outbox row records the masked number and the sender)
        long sent = System.currentTimeMillis() + 30_000;
        String[] sms = null;
        while ((sms == null || sms[1] == null) && System.currentTimeMillis() < sent) {
            Thread.sleep(500);
            sms = Bookings.smsOf(LIANSHAN, id, "APPOINTMENT_REMINDER");
        }
        assertThat(sms).as("an SMS of the reminder").isNotNull();
        assertThat(sms[0]).isEqualTo("139****5678");
        assertThat(sms[1]).as("sent by").isEqualTo("logging");
        // moved: the old timers are stale, new ones for the new slot
        Api.Response moved = Bookings.reschedule(citizen(), id, Bookings.slots(LIANSHAN, hall, item, day).get(4).get("id").asString());
        assertThat(moved.errors()).as(moved.body().toString()).isNull();
        assertThat(Bookings.timer("NO_SHOW|" + id + "|1"))
                .isEqualTo(Instant.parse(moved.data().at("/rescheduleAppointment/appointment/startsAt").asString()).plus(Duration.ofMinutes(30)));
    }

    @Test
    void rowLevelSecurityHidesAnotherTenantsBookings_T2() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        String item = item(7);
        LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 2).get(1);
        booked(citizen(), input(Bookings.slots(LIANSHAN, hall, item, day).getFirst().get("id").asString(), item, "bookedFor", person("行级安全")));
        // as the services' role: unbound, or bound to 台山, no row of 连山's appointments, slots or bars is visible
        try (java.sql.Connection c = CaseDb.connect()) {
            c.setAutoCommit(false);
            for (String bind : new String[] {null, "440781", LIANSHAN}) {
                try (java.sql.Statement st = c.createStatement()) {
                    if (bind != null) CaseDb.bind(st, bind);
                    for (String table : List.of("appointment", "booking_slot", "booking_hall", "booking_window")) {
                        try (java.sql.ResultSet rs = st.executeQuery("select count(*) from " + table + " where tenant_id = '" + LIANSHAN + "'")) {
                            rs.next();
                            if (LIANSHAN.equals(bind)) assertThat(rs.getInt(1)).as(table + " as 连山").isPositive();
                            else assertThat(rs.getInt(1)).as(table + " bound to " + bind).isZero();
                        }
                    }
                }
                c.commit();
            }
        }
    }
}
