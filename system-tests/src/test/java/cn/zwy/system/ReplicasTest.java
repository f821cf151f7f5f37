package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Extra;
import cn.zwy.system.PlatformUnderTest.Service;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two of everything that holds work (issue 13): a second case-service (B) beside the shared one (A), on the
 * same database, event stream and consumer groups, and a second gateway (B) that talks to case-service B only.
 * What breaks naive designs: a subscription opened on gateway A must hear a change made through gateway B and
 * case-service B; a timer must fire once though two schedulers poll it; an event must take effect once per
 * consumer group though two consumers read it, and what a killed replica had read but not finished must be
 * done by the other. (The rate limit and the query-cost budget shared by two gateways: GatewayLimitsTest.)
 */
@ExtendWith(PlatformUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    private static final String UPDATED = "subscription($id: ID!) { caseUpdated(id: $id) { id status version } }";
    private static final String ACCEPT = "mutation($input: AcceptCaseInput!) { acceptCase(input: $input) { case { id status version } } }";
    private static Extra caseB;
    private static Extra gatewayB;

    @BeforeAll
    static void startReplicas() throws Exception {
        caseB = PlatformUnderTest.startExtra(Service.CASE, "b", 10, Map.of());
        gatewayB = PlatformUnderTest.startExtra(Service.GATEWAY, "b", 11, Map.of("ZWY_CASE_SERVICE_URL", caseB.url()));
    }

    @AfterAll
    static void stopReplicas() throws Exception {
        for (Extra e : new Extra[] {gatewayB, caseB}) {
            if (e != null && e.process().isAlive()) {
                e.process().destroy();
                e.process().waitFor();
            }
        }
    }

    @Test
    @Order(1)
    void subscriptionOnGatewayAHearsAChangeMadeThroughGatewayBAndCaseServiceB() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        try (Subscription onA = Subscription.open(Cases.citizen(), UPDATED, Map.of("id", id))) {
            assertThat(next(onA).get("status").asString()).isEqualTo("SUBMITTED");
            Api.Response accepted = Api.graphqlAt(gatewayB.url(), Cases.clerk(), ACCEPT,
                    Map.of("input", Cases.staffAction(id, 0, "综合受理窗口 3 号")), Map.of());
            assertThat(accepted.errors()).as(accepted.body().toString()).isNull();
            assertThat(accepted.data().at("/acceptCase/case/status").asString()).isEqualTo("ACCEPTED");
            // case-service B committed it; A's listener heard PostgreSQL's NOTIFY and gateway A pushed it
            JsonNode pushed = next(onA);
            for (int i = 0; i < 3 && !pushed.get("status").asString().equals("ACCEPTED"); i++) pushed = next(onA);
            assertThat(pushed.get("status").asString()).isEqualTo("ACCEPTED");
        }
        // and it went through B: B's log has the request, A's event of it is the same case
        assertThat(Files.readString(gatewayB.log())).isNotEmpty();
    }

    /**
     * Every citizen message's SMS is a timer of the persistent scheduler. With two case-services polling the same
     * table, each fires exactly once: one SMS per message in the two logs together, every one sent.
     */
    @Test
    @Order(2)
    void timersFireOnceWithTwoSchedulers() throws Exception {
        // the logs are appended to across runs (and case numbers start again in a fresh database): read from here on
        long fromA = Files.size(PlatformUnderTest.logOf(Service.CASE));
        long fromB = Files.size(caseB.log());
        List<String> caseIds = new ArrayList<>();
        List<String> caseNumbers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // alternate the replicas taking the submission, so both schedulers have timers of their own and of the other's
            Map<String, Object> body = Cases.submission(Cases.promisedItem(), UUID.randomUUID().toString());
            Api.Response r = Api.post((i % 2 == 0 ? Service.CASE.url() : caseB.url()) + "/api/cases", Cases.citizen(), body);
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            caseIds.add(r.body().get("caseId").asString());
            caseNumbers.add(r.body().get("caseNumber").asString());
        }
        Set<String> messages = new HashSet<>();
        long until = System.currentTimeMillis() + 60_000;
        int unsent = Integer.MAX_VALUE;
        while (unsent > 0 && System.currentTimeMillis() < until) {
            messages.clear();
            unsent = 0;
            try (Connection c = lianshan();
                 PreparedStatement st = c.prepareStatement("select message_id, sent_at from sms_outbox where case_id = any (?)")) {
                st.setArray(1, c.createArrayOf("uuid", caseIds.stream().map(ReplicasTest::uuid).toArray()));
                ResultSet rs = st.executeQuery();
                while (rs.next()) {
                    messages.add(rs.getString(1));
                    if (rs.getTimestamp(2) == null) unsent++;
                }
            }
            if (unsent > 0) Thread.sleep(1000);
        }
        assertThat(messages).as("a receipt message (and its SMS) per case").hasSizeGreaterThanOrEqualTo(caseIds.size());
        assertThat(unsent).as("SMS still unsent after 60 s").isZero();
        Thread.sleep(6000); // more than a polling interval: a second firing would show now
        String logs = tail(caseB.log(), fromB) + tail(PlatformUnderTest.logOf(Service.CASE), fromA);
        // the logging SMS port writes one line per SMS sent ("SMS to <masked>: <text>", the text naming the case number)
        int sent = 0;
        for (String number : caseNumbers) {
            int lines = count(logs, "SMS to [^\\n]*" + Pattern.quote(number));
            assertThat(lines).as("SMS lines of case " + number).isGreaterThanOrEqualTo(1);
            sent += lines;
        }
        assertThat(sent).as("SMS sent in all, one per message").isEqualTo(messages.size());
    }

    /**
     * Hall changes from tenant-service reach case-service's hall read model (consumer group case-booking-halls) with
     * two consumers in the group: each event processed once. Replica B is killed in the middle of the burst; what it
     * had read but not acknowledged is taken over by A (after claimIdle, 10 s in the tests) — nothing lost, nothing
     * left pending, nothing done twice.
     */
    @Test
    @Order(3)
    void eventsTakeEffectOncePerGroupAndAKilledReplicasWorkIsTakenOver() throws Exception {
        Instant t0 = Instant.now();
        String token = Cases.admin();
        int changes = 12;
        for (int i = 0; i < changes; i++) {
            Api.Response r = Halls.update(token, Map.of("tenantCode", "441825", "phone", Halls.uniquePhone()));
            assertThat(r.errors()).as(r.body().toString()).isNull();
            if (i == changes / 2) caseB.process().destroyForcibly().waitFor(); // no shutdown: whatever B held stays pending
        }
        List<String> events = new ArrayList<>();
        try (Connection c = Databases.connect(System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant"), "zwy_owner", "zwy_owner_demo");
             PreparedStatement st = c.prepareStatement(
                     "select id from outbox_event where event_type = 'hall.changed' and tenant_id = '441825' and occurred_at >= ?")) {
            st.setTimestamp(1, Timestamp.from(t0.minusSeconds(1)));
            ResultSet rs = st.executeQuery();
            while (rs.next()) events.add(rs.getString(1));
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(changes);
        long until = System.currentTimeMillis() + 90_000;
        int done = 0;
        while (System.currentTimeMillis() < until) {
            done = processed("case-booking-halls", events);
            if (done == events.size() && pending("case-booking-halls") == 0) break;
            Thread.sleep(1000);
        }
        assertThat(done).as("hall.changed events processed by the group (once each: processed_event is keyed by group and event)")
                .isEqualTo(events.size());
        assertThat(pending("case-booking-halls")).as("entries still unacknowledged in the group").isZero();
        // the read model holds the hall's current version: no event was lost or applied out of its turn
        JsonNode hall = Halls.hall("441825");
        try (Connection c = lianshan();
             PreparedStatement st = c.prepareStatement("select version from booking_hall where hall_id = ?")) {
            st.setObject(1, uuid(hall.get("id").asString()));
            ResultSet rs = st.executeQuery();
            assertThat(rs.next()).as("case-service knows the hall").isTrue();
            assertThat(rs.getInt(1)).as("case-service's hall read model is at the hall's version").isEqualTo(hall.get("version").asInt());
        }
    }

    private static JsonNode next(Subscription s) throws InterruptedException {
        JsonNode m = s.next(30);
        assertThat(m.get("type").asString()).as(m.toString()).isEqualTo("next");
        return m.path("payload").path("data").path("caseUpdated");
    }

    /** The case database under row-level security, bound to 连山 (441825) for this connection's transaction. */
    private static Connection lianshan() throws Exception {
        Connection c = CaseDb.connect();
        c.setAutoCommit(false);
        try (java.sql.Statement st = c.createStatement()) {
            CaseDb.bind(st, "441825");
        }
        return c;
    }

    private static String tail(java.nio.file.Path log, long from) throws Exception {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The row id of a scoped id ({@code <tenant>:<uuid>}) as the API gives it. */
    private static UUID uuid(String scopedId) {
        return UUID.fromString(scopedId.substring(scopedId.lastIndexOf(':') + 1));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static int processed(String group, List<String> events) throws Exception {
        try (Connection c = CaseDb.connectAsOwner();
             PreparedStatement st = c.prepareStatement(
                     "select count(*), count(*) filter (where failure is not null) from processed_event where consumer_group = ? and event_id = any (?)")) {
            st.setString(1, group);
            st.setArray(2, c.createArrayOf("uuid", events.stream().map(UUID::fromString).toArray()));
            ResultSet rs = st.executeQuery();
            rs.next();
            assertThat(rs.getInt(2)).as("events recorded as failed").isZero();
            return rs.getInt(1);
        }
    }

    /** Entries of the run's stream delivered to the group and not acknowledged (XPENDING's count). */
    private static long pending(String group) throws Exception {
        try (RedisProbe redis = RedisProbe.asTestUser()) {
            String reply = redis.call("XPENDING", System.getenv().getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events"), group);
            return Long.parseLong(reply.split("\n")[0].replace(":", ""));
        }
    }
}
