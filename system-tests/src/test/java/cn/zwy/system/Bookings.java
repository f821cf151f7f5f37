package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Appointments through the gateway (ADR 0014): what the booking tests share. */
final class Bookings {

    private Bookings() {}

    static final String APPOINTMENT = "appointment { id bookingCode status tenantCode hallId hallName itemId itemName startsAt endsAt "
            + "bookedForName bookedForIdMasked contactPhoneMasked cancellableUntil createdAt checkedInAt qrCodeSvg replayed }";

    /** Published items of a tenant (public catalog list), in the catalog's order. */
    static List<String> items(String tenant) {
        Api.Response r = Api.get(Service.TENANT.url() + "/api/tenants/" + tenant + "/items?first=100", null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode i : r.body().get("items")) ids.add(i.get("node").get("id").asString());
        assertThat(ids).as("published items of " + tenant).isNotEmpty();
        return ids;
    }

    /** The tenant's main hall. */
    static String mainHall(String tenant) {
        Api.Response r = Api.graphql(null, "query($t: ID!) { hall(tenantCode: $t) { id } }", Map.of("t", tenant));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("hall").get("id").asString();
    }

    static Api.Response slotsResponse(String token, String tenant, String hall, String item, LocalDate date) {
        return Api.graphql(token, "query($t: ID!, $h: ID!, $i: ID!, $d: Date!) { slots(tenantCode: $t, hallId: $h, itemId: $i, date: $d) "
                + "{ id startsAt endsAt capacity remaining releasesAt } }", Map.of("t", tenant, "h", hall, "i", item, "d", date.toString()));
    }

    static List<JsonNode> slots(String tenant, String hall, String item, LocalDate date) {
        Api.Response r = slotsResponse(null, tenant, hall, item, date);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new ArrayList<>();
        r.data().get("slots").forEach(out::add);
        return out;
    }

    /**
     * The day's slots with at least {@code seats} places left: the other tests of a run (and the browser flows) book
     * the same halls and days, so a test that needs a place must not take the day's first slot blindly.
     */
    static List<JsonNode> freeSlots(String tenant, String hall, String item, LocalDate date, int seats) {
        List<JsonNode> free = slots(tenant, hall, item, date).stream().filter(s -> s.get("remaining").asInt() >= seats).toList();
        assertThat(free).as("slots of %s with %d places left on %s", hall, seats, date).isNotEmpty();
        return free;
    }

    static JsonNode slot(String tenant, String hall, String item, String slotId) {
        LocalDate date = LocalDate.parse(slotId.substring(slotId.lastIndexOf(':') + 1, slotId.lastIndexOf(':') + 9),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        return slots(tenant, hall, item, date).stream().filter(s -> s.get("id").asString().equals(slotId)).findFirst().orElseThrow();
    }

    static Api.Response bookableDays(String tenant, String item, LocalDate from, LocalDate to) {
        return Api.graphql(null, "query($t: ID!, $i: ID!, $f: Date!, $to: Date!) { bookableDays(tenantCode: $t, itemId: $i, from: $f, to: $to) "
                + "{ date working note halls { hallId hallName remaining } } }", Map.of("t", tenant, "i", item, "f", from.toString(), "to", to.toString()));
    }

    /**
     * The working days ahead (from tomorrow) on which the hall has slots for the item, waiting for case-service's
     * read models to have caught up with tenant-service's hall and window events.
     */
    static List<LocalDate> openDays(String tenant, String hall, String item, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 90_000;
        while (true) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = Cases.today().plusDays(1); days.size() < count && d.isBefore(Cases.today().plusDays(29)); d = d.plusDays(1)) {
                if (!slots(tenant, hall, item, d).isEmpty()) days.add(d);
            }
            if (days.size() == count) return days;
            if (System.currentTimeMillis() > until) throw new AssertionError("no " + count + " open days of hall " + hall + " for " + item);
            Thread.sleep(1000);
        }
    }

    static Map<String, Object> input(String slotId, String itemId, Object... more) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", UUID.randomUUID().toString());
        in.put("slotId", slotId);
        in.put("itemId", itemId);
        for (int i = 0; i < more.length; i += 2) in.put((String) more[i], more[i + 1]);
        return in;
    }

    static Api.Response book(String token, Map<String, Object> input) {
        return Api.graphql(token, "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { " + APPOINTMENT + " } }",
                Map.of("i", input));
    }

    static JsonNode booked(String token, Map<String, Object> input) {
        Api.Response r = book(token, input);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("bookAppointment").get("appointment");
    }

    /**
     * {@code n} bookings of the slot released at once by one account, each for another person (帮办: {@code who}0, {@code who}1 …),
     * each with its own idempotency key; every answer that is not a booking must say the slot is full (CONFLICT on slotId).
     * Returns how many were acknowledged.
     */
    static int burst(String token, String slotId, String item, int n, String who) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> in = input(slotId, item, "bookedFor", person(who + i));
            answers.add(pool.submit(() -> {
                go.await();
                return book(token, in);
            }));
        }
        go.countDown();
        int ok = 0;
        List<String> other = new ArrayList<>();
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            if (r.errors() == null) ok++;
            else if (!"CONFLICT".equals(r.errorCode()) || !"slotId".equals(r.errorField())) other.add(r.body().toString());
        }
        pool.shutdown();
        assertThat(other).as("answers other than 'full'").isEmpty();
        return ok;
    }

    static Api.Response cancel(String token, String appointmentId) {
        return Api.graphql(token, "mutation($i: CancelAppointmentInput!) { cancelAppointment(input: $i) { " + APPOINTMENT + " } }",
                Map.of("i", Map.of("appointmentId", appointmentId)));
    }

    static Api.Response reschedule(String token, String appointmentId, String slotId) {
        return Api.graphql(token, "mutation($i: RescheduleAppointmentInput!) { rescheduleAppointment(input: $i) { " + APPOINTMENT + " } }",
                Map.of("i", Map.of("appointmentId", appointmentId, "slotId", slotId)));
    }

    static Api.Response checkIn(String token, String tenant, String code) {
        return Api.graphql(token, "mutation($i: CheckInAppointmentInput!) { checkInAppointment(input: $i) { " + APPOINTMENT + " } }",
                Map.of("i", Map.of("tenantCode", tenant, "bookingCode", code)));
    }

    /** The citizen's appointments (up to 100), by id. */
    static Map<String, JsonNode> mine(String token) {
        Api.Response r = Api.graphql(token, "{ myAppointments(first: 100) { edges { node { id bookingCode status startsAt itemId } } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        Map<String, JsonNode> out = new HashMap<>();
        r.data().get("myAppointments").get("edges").forEach(e -> out.put(e.get("node").get("id").asString(), e.get("node")));
        return out;
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500));
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** A valid resident ID number (GB 11643 check character) not used before in this run: someone to book for (帮办). */
    static String newIdNumber() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 1000 + Math.floorMod(System.nanoTime(), 20000L));
        String body = "440781" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (body.charAt(i) - '0') * WEIGHTS[i];
        return body + "10X98765432".charAt(sum % 11);
    }

    static Map<String, Object> person(String name) {
        return Map.of("name", name, "idNumber", newIdNumber());
    }

    /** As the case database's owner: moves an appointment's slot (and day) as if it had been booked for that time. */
    static void age(String appointmentId, Instant startsAt, LocalDate day) throws SQLException {
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                CaseDb.bind(st, appointmentId.substring(0, appointmentId.indexOf(':')));
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update appointment set starts_at = ?, ends_at = ?, day = coalesce(?, day) where id = ?")) {
                ps.setObject(1, java.sql.Timestamp.from(startsAt));
                ps.setObject(2, java.sql.Timestamp.from(startsAt.plusSeconds(1800)));
                ps.setObject(3, day);
                ps.setObject(4, UUID.fromString(appointmentId.substring(appointmentId.indexOf(':') + 1)));
                if (ps.executeUpdate() != 1) throw new IllegalStateException("no appointment " + appointmentId);
            }
            c.commit();
        }
    }

    /** Makes a booking timer due now (the scheduler picks it within its polling interval); whether it was there. */
    static boolean runTimerNow(String instance) throws SQLException {
        try (Connection c = CaseDb.connectAsOwner();
             PreparedStatement ps = c.prepareStatement(
                     "update scheduled_tasks set execution_time = now() where task_name = 'booking-timer' and task_instance = ?")) {
            ps.setString(1, instance);
            return ps.executeUpdate() == 1;
        }
    }

    /** When the booking timer is due, or null when there is none. */
    static Instant timer(String instance) throws SQLException {
        try (Connection c = CaseDb.connectAsOwner();
             PreparedStatement ps = c.prepareStatement(
                     "select execution_time from scheduled_tasks where task_name = 'booking-timer' and task_instance = ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** The slot's counter row as PostgreSQL holds it: {capacity, booked}, or null when nobody booked it yet. */
    static int[] counter(String tenant, String slotId, Instant startsAt) throws SQLException {
        String hall = slotId.split(":")[1];
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                CaseDb.bind(st, tenant);
            }
            try (PreparedStatement ps = c.prepareStatement("select capacity, booked from booking_slot where hall_id = ? and starts_at = ?")) {
                ps.setObject(1, UUID.fromString(hall));
                ps.setObject(2, java.sql.Timestamp.from(startsAt));
                try (ResultSet rs = ps.executeQuery()) {
                    int[] out = rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : null;
                    c.commit();
                    return out;
                }
            }
        }
    }

    /** The SMS of the appointment's message of that kind: {masked phone, sender (null until sent)}, or null. */
    static String[] smsOf(String tenant, String appointmentId, String kind) throws SQLException {
        return smsAbout(tenant, Subject.APPOINTMENT, appointmentId, kind);
    }

    /** What a citizen message is about, by its column in citizen_message. */
    enum Subject {
        APPOINTMENT("appointment_id"), SPECIAL_SERVICE("special_service_id");

        final String column;

        Subject(String column) { this.column = column; }
    }

    /** The SMS of the message of that kind about the appointment or request: {masked phone, sender (null until sent)}, or null. */
    static String[] smsAbout(String tenant, Subject subject, String id, String kind) throws SQLException {
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                CaseDb.bind(st, tenant);
            }
            try (PreparedStatement ps = c.prepareStatement("select o.phone_masked, o.sender from sms_outbox o "
                    + "join citizen_message m on m.id = o.message_id where m." + subject.column + " = ? and m.kind = ?")) {
                ps.setObject(1, UUID.fromString(id.substring(id.indexOf(':') + 1)));
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    String[] out = rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                    c.commit();
                    return out;
                }
            }
        }
    }

    /** Active (BOOKED or CHECKED_IN) appointments of a slot, counted in the database. */
    static int activeOn(String tenant, String slotId, Instant startsAt) throws SQLException {
        String hall = slotId.split(":")[1];
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                CaseDb.bind(st, tenant);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from appointment where hall_id = ? and starts_at = ? and status in ('BOOKED', 'CHECKED_IN')")) {
                ps.setObject(1, UUID.fromString(hall));
                ps.setObject(2, java.sql.Timestamp.from(startsAt));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int n = rs.getInt(1);
                    c.commit();
                    return n;
                }
            }
        }
    }
}
