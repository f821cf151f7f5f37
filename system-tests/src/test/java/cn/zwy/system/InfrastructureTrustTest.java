package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, the infrastructure the services trust: the event stream (item 7: a forged
 * {@code tenant.onboarded} made a disabled clerk a centre administrator), Redis without a password,
 * services on every interface, actuator on the public port, and demo secrets as defaults.
 */
@ExtendWith(PlatformUnderTest.class)
class InfrastructureTrustTest {

    private static final String STREAM = System.getenv().getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events");

    @Test
    void forgedEventIsRejected() throws Exception {
        // what the attacker wrote: a well-formed tenant.onboarded naming an account to create and make centre administrator
        String unsignedAdmin = "forged" + UUID.randomUUID().toString().substring(0, 8) + ".admin";
        String badlySignedAdmin = "forged" + UUID.randomUUID().toString().substring(0, 8) + ".admin";
        UUID unsigned = UUID.randomUUID();
        UUID badlySigned = UUID.randomUUID();
        try (RedisProbe redis = RedisProbe.asTestUser()) {
            assertThat(redis.call(xadd(onboarded(unsigned, unsignedAdmin), null))).matches("\\d+-\\d+");
            assertThat(redis.call(xadd(onboarded(badlySigned, badlySignedAdmin),
                    "v1:" + "A".repeat(43)))).matches("\\d+-\\d+");
        }

        // tenant-service's consumer read both (so the absence below is not just slowness) and refused them
        Map<UUID, String> failures = awaitFailures("staff-provisioner", List.of(unsigned, badlySigned));
        assertThat(failures.get(unsigned)).isEqualTo("rejected: unsigned event (no sig field)");
        assertThat(failures.get(badlySigned)).isEqualTo("rejected: invalid event signature");
        assertThat(KeycloakAccounts.find(unsignedAdmin)).as("account of the unsigned event").isNull();
        assertThat(KeycloakAccounts.find(badlySignedAdmin)).as("account of the badly signed event").isNull();
        assertThat(Files.readString(Path.of("target", "service-logs", "tenant-service.log")))
                .contains("SECURITY: event consumer staff-provisioner rejects").contains(unsigned.toString());
    }

    @Test
    void redisRequiresAuthentication() throws Exception {
        assumeThat(System.getenv("ZWY_REDIS_PASSWORD")).as("run by ./platform test, which configures Redis").isNotBlank();
        try (RedisProbe anonymous = new RedisProbe()) {
            assertThat(anonymous.call("PING")).startsWith("-NOAUTH");
            assertThat(anonymous.call("XADD", STREAM, "*", "type", "tenant.onboarded")).startsWith("-NOAUTH");
            assertThat(anonymous.call("AUTH", "default", "")).startsWith("-WRONGPASS");
            assertThat(anonymous.call("AUTH", "zwy-tenant", "guessed")).startsWith("-WRONGPASS");
            assertThat(anonymous.call("XLEN", STREAM)).startsWith("-NOAUTH");
        }
    }

    @Test
    void gatewaysRedisUserCannotTouchTheEventStream() throws Exception {
        String password = PlatformUnderTest.secret("redis-gateway");
        assumeThat(password).as("run by ./platform test, which generates the Redis passwords").isNotNull();
        try (RedisProbe gateway = new RedisProbe()) {
            assertThat(gateway.call("AUTH", "zwy-gateway", password)).isEqualTo("+OK");
            assertThat(gateway.call("XADD", STREAM, "*", "type", "tenant.onboarded")).startsWith("-NOPERM");
            assertThat(gateway.call("XRANGE", STREAM, "-", "+")).startsWith("-NOPERM");
            assertThat(gateway.call("FLUSHALL")).startsWith("-NOPERM");
            // what it is for: the rate limiter's counters
            assertThat(gateway.call("INCR", "zwy:rl:probe:" + UUID.randomUUID())).isEqualTo(":1");
        }
    }

    @Test
    void actuatorIsNotOnThePublicPort() {
        Api.Response metrics = Api.get(Service.GATEWAY.url() + "/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(404);
        assertThat(Api.get(Service.GATEWAY.url() + "/actuator/health", null).status()).isEqualTo(404);
        for (Service s : List.of(Service.TENANT, Service.CASE, Service.SEARCH)) {
            assertThat(Api.get(s.url() + "/actuator/prometheus", null).status()).as(s.module).isIn(401, 404);
        }
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() throws Exception {
        for (Service s : Service.values()) {
            Api.Response health = Api.get(s.managementUrl() + "/actuator/health/readiness", null);
            assertThat(health.status()).as(s.module).isEqualTo(200);
            assertThat(health.body().path("status").asString()).as(s.module).isEqualTo("UP");
            var metrics = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.managementUrl() + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(s.module).isEqualTo(200);
            assertThat(metrics.body()).as(s.module).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void servicesAndManagementListenOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (IOException e) { return false; } })
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();
        // the address is reachable at all: something listening on every interface answers there
        try (ServerSocket everywhere = new ServerSocket(0); Socket s = new Socket()) {
            s.connect(new InetSocketAddress(external.get(), everywhere.getLocalPort()), 2000);
        }
        for (Service svc : List.of(Service.TENANT, Service.CASE, Service.SEARCH)) {
            assertThatThrownBy(() -> connect(external.get(), svc.port)).as(svc.module).isInstanceOf(ConnectException.class);
        }
        for (Service svc : Service.values()) {
            assertThatThrownBy(() -> connect(external.get(), svc.managementPort)).as(svc.module + " management")
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void startsOnlyWithItsSecretsOutsideDemo() throws Exception {
        String tenant = withoutSecrets(Service.TENANT);
        assertThat(tenant).contains("Start-up stopped: required configuration is missing (active profiles: none)")
                .contains("ZWY_APP_DB_PASSWORD (spring.datasource.password)")
                .contains("ZWY_OWNER_DB_PASSWORD (spring.flyway.password)")
                .contains("ZWY_REDIS_PASSWORD (spring.data.redis.password)")
                .contains("ZWY_EVENTS_HMAC_KEY (zwy.events.hmac-key)")
                .contains("ZWY_KEYCLOAK_URL (zwy.keycloak.url)")
                .contains("ZWY_KEYCLOAK_CLIENT_SECRET (zwy.keycloak.client-secret)");
        assertThat(withoutSecrets(Service.GATEWAY)).contains("ZWY_REDIS_PASSWORD (spring.data.redis.password)");
        // M3: the personal-data keys have demo values only in the demo profile
        assertThat(withoutSecrets(Service.CASE)).contains("ZWY_PRIVACY_KEYS (zwy.privacy.keys)")
                .contains("ZWY_PRIVACY_INDEX_KEY (zwy.privacy.index-key)");
    }

    /** Starts the service's jar without the demo profile and without any secret; returns its output once it exited non-zero. */
    private static String withoutSecrets(Service s) throws Exception {
        ProcessBuilder pb = PlatformUnderTest.process(s);
        Map<String, String> env = pb.environment();
        for (String v : List.of("SPRING_PROFILES_ACTIVE", "ZWY_APP_DB_PASSWORD", "ZWY_OWNER_DB_PASSWORD", "ZWY_REDIS_PASSWORD",
                "ZWY_EVENTS_HMAC_KEY", "ZWY_EVENTS_HMAC_PREVIOUS_KEY", "ZWY_KEYCLOAK_URL", "ZWY_KEYCLOAK_CLIENT_SECRET",
                "ZWY_PRIVACY_KEYS", "ZWY_PRIVACY_INDEX_KEY")) {
            env.remove(v);
        }
        // free ports of its own, should it get as far as listening
        env.put(s.portVariable, "0");
        env.put(s.managementPortVariable, "0");
        Path log = Path.of("target", "service-logs", s.module + "-without-secrets.log");
        Files.createDirectories(log.getParent());
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(s.module + " started without its secrets (still running after 90 s); see " + log);
        }
        assertThat(p.exitValue()).as(s.module + " exit code").isNotZero();
        return Files.readString(log);
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    private static Map<String, String> onboarded(UUID eventId, String adminUsername) {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", eventId.toString());
        fields.put("type", "tenant.onboarded");
        fields.put("tenant", "440781");
        fields.put("aggregateType", "tenant");
        fields.put("aggregateId", "440781");
        fields.put("occurredAt", Instant.now().toString());
        fields.put("payload", """
                {"tenantCode":"440781","name":"台山市","level":"COUNTY","regionPath":["44","4407","440781"],\
                "regionName":"台山市","mainHallId":"%s","adminUsername":"%s","reactivated":true}"""
                .formatted(UUID.randomUUID(), adminUsername));
        return fields;
    }

    private static String[] xadd(Map<String, String> fields, String signature) {
        List<String> args = new java.util.ArrayList<>(List.of("XADD", STREAM, "*"));
        fields.forEach((k, v) -> { args.add(k); args.add(v); });
        if (signature != null) { args.add("sig"); args.add(signature); }
        return args.toArray(String[]::new);
    }

    /** The failure recorded by the consumer group for each event, once all are recorded (60 s at most). */
    private static Map<UUID, String> awaitFailures(String group, List<UUID> events) throws SQLException, InterruptedException {
        String db = System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant");
        Instant deadline = Instant.now().plusSeconds(60);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
             PreparedStatement q = c.prepareStatement(
                     "select event_id, failure from processed_event where consumer_group = ? and event_id = any (?)")) {
            q.setString(1, group);
            q.setArray(2, c.createArrayOf("uuid", events.toArray()));
            while (true) {
                Map<UUID, String> found = new HashMap<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) found.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
                if (found.size() == events.size()) return found;
                if (Instant.now().isAfter(deadline)) throw new AssertionError(group + " recorded only " + found + " of " + events);
                Thread.sleep(300);
            }
        }
    }
}
