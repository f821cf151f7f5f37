package cn.zwy.system;

import static cn.zwy.system.Bookings.book;
import static cn.zwy.system.Bookings.booked;
import static cn.zwy.system.Bookings.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A2: arriving more than 30 minutes late without checking in is a no-show, found by a timer on the persistent
 * scheduler (not a query at read time); the third no-show in the period bars booking at the centre until the bar
 * expires, and the citizen is told why and until when; the centre administrator lifts it with a reason. At 台山
 * (440781) with citizen.li, so that no other test meets the bar.
 */
@ExtendWith(PlatformUnderTest.class)
class NoShowTest {

    private static final String TAISHAN = "440781";

    @Test
    void thirdNoShowBarsBooking_A2() throws Exception {
        String li = Cases.otherCitizen();
        String hall = Bookings.mainHall(TAISHAN);
        List<String> items = Bookings.items(TAISHAN);
        assertThat(items).as("four items of 台山 to book").hasSizeGreaterThanOrEqualTo(4);
        LocalDate day = Bookings.openDays(TAISHAN, hall, items.get(0), 2).get(1);
        List<JsonNode> slots = Bookings.slots(TAISHAN, hall, items.get(0), day);

        // four bookings of four items; one of them the citizen comes to (checked in at the window)
        String[] ids = new String[4];
        String[] codes = new String[4];
        for (int i = 0; i < 4; i++) {
            JsonNode a = booked(li, input(slots.get(i).get("id").asString(), items.get(i)));
            ids[i] = a.get("id").asString();
            codes[i] = a.get("bookingCode").asString();
        }
        // the one who came: their slot is today, they check in, and later the timer finds nothing to do
        Bookings.age(ids[3], Instant.now().plus(Duration.ofMinutes(10)), Cases.today());
        Api.Response in = Bookings.checkIn(Tokens.staff("taishan.clerk"), TAISHAN, codes[3]);
        assertThat(in.errors()).as(in.body().toString()).isNull();
        assertThat(in.data().at("/checkInAppointment/appointment/status").asString()).isEqualTo("CHECKED_IN");
        assertThat(Bookings.checkIn(Tokens.staff("lianshan.clerk"), TAISHAN, codes[3]).errorCode()).as("another centre's staff").isEqualTo("FORBIDDEN");
        Bookings.age(ids[3], Instant.now().minus(Duration.ofHours(2)), null);
        assertThat(Bookings.runTimerNow("NO_SHOW|" + ids[3] + "|0")).isTrue();

        // the other three slots passed more than 30 minutes ago without a check-in: the timers mark them
        for (int i = 0; i < 3; i++) {
            Bookings.age(ids[i], Instant.now().minus(Duration.ofHours(2)), null);
            assertThat(Bookings.runTimerNow("NO_SHOW|" + ids[i] + "|0")).isTrue();
            awaitStatus(li, ids[i], "NO_SHOW");
            if (i < 2) {
                // two no-shows do not bar yet
                assertThat(bar()).as("no bar after " + (i + 1) + " no-shows").isNull();
            }
        }
        Thread.sleep(6000); // more than a polling interval: the checked-in booking's timer has run too
        assertThat(Bookings.mine(li).get(ids[3]).get("status").asString()).as("checked in: no no-show").isEqualTo("CHECKED_IN");

        // the third bars: the citizen is told why and until when, as a message and on the next booking
        JsonNode barred = awaitBarMessage(li);
        String until = Instant.now().plus(Duration.ofDays(90)).atZone(Cases.HALLS).toLocalDate().format(DateTimeFormatter.ofPattern("uuuu年M月d日"));
        assertThat(barred.get("body").asString()).contains("3 次预约未到").contains(until);
        JsonNode free = Bookings.slots(TAISHAN, hall, items.get(0), day).get(5);
        Api.Response refused = book(li, input(free.get("id").asString(), items.get(0)));
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(refused.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("A2");
        assertThat(refused.errors().get(0).get("message").asString()).contains("3 次预约未到").contains(until).contains("暂停");
        // and it changed nothing
        assertThat(Bookings.slot(TAISHAN, hall, items.get(0), free.get("id").asString()).get("remaining").asInt())
                .isEqualTo(free.get("remaining").asInt());
        // the bar holds at this centre only: 连山 still takes the citizen's booking
        String lianshanItem = Bookings.items("441825").getLast();
        String lianshanHall = Bookings.mainHall("441825");
        LocalDate lianshanDay = Bookings.openDays("441825", lianshanHall, lianshanItem, 10).get(9);
        JsonNode elsewhere = booked(li, input(Bookings.slots("441825", lianshanHall, lianshanItem, lianshanDay).getFirst().get("id").asString(), lianshanItem));
        assertThat(Bookings.cancel(li, elsewhere.get("id").asString()).errors()).isNull();

        // staff see the bar with the bookings that made it; a clerk may not lift it, the centre administrator may
        String admin = Tokens.staff("taishan.admin");
        JsonNode b = bar();
        assertThat(b).isNotNull();
        List<String> noShowCodes = new java.util.ArrayList<>();
        b.get("noShowCodes").forEach(c -> noShowCodes.add(c.asString()));
        assertThat(noShowCodes).containsExactlyInAnyOrder(codes[0], codes[1], codes[2]);
        Api.Response byClerk = lift(Tokens.staff("taishan.clerk"), b.get("id").asString(), "核实为系统原因");
        assertThat(byClerk.errorCode()).as(byClerk.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(lift(admin, b.get("id").asString(), "").errorField()).isEqualTo("reason");
        Api.Response lifted = lift(admin, b.get("id").asString(), "经核实，当事人因病未能到场");
        assertThat(lifted.errors()).as(lifted.body().toString()).isNull();
        assertThat(lifted.data().at("/liftBookingBar/bar/liftedAt").isNull()).isFalse();
        assertThat(lifted.data().at("/liftBookingBar/bar/liftReason").asString()).isEqualTo("经核实，当事人因病未能到场");
        assertThat(booked(li, input(free.get("id").asString(), items.get(0))).get("status").asString()).isEqualTo("BOOKED");
    }

    /** The bar of 台山 in force (not lifted) as its centre administrator sees it; null when none. */
    private static JsonNode bar() {
        Api.Response r = Api.graphql(Tokens.staff("taishan.admin"), "query($t: ID!) { bookingBars(tenantCode: $t) { id who reason noShowCodes "
                + "barredAt barredUntil liftedAt liftReason } }", Map.of("t", TAISHAN));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode b : r.data().get("bookingBars")) if (b.get("liftedAt").isNull()) return b;
        return null;
    }

    private static Api.Response lift(String token, String barId, String reason) {
        return Api.graphql(token, "mutation($i: LiftBookingBarInput!) { liftBookingBar(input: $i) { bar { id liftedAt liftedBy liftReason } } }",
                Map.of("i", Map.of("barId", barId, "reason", reason)));
    }

    private static void awaitStatus(String token, String id, String status) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            if (status.equals(Bookings.mine(token).get(id).get("status").asString())) return;
            Thread.sleep(500);
        }
        throw new AssertionError(id + " not " + status + ": " + Bookings.mine(token).get(id));
    }

    private static JsonNode awaitBarMessage(String token) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            Api.Response m = Api.graphql(token, "{ myMessages(first: 20) { edges { node { kind body } } } }", Map.of());
            for (JsonNode e : m.data().get("myMessages").get("edges")) {
                if ("BOOKING_BARRED".equals(e.get("node").get("kind").asString())) return e.get("node");
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no BOOKING_BARRED message");
    }
}
