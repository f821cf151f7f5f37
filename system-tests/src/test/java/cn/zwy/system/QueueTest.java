package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The hall queue (A5, A6, ADR 0017) through the gateway at 连山's main hall. Each test but the booking one works on
 * windows of its own with a business category of its own (made as 连山's centre administrator and awaited in
 * case-service's read model), so that no other test's tickets are called; the booking test uses window 1, which
 * serves the booking category, and first calls away whatever waits there.
 */
@ExtendWith(PlatformUnderTest.class)
class QueueTest {

    private static final String LIANSHAN = "441825";
    static final String TICKET = "id tenantCode hallId number businessCategory kind status windowId windowName calls takenAt calledAt "
            + "finishedAt caseId position peopleAhead expectedWaitMinutes extendedMinutes replayed";
    /** 连山's main hall (set before the tests of this class; ReviewTest sets it too when it runs alone). */
    static String hall;

    @BeforeAll
    static void mainHall() {
        hall = Bookings.mainHall(LIANSHAN);
    }

    // ------------------------------------------------------------------ A5

    @Test
    void twoWindowsNeverCallOneTicket_A5() throws Exception {
        String category = category();
        String w1 = window(category);
        String w2 = window(category);
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 10; i++) mine.add(take(Cases.clerk(), category, false).get("id").asString());

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> calls = new ArrayList<>();
        String clerk = Cases.clerk();
        for (int i = 0; i < 20; i++) {
            String w = i % 2 == 0 ? w1 : w2;
            calls.add(pool.submit(() -> {
                start.await();
                return callNext(clerk, w);
            }));
        }
        start.countDown();
        List<String> called = new ArrayList<>();
        Map<String, String> byWindow = new HashMap<>();
        for (Future<Api.Response> f : calls) {
            Api.Response r = f.get();
            assertThat(r.errors()).as(r.body().toString()).isNull();
            JsonNode t = r.data().at("/callNext/ticket");
            if (t.isNull()) continue;
            called.add(t.get("id").asString());
            byWindow.put(t.get("id").asString(), t.get("windowId").asString());
        }
        pool.shutdown();
        // 20 calls, 10 tickets: each ticket called exactly once, and the other ten calls found nobody waiting
        assertThat(called).hasSize(10).doesNotHaveDuplicates();
        assertThat(new HashSet<>(called)).isEqualTo(mine);
        for (String id : mine) {
            JsonNode t = ticket(id);
            assertThat(t.get("status").asString()).isEqualTo("CALLED");
            assertThat(t.get("calls").asInt()).as("called once").isEqualTo(1);
            assertThat(t.get("windowId").asString()).isEqualTo(byWindow.get(id));
        }
        assertThat(byWindow.values()).as("both windows called").contains(w1, w2);
    }

    @Test
    void bookedVisitorsAreCalledFirst_A5() throws Exception {
        String window1 = windowOne();
        // what waits for window 1 (other tests' tickets of categories A and Y) is called away first
        for (int i = 0; i < 200 && !callNext(Cases.clerk(), window1).data().at("/callNext/ticket").isNull(); i++) {
            // drained
        }
        JsonNode walkIn = take(Cases.clerk(), "A", false);
        JsonNode green = take(Cases.clerk(), "A", true);
        assertThat(walkIn.get("kind").asString()).isEqualTo("WALK_IN");
        assertThat(green.get("kind").asString()).isEqualTo("GREEN");
        // a booking of today, its slot starting in 5 minutes: the citizen checks in, which makes a ticket
        String item = Bookings.items(LIANSHAN).getFirst();
        java.time.LocalDate day = Bookings.openDays(LIANSHAN, hall, item, 1).getFirst();
        String slot = Bookings.slots(LIANSHAN, hall, item, day).getLast().get("id").asString();
        JsonNode booking = Bookings.booked(Cases.citizen(), Bookings.input(slot, item, "bookedFor", Bookings.person("排队测试")));
        Bookings.age(booking.get("id").asString(), Instant.now().plus(Duration.ofMinutes(5)), Cases.today());
        Api.Response in = Bookings.checkIn(Cases.clerk(), LIANSHAN, booking.get("bookingCode").asString());
        assertThat(in.errors()).as(in.body().toString()).isNull();
        // the walk-in now has two ahead of it: the booking due now and the green channel
        assertThat(ticket(walkIn.get("id").asString()).get("peopleAhead").asInt()).isEqualTo(2);

        JsonNode first = callNext(Cases.clerk(), window1).data().at("/callNext/ticket");
        JsonNode second = callNext(Cases.clerk(), window1).data().at("/callNext/ticket");
        JsonNode third = callNext(Cases.clerk(), window1).data().at("/callNext/ticket");
        assertThat(first.get("kind").asString()).as("the booking first").isEqualTo("BOOKED");
        assertThat(first.get("businessCategory").asString()).isEqualTo("Y");
        assertThat(first.get("number").asString()).startsWith("Y");
        assertThat(second.get("id").asString()).as("then the green channel").isEqualTo(green.get("id").asString());
        assertThat(third.get("id").asString()).as("then the walk-in").isEqualTo(walkIn.get("id").asString());
        // checking in again makes no second ticket
        Bookings.checkIn(Cases.clerk(), LIANSHAN, booking.get("bookingCode").asString());
        assertThat(callNext(Cases.clerk(), window1).data().at("/callNext/ticket").isNull()).isTrue();
    }

    @Test
    void missedCallEndsTheTicket_A5() throws Exception {
        String category = category();
        String w = window(category);
        JsonNode t = take(Cases.clerk(), category, false);
        String id = t.get("id").asString();
        assertThat(callNext(Cases.clerk(), w).data().at("/callNext/ticket/id").asString()).isEqualTo(id);
        Api.Response recalled = act("recallTicket", "RecallTicketInput", Map.of("ticketId", id));
        assertThat(recalled.data().at("/recallTicket/ticket/calls").asInt()).isEqualTo(2);
        Api.Response missed = act("missTicket", "MissTicketInput", Map.of("ticketId", id));
        assertThat(missed.errors()).as(missed.body().toString()).isNull();
        assertThat(missed.data().at("/missTicket/ticket/status").asString()).isEqualTo("MISSED");
        // a missed ticket is ended: not recalled, not finished, never called again; a new ticket must be taken
        for (String[] op : new String[][] {{"recallTicket", "RecallTicketInput"}, {"missTicket", "MissTicketInput"},
                {"finishTicket", "FinishTicketInput"}}) {
            Api.Response r = act(op[0], op[1], Map.of("ticketId", id));
            assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
            assertThat(r.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("A5");
            assertThat(r.errors().get(0).get("message").asString()).contains("重新取号");
        }
        Api.Response transfer = act("transferTicket", "TransferTicketInput", Map.of("ticketId", id, "windowId", w));
        assertThat(transfer.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(callNext(Cases.clerk(), w).data().at("/callNext/ticket").isNull()).as("never called again").isTrue();
        JsonNode after = ticket(id);
        assertThat(after.get("status").asString()).isEqualTo("MISSED");
        assertThat(after.get("calls").asInt()).as("nothing changed").isEqualTo(2);
        JsonNode again = take(Cases.clerk(), category, false);
        assertThat(again.get("number").asString()).as("a new number").isNotEqualTo(t.get("number").asString());
    }

    @Test
    void transferKeepsNumberAndPriority_A5() throws Exception {
        String c1 = category();
        String c2 = category();
        String w1 = window(c1);
        String w2 = window(c2);
        JsonNode walkIn = take(Cases.clerk(), c2, false);     // waits at window 2 first
        JsonNode green = take(Cases.clerk(), c1, true);       // green channel, taken later, at window 1
        assertThat(callNext(Cases.clerk(), w1).data().at("/callNext/ticket/id").asString()).isEqualTo(green.get("id").asString());

        Api.Response sent = act("transferTicket", "TransferTicketInput", Map.of("ticketId", green.get("id").asString(), "windowId", w2));
        assertThat(sent.errors()).as(sent.body().toString()).isNull();
        JsonNode moved = sent.data().at("/transferTicket/ticket");
        assertThat(moved.get("status").asString()).isEqualTo("WAITING");
        assertThat(moved.get("number").asString()).isEqualTo(green.get("number").asString());
        assertThat(moved.get("position").asInt()).as("ahead of the earlier walk-in").isEqualTo(1);
        // window 1 does not call it again; window 2 calls it before its own earlier walk-in (priority kept)
        assertThat(callNext(Cases.clerk(), w1).data().at("/callNext/ticket").isNull()).isTrue();
        JsonNode atTwo = callNext(Cases.clerk(), w2).data().at("/callNext/ticket");
        assertThat(atTwo.get("id").asString()).isEqualTo(green.get("id").asString());
        assertThat(atTwo.get("number").asString()).isEqualTo(green.get("number").asString());
        assertThat(atTwo.get("kind").asString()).isEqualTo("GREEN");
        assertThat(atTwo.get("windowId").asString()).isEqualTo(w2);
        assertThat(callNext(Cases.clerk(), w2).data().at("/callNext/ticket/id").asString()).isEqualTo(walkIn.get("id").asString());

        // finishing links the case and opens the visit's review (V2): the event queue.ticket.finished
        String caseId = LIANSHAN + ":" + UUID.randomUUID();
        Api.Response done = act("finishTicket", "FinishTicketInput", Map.of("ticketId", green.get("id").asString(), "caseId", caseId));
        assertThat(done.errors()).as(done.body().toString()).isNull();
        assertThat(done.data().at("/finishTicket/ticket/status").asString()).isEqualTo("FINISHED");
        assertThat(done.data().at("/finishTicket/ticket/caseId").asString()).isEqualTo(caseId);
        // service after the hall's closing time is extended service (A3), with its minutes counted from the closing time
        // (or from the call, when that came later); on a day the hall does not open (a weekend, a holiday) there is no
        // closing time to serve past, and before it closes nothing is extended. Which of these today is depends on the
        // clock and the calendar, so the closing time the service recorded for the ticket's day decides what to expect.
        String[] key = green.get("id").asString().split(":");
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                CaseDb.bind(st, key[0]);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select closing_at, called_at, finished_at, day from queue_ticket where tenant_id = ? and id = ?")) {
                ps.setString(1, key[0]);
                ps.setObject(2, UUID.fromString(key[1]));
                ResultSet rs = ps.executeQuery();
                assertThat(rs.next()).as("the finished ticket").isTrue();
                Timestamp closing = rs.getTimestamp(1);
                Instant called = rs.getTimestamp(2).toInstant();
                Instant finished = rs.getTimestamp(3).toInstant();
                JsonNode extended = done.data().at("/finishTicket/ticket/extendedMinutes");
                if (closing != null && finished.isAfter(closing.toInstant())) {
                    assertThat(closing.toInstant().atZone(Cases.HALLS).toLocalDate()).as("closes on the ticket's day")
                            .isEqualTo(rs.getDate(4).toLocalDate());
                    Instant from = called.isAfter(closing.toInstant()) ? called : closing.toInstant();
                    assertThat(extended.isNull()).as("served past closing: extended service (A3)").isFalse();
                    assertThat(extended.asInt()).isEqualTo((int) Math.ceil(Duration.between(from, finished).toSeconds() / 60.0));
                } else {
                    assertThat(extended.isNull()).as("not past a closing time (closing at %s)", closing).isTrue();
                }
            }
        }
        try (Connection c = CaseDb.connectAsOwner();
             PreparedStatement ps = c.prepareStatement("select payload from outbox_event where event_type = 'queue.ticket.finished' and aggregate_id = ?")) {
            ps.setString(1, green.get("id").asString());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("queue.ticket.finished published").isTrue();
                JsonNode payload = Api.JSON.readTree(rs.getString(1));
                assertThat(payload.get("caseId").asString()).isEqualTo(caseId);
                assertThat(payload.get("number").asString()).isEqualTo(green.get("number").asString());
            }
        }
    }

    @Test
    void callingScreenUpdatesLive_A5() throws Exception {
        String category = category();
        String w = window(category);
        JsonNode first = take(Cases.clerk(), category, false);
        JsonNode second = take(Cases.clerk(), category, false);
        try (Subscription screen = Subscription.open(null, "subscription($t: ID!, $h: ID!) { queueCalled(tenantCode: $t, hallId: $h) "
                + "{ hallName calling { number windowId windowName calls } waiting { businessCategory waiting } } }", Map.of("t", LIANSHAN, "h", hall));
             Subscription mine = Subscription.open(null, "subscription($id: ID!) { ticketUpdated(id: $id) { number status position peopleAhead expectedWaitMinutes } }",
                     Map.of("id", second.get("id").asString()))) {
            JsonNode now = await(screen, "queueCalled", s -> waiting(s, category) == 2);
            assertThat(now.get("hallName").asString()).isNotBlank();
            JsonNode pos = await(mine, "ticketUpdated", t -> true);
            assertThat(pos.get("position").asInt()).isEqualTo(2);
            assertThat(pos.get("peopleAhead").asInt()).isEqualTo(1);

            callNext(Cases.clerk(), w);
            // pushed, not polled: the screen shows the number at the window, the second ticket moves up
            JsonNode called = await(screen, "queueCalled", s -> calling(s, first.get("number").asString()) != null);
            assertThat(calling(called, first.get("number").asString()).get("windowId").asString()).isEqualTo(w);
            assertThat(waiting(called, category)).isEqualTo(1);
            JsonNode moved = await(mine, "ticketUpdated", t -> t.get("position").asInt() == 1);
            assertThat(moved.get("peopleAhead").asInt()).isZero();

            callNext(Cases.clerk(), w);
            JsonNode mineCalled = await(mine, "ticketUpdated", t -> t.get("status").asString().equals("CALLED"));
            assertThat(mineCalled.get("position").isNull()).isTrue();
        }
    }

    // ------------------------------------------------------------------ A6

    @Test
    void visitorFlowCountedPerHalfHour_A6() throws Exception {
        String category = category();
        window(category);
        LocalDateTime before = LocalDateTime.now(Cases.HALLS);
        for (int i = 0; i < 3; i++) take(Cases.clerk(), category, false);
        take(Cases.citizen(), category, true);
        LocalDateTime after = LocalDateTime.now(Cases.HALLS);
        Api.Response flow = Api.graphql(Cases.clerk(), "query($t: ID!, $h: ID!, $d: Date!) { visitorFlow(tenantCode: $t, hallId: $h, date: $d) "
                + "{ startsAt businessCategory visitors } }", Map.of("t", LIANSHAN, "h", hall, "d", Cases.today().toString()));
        assertThat(flow.errors()).as(flow.body().toString()).isNull();
        int counted = 0;
        for (JsonNode b : flow.data().get("visitorFlow")) {
            if (!b.get("businessCategory").asString().equals(category)) continue;
            LocalDateTime start = LocalDateTime.ofInstant(Instant.parse(b.get("startsAt").asString()), Cases.HALLS);
            assertThat(start.getMinute()).as("a half hour").isIn(0, 30);
            assertThat(start.getSecond()).isZero();
            assertThat(start).isAfterOrEqualTo(before.minusMinutes(30)).isBeforeOrEqualTo(after);
            counted += b.get("visitors").asInt();
        }
        assertThat(counted).as("four tickets of the category today").isEqualTo(4);
        // staffing figures are the tenant's: another tenant's staff and the signed-out are refused
        Api.Response other = Api.graphql(Tokens.staff("taishan.clerk"), "query($t: ID!, $h: ID!, $d: Date!) { visitorFlow(tenantCode: $t, hallId: $h, date: $d) "
                + "{ visitors } }", Map.of("t", LIANSHAN, "h", hall, "d", Cases.today().toString()));
        assertThat(other.errorCode()).isEqualTo("FORBIDDEN");
        // quiet hours are public: half hours of the hall's day, some of them quiet
        Api.Response quiet = Api.graphql(null, "query($t: ID!, $h: ID!) { quietHours(tenantCode: $t, hallId: $h) { from to averageVisitors quiet } }",
                Map.of("t", LIANSHAN, "h", hall));
        assertThat(quiet.errors()).as(quiet.body().toString()).isNull();
        assertThat(quiet.data().get("quietHours")).isNotEmpty();
        assertThat(quiet.data().get("quietHours").get(0).get("from").asString()).matches("\\d\\d:\\d\\d(:\\d\\d)?");
        boolean anyQuiet = false;
        for (JsonNode q : quiet.data().get("quietHours")) anyQuiet |= q.get("quiet").asBoolean();
        assertThat(anyQuiet).isTrue();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void anotherTenantsStaffNeitherCallsNorHandlesTheQueue_T2() throws Exception {
        String category = category();
        String w = window(category);
        JsonNode t = take(Cases.clerk(), category, false);
        String id = t.get("id").asString();
        String other = Tokens.staff("taishan.clerk");
        assertThat(callNext(other, w).errorCode()).isEqualTo("FORBIDDEN");
        // naming its own tenant with 连山's window: the service's read model (RLS) does not know the window
        Api.Response own = Api.graphql(other, "mutation($i: CallNextInput!) { callNext(input: $i) { ticket { id } } }",
                Map.of("i", Map.of("tenantCode", "440781", "windowId", w)));
        assertThat(own.errorCode()).as(own.body().toString()).isEqualTo("NOT_FOUND");
        Api.Response take = Api.graphql(other, "mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { id } } }",
                Map.of("i", takeInput(category, false)));
        assertThat(take.errorCode()).isEqualTo("FORBIDDEN");
        for (String token : new String[] {other, Cases.citizen(), null}) {
            for (String[] op : new String[][] {{"recallTicket", "RecallTicketInput"}, {"missTicket", "MissTicketInput"},
                    {"finishTicket", "FinishTicketInput"}}) {
                Api.Response r = Api.graphql(token, "mutation($i: " + op[1] + "!) { " + op[0] + "(input: $i) { ticket { id } } }",
                        Map.of("i", Map.of("ticketId", id)));
                assertThat(r.errorCode()).as(op[0] + " " + r.body()).isIn("FORBIDDEN", "UNAUTHENTICATED");
            }
        }
        JsonNode after = ticket(id);
        assertThat(after.get("status").asString()).as("nothing changed").isEqualTo("WAITING");
        assertThat(after.get("calls").asInt()).isZero();
    }

    /**
     * The citizen app's ticket page (ADR 0029): signed out, the hall's calling screen names the categories its windows
     * serve (code and name) to pick from; a citizen takes a ticket of one for themselves and reads the people ahead.
     */
    @Test
    void citizenPicksAServedCategoryAndSeesThePeopleAhead_A5() throws Exception {
        String category = category();
        window(category);
        Api.Response r = Api.graphql(null, "query($t: ID!, $h: ID!) { hallQueue(tenantCode: $t, hallId: $h) { categories { code name } } }",
                Map.of("t", LIANSHAN, "h", hall));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<String> offered = new java.util.ArrayList<>();
        for (JsonNode c : r.data().at("/hallQueue/categories")) offered.add(c.get("code").asString() + " " + c.get("name").asString());
        assertThat(offered).contains(category + " 排队测试");
        JsonNode first = take(Cases.clerk(), category, false);
        JsonNode mine = take(Cases.citizen(), category, false);
        assertThat(mine.get("peopleAhead").asInt()).as("the kiosk's ticket is ahead").isEqualTo(1);
        assertThat(ticket(mine.get("id").asString()).get("position").asInt()).isEqualTo(2);
        assertThat(first.get("status").asString()).isEqualTo("WAITING");
    }

    @Test
    void badQueueInputGetsASpecificErrorAndChangesNothing_A5() throws Exception {
        String category = category();
        String w = window(category);
        int waiting = waiting(screen(), category);
        Map<String, Object> in = takeInput("a!", false);
        assertThat(field(Api.graphql(Cases.clerk(), TAKE, Map.of("i", in)), "VALIDATION")).isEqualTo("businessCategory");
        assertThat(field(Api.graphql(Cases.clerk(), TAKE, Map.of("i", takeInput("ZZ9QX8", false))), "NOT_FOUND")).isEqualTo("businessCategory");
        Map<String, Object> badHall = takeInput(category, false);
        badHall.put("hallId", "no-hall");
        assertThat(field(Api.graphql(Cases.clerk(), TAKE, Map.of("i", badHall)), "VALIDATION")).isEqualTo("hallId");
        Map<String, Object> noKey = takeInput(category, false);
        noKey.put("idempotencyKey", " ");
        assertThat(field(Api.graphql(Cases.clerk(), TAKE, Map.of("i", noKey)), "VALIDATION")).isEqualTo("idempotencyKey");
        assertThat(waiting(screen(), category)).as("nothing taken").isEqualTo(waiting);
        // a waiting ticket cannot be finished or transferred before it is called; an unknown window is NOT_FOUND
        JsonNode t = take(Cases.clerk(), category, false);
        Api.Response finish = act("finishTicket", "FinishTicketInput", Map.of("ticketId", t.get("id").asString()));
        assertThat(finish.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(field(callNext(Cases.clerk(), UUID.randomUUID().toString()), "NOT_FOUND")).isEqualTo("windowId");
        assertThat(callNext(Cases.clerk(), w).data().at("/callNext/ticket/id").asString()).isEqualTo(t.get("id").asString());
        Api.Response badCase = act("finishTicket", "FinishTicketInput", Map.of("ticketId", t.get("id").asString(), "caseId", "440781:" + UUID.randomUUID()));
        assertThat(field(badCase, "VALIDATION")).as("a case of another tenant").isEqualTo("caseId");
        assertThat(ticket(t.get("id").asString()).get("status").asString()).isEqualTo("CALLED");
        // the same idempotency key answers the first ticket
        Map<String, Object> once = takeInput(category, false);
        JsonNode a = Api.graphql(Cases.clerk(), TAKE, Map.of("i", once)).data().at("/takeTicket/ticket");
        JsonNode b = Api.graphql(Cases.clerk(), TAKE, Map.of("i", once)).data().at("/takeTicket/ticket");
        assertThat(b.get("id").asString()).isEqualTo(a.get("id").asString());
        assertThat(b.get("replayed").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    static final String TAKE = "mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { " + TICKET + " } } }";

    private static String field(Api.Response r, String code) {
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo(code);
        return r.errors().get(0).path("extensions").path("field").asString(null);
    }

    static Map<String, Object> takeInput(String category, boolean green) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", UUID.randomUUID().toString());
        in.put("tenantCode", LIANSHAN);
        in.put("hallId", hall);
        in.put("businessCategory", category);
        in.put("greenChannel", green);
        return in;
    }

    static JsonNode take(String token, String category, boolean green) {
        Api.Response r = Api.graphql(token, TAKE, Map.of("i", takeInput(category, green)));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode t = r.data().at("/takeTicket/ticket");
        assertThat(t.get("number").asString()).matches(category + "\\d{3,}");
        assertThat(t.get("status").asString()).isEqualTo("WAITING");
        return t;
    }

    static Api.Response callNext(String token, String windowId) {
        return Api.graphql(token, "mutation($i: CallNextInput!) { callNext(input: $i) { ticket { " + TICKET + " } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", windowId)));
    }

    static Api.Response act(String mutation, String inputType, Map<String, Object> input) {
        return Api.graphql(Cases.clerk(), "mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { ticket { " + TICKET + " } } }",
                Map.of("i", input));
    }

    static JsonNode ticket(String id) {
        Api.Response r = Api.graphql(null, "query($id: ID!) { myTicket(id: $id) { " + TICKET + " } }", Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("myTicket");
    }

    static JsonNode screen() {
        Api.Response r = Api.graphql(null, "query($t: ID!, $h: ID!) { hallQueue(tenantCode: $t, hallId: $h) { hallName calling { number windowId } "
                + "waiting { businessCategory waiting } } }", Map.of("t", LIANSHAN, "h", hall));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("hallQueue");
    }

    private static int waiting(JsonNode screen, String category) {
        for (JsonNode w : screen.get("waiting")) if (w.get("businessCategory").asString().equals(category)) return w.get("waiting").asInt();
        return 0;
    }

    private static JsonNode calling(JsonNode screen, String number) {
        for (JsonNode c : screen.get("calling")) if (c.get("number").asString().equals(number)) return c;
        return null;
    }

    /** The next message of the subscription whose data matches, within 20 s. */
    private static JsonNode await(Subscription s, String field, Predicate<JsonNode> matches) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            JsonNode m = s.next(20);
            assertThat(m.get("type").asString()).as(m.toString()).isEqualTo("next");
            assertThat(m.path("payload").path("errors").isMissingNode()).as(m.toString()).isTrue();
            JsonNode data = m.path("payload").path("data").path(field);
            if (matches.test(data)) return data;
        }
        throw new AssertionError("no " + field + " as expected within 20 s");
    }

    /** A business category of the test's own: 1–6 upper-case letters or digits, starting with a letter. */
    static String category() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder("Q");
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < 5; i++) s.append(chars.charAt(r.nextInt(chars.length())));
        return s.toString();
    }

    /** A new comprehensive window of 连山's main hall serving the category, once case-service's read model has it. */
    static String window(String category) throws InterruptedException {
        String number = "Q" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Map<String, Object> in = Map.of("tenantCode", LIANSHAN, "hallId", hall, "number", number, "name", "排队测试窗口",
                "kind", "COMPREHENSIVE", "categories", List.of(Map.of("code", category, "name", "排队测试")));
        Api.Response r = Api.graphql(Cases.admin(), "mutation($i: CreateWindowInput!) { createWindow(input: $i) { window { id } } }", Map.of("i", in));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        String id = r.data().at("/createWindow/window/id").asString();
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            if (!"NOT_FOUND".equals(callNext(Cases.clerk(), id).errorCode())) return id;
            Thread.sleep(300);
        }
        throw new AssertionError("window " + id + " not in case-service's read model within 60 s");
    }

    /** 连山's window 1 (综合受理窗口1: categories A and Y). */
    static String windowOne() {
        Api.Response r = Api.graphql(Cases.admin(), "{ windows(tenantCode: \"441825\") { id number hallId } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode w : r.data().get("windows")) {
            if (w.get("number").asString().equals("1") && w.get("hallId").asString().equals(hall)) return w.get("id").asString();
        }
        throw new AssertionError("no window 1 in 连山's main hall");
    }
}
