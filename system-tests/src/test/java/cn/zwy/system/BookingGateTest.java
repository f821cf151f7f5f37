package cn.zwy.system;

import static cn.zwy.system.Bookings.book;
import static cn.zwy.system.Bookings.booked;
import static cn.zwy.system.Bookings.input;
import static cn.zwy.system.Bookings.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The Redis gate in front of a slot's counter row (ADR 0030): whatever the gate's count says — fewer places than
 * there are, as a case-service that died between holding a place in the gate and committing leaves it, or more, as a
 * Redis restored from an old copy would — PostgreSQL decides every booking the gate lets through: the slot is never
 * overbooked, every acknowledged booking is in PostgreSQL, and a gate that counts too few mends itself within its
 * lifetime ({@code ZWY_BOOKING_GATE_TTL}, 3 s in the tests). A cancellation gives its place back to the gate at once.
 */
@ExtendWith(PlatformUnderTest.class)
class BookingGateTest {

    private static final String LIANSHAN = "441825";
    private static final String STREAM = System.getenv().getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events");
    private static final String GATE = STREAM.replaceFirst("events$", "") + "booking-gate:";

    private record Slot(String id, Instant startsAt, String item) {}

    /** A slot no other test books: the 13th (or 14th) open day of 连山's main hall, an item of its catalog. */
    private static Slot freshSlot(int day, int index) throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        List<String> items = Bookings.items(LIANSHAN);
        String item = items.get(items.size() - 1);
        LocalDate d = Bookings.openDays(LIANSHAN, hall, item, day).get(day - 1);
        JsonNode s = Bookings.slots(LIANSHAN, hall, item, d).get(index);
        assertThat(s.get("capacity").asInt()).isEqualTo(6);
        assertThat(s.get("remaining").asInt()).as("a slot nobody booked yet").isEqualTo(6);
        return new Slot(s.get("id").asString(), Instant.parse(s.get("startsAt").asString()), item);
    }

    @Test
    void aCrashBetweenGateAndCounterNeverOverbooksAndMendsWithinTheGatesLifetime() throws Exception {
        Slot slot = freshSlot(13, 1);
        String token = Cases.citizen();
        // the first booking reaches the counter row, and the gate learns the places left from it
        booked(token, input(slot.id, slot.item, "bookedFor", person("闸门甲")));
        try (RedisProbe redis = RedisProbe.asTestUser()) {
            assertThat(redis.call("GET", GATE + slot.id)).isEqualTo("5");
            // three requests held places in the gate, then their case-service died before the transaction committed
            assertThat(redis.call("DECRBY", GATE + slot.id, "3")).isEqualTo(":2");
        }

        // a burst: the gate lets its two through, everyone else hears "full"; PostgreSQL holds every acknowledged booking
        assertThat(burst(token, slot, 20, "闸门乙")).isEqualTo(2);
        assertThat(Bookings.counter(LIANSHAN, slot.id, slot.startsAt)).containsExactly(6, 3);
        assertThat(Bookings.activeOn(LIANSHAN, slot.id, slot.startsAt)).isEqualTo(3);

        // within the gate's lifetime the lost places are back, read from the counter row: exactly the three still free
        Thread.sleep(Duration.ofSeconds(4));
        assertThat(burst(token, slot, 20, "闸门丙")).isEqualTo(3);
        assertThat(Bookings.counter(LIANSHAN, slot.id, slot.startsAt)).containsExactly(6, 6);
        assertThat(Bookings.activeOn(LIANSHAN, slot.id, slot.startsAt)).isEqualTo(6);
    }

    @Test
    void aGateCountingTooManyPlacesStillNeverOverbooksAndACancellationGivesThePlaceBack() throws Exception {
        Slot slot = freshSlot(14, 2);
        String token = Cases.citizen();
        booked(token, input(slot.id, slot.item, "bookedFor", person("闸门丁")));
        try (RedisProbe redis = RedisProbe.asTestUser()) {
            // a gate far above the truth (an old copy of Redis)
            assertThat(redis.call("SET", GATE + slot.id, "100", "EX", "60")).isEqualTo("+OK");
        }
        assertThat(burst(token, slot, 30, "闸门戊")).isEqualTo(5);
        assertThat(Bookings.counter(LIANSHAN, slot.id, slot.startsAt)).containsExactly(6, 6);
        assertThat(Bookings.activeOn(LIANSHAN, slot.id, slot.startsAt)).isEqualTo(6);

        // PostgreSQL said full, so the gate says full now; a cancellation gives one place back, at once
        refusedFull(token, input(slot.id, slot.item, "bookedFor", person("闸门己")));
        try (RedisProbe redis = RedisProbe.asTestUser()) {
            assertThat(redis.call("GET", GATE + slot.id)).isEqualTo("0");
        }
        String one = Bookings.mine(token).values().stream().filter(a -> Instant.parse(a.get("startsAt").asString()).equals(slot.startsAt)
                && "BOOKED".equals(a.get("status").asString())).findFirst().orElseThrow().get("id").asString();
        assertThat(Bookings.cancel(token, one).errors()).isNull();
        try (RedisProbe redis = RedisProbe.asTestUser()) {
            assertThat(redis.call("GET", GATE + slot.id)).isEqualTo("1");
        }
        booked(token, input(slot.id, slot.item, "bookedFor", person("闸门庚")));
        assertThat(Bookings.counter(LIANSHAN, slot.id, slot.startsAt)).containsExactly(6, 6);
        assertThat(Bookings.activeOn(LIANSHAN, slot.id, slot.startsAt)).isEqualTo(6);
    }

    private static void refusedFull(String token, java.util.Map<String, Object> in) {
        Api.Response r = book(token, in);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("CONFLICT");
        assertThat(r.errorField()).isEqualTo("slotId");
    }

    private static int burst(String token, Slot slot, int n, String who) throws Exception {
        return Bookings.burst(token, slot.id, slot.item, n, who);
    }
}
