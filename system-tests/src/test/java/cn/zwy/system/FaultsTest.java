package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Extra;
import cn.zwy.system.PlatformUnderTest.Service;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Faults with nothing lost (issue 13), on a case-service replica of its own whose PostgreSQL and Redis connections
 * pass through {@link TcpProxy}s that the test cuts and restores — the shared servers other runs use are never
 * stopped. For each outage: what failed while it lasted and with which error, what was acknowledged and then lost
 * (must be none), how long recovery took. Figures are printed ("FAULT …") for docs/benchmarks/faults.md.
 * (Elasticsearch down: GuideSearchTest's search-service on a dead Elasticsearch answers SEARCH_UNAVAILABLE while
 * cases go on — case-service never calls Elasticsearch.)
 */
@ExtendWith(PlatformUnderTest.class)
class FaultsTest {

    private static TcpProxy postgres;
    private static TcpProxy redis;
    private static Extra caseB;

    @BeforeAll
    static void startReplicaBehindProxies() throws Exception {
        postgres = TcpProxy.to(Integer.parseInt(System.getenv().getOrDefault("ZWY_PG_PORT", "5432")));
        redis = TcpProxy.to(RedisProbe.PORT);
        caseB = PlatformUnderTest.startExtra(Service.CASE, "faults", 20, Map.of(
                "ZWY_PG_PORT", String.valueOf(postgres.port()), "ZWY_REDIS_PORT", String.valueOf(redis.port()),
                // a request waits this long for a connection before it is answered UNAVAILABLE (the pool's default is 30 s)
                "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "2000"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (caseB != null) {
            caseB.process().destroy();
            caseB.process().waitFor();
        }
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    private static Api.Response submit(String url) {
        return Api.post(url + "/api/cases", Cases.citizen(), Cases.submission(Cases.promisedItem(), UUID.randomUUID().toString()));
    }

    /**
     * Redis gone for the replica: submissions are still acknowledged (the outbox holds their events in the same
     * transaction), the replica's relay pauses, and every event reaches the stream once Redis is reachable again
     * (relayed by whichever replica gets to it first) — no acknowledged case and no event lost.
     */
    @Test
    void redisOutageLosesNoSubmissionAndNoEvent() throws Exception {
        redis.cut();
        List<String> acknowledged = new ArrayList<>();
        int failed = 0;
        try {
            for (int i = 0; i < 6; i++) {
                Api.Response r = submit(caseB.url());
                if (r.status() == 200) acknowledged.add(r.body().get("caseId").asString());
                else failed++;
            }
            Thread.sleep(1500); // a few relay rounds of the replica against the missing Redis
        } finally {
            redis.restore();
        }
        System.out.printf("FAULT redis: %d submissions acknowledged during the outage, %d failed%n", acknowledged.size(), failed);
        assertThat(failed).as("submissions refused while Redis was gone").isZero();
        long t0 = System.currentTimeMillis();
        int unpublished = Integer.MAX_VALUE;
        while (unpublished > 0 && System.currentTimeMillis() - t0 < 30_000) {
            unpublished = unpublished(acknowledged);
            if (unpublished > 0) Thread.sleep(200);
        }
        System.out.printf("FAULT redis: every event of them on the stream %d ms after Redis came back%n", System.currentTimeMillis() - t0);
        assertThat(unpublished).as("events of acknowledged cases still only in the outbox").isZero();
        try (RedisProbe probe = RedisProbe.asTestUser()) {
            String recent = probe.call("XREVRANGE", System.getenv().getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events"), "+", "-", "COUNT", "2000");
            for (String id : acknowledged) assertThat(recent).as("the stream carries the events of case " + id).contains(id);
        }
        for (String id : acknowledged) assertThat(Cases.get(Cases.clerk(), id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    /**
     * PostgreSQL gone for the replica (a restart or fail-over as it sees it): requests are answered 503 UNAVAILABLE
     * with a clear message within the pool's wait, nothing half-done; when it is back the replica serves again
     * without a restart, and every case acknowledged before the outage is still there.
     */
    @Test
    void databaseOutageAnswersUnavailableAndRecoversWithoutARestart() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) before.add(Cases.ok(submit(caseB.url())).get("caseId").asString());
        postgres.cut();
        int failed = 0;
        JsonNode error = null;
        long downFrom = System.currentTimeMillis();
        try {
            for (int i = 0; i < 3; i++) {
                Api.Response r = submit(caseB.url());
                assertThat(r.status()).as("a submission while PostgreSQL is gone: " + r.body()).isEqualTo(503);
                failed++;
                error = r.body();
            }
        } finally {
            postgres.restore();
        }
        long answeredIn = (System.currentTimeMillis() - downFrom) / 3;
        assertThat(error.path("code").asString()).isEqualTo("UNAVAILABLE");
        assertThat(error.path("detail").asString()).contains("数据库暂不可用");
        long t0 = System.currentTimeMillis();
        Api.Response again;
        do {
            again = submit(caseB.url());
            if (again.status() != 200) Thread.sleep(200);
        } while (again.status() != 200 && System.currentTimeMillis() - t0 < 60_000);
        long recovery = System.currentTimeMillis() - t0;
        System.out.printf("FAULT postgres: %d requests failed with 503 UNAVAILABLE (answered in ~%d ms each); served again %d ms after it came back%n",
                failed, answeredIn, recovery);
        assertThat(again.status()).as("the replica serves again after PostgreSQL is back: " + again.body()).isEqualTo(200);
        // acknowledged before the outage and after it: all there, read through the other replica
        before.add(again.body().get("caseId").asString());
        for (String id : before) assertThat(Cases.get(Cases.clerk(), id).get("id").asString()).isEqualTo(id);
    }

    /**
     * Redis restarted without its data (or failed over to a copy that lacks the consumer group): the group is gone
     * and reads answer NOGROUP. The consumers create it again from the start of the stream — processed_event makes
     * the replay harmless — and the next hall change reaches case-service's hall read model.
     */
    @Test
    void consumerGroupLostWithRedisIsCreatedAgainAndCatchesUp() throws Exception {
        try (RedisProbe probe = RedisProbe.asTestUser()) {
            String reply = probe.call("XGROUP", "DESTROY", System.getenv().getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events"),
                    "case-booking-halls");
            assertThat(reply).as("the group existed and is gone").isEqualTo(":1");
        }
        Api.Response r = Halls.update(Cases.admin(), Map.of("tenantCode", "441825", "phone", Halls.uniquePhone()));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode hall = Halls.hall("441825");
        long t0 = System.currentTimeMillis();
        int version = -1;
        while (version != hall.get("version").asInt() && System.currentTimeMillis() - t0 < 60_000) {
            Thread.sleep(500);
            try (Connection c = CaseDb.connect()) {
                c.setAutoCommit(false);
                try (java.sql.Statement st = c.createStatement()) {
                    CaseDb.bind(st, "441825");
                }
                try (PreparedStatement st = c.prepareStatement("select version from booking_hall where hall_id = ?")) {
                    String id = hall.get("id").asString();
                    st.setObject(1, UUID.fromString(id.substring(id.lastIndexOf(':') + 1)));
                    ResultSet rs = st.executeQuery();
                    if (rs.next()) version = rs.getInt(1);
                }
                c.rollback();
            }
        }
        System.out.printf("FAULT redis lost the consumer group: the hall change took effect %d ms later%n", System.currentTimeMillis() - t0);
        assertThat(version).as("case-service's hall read model follows the hall again").isEqualTo(hall.get("version").asInt());
    }

    /** Events of these cases (aggregate ids) not yet relayed to the stream. */
    private static int unpublished(List<String> caseIds) throws Exception {
        try (Connection c = CaseDb.connectAsOwner();
             PreparedStatement st = c.prepareStatement("select count(*) filter (where published_at is null), count(*) "
                     + "from outbox_event where aggregate_id = any (?)")) {
            st.setArray(1, c.createArrayOf("varchar", caseIds.toArray()));
            ResultSet rs = st.executeQuery();
            rs.next();
            assertThat(rs.getInt(2)).as("outbox rows of the acknowledged cases").isGreaterThanOrEqualTo(caseIds.size());
            return rs.getInt(1);
        }
    }
}
