package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import com.marcnuri.helm.Helm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Helm chart relies on from the running services (issue 13): the metrics its alert rules and
 * dashboard query exist on the management ports, and the migrate-only mode its pre-upgrade Job runs
 * migrates a database and exits before anything else of the service starts.
 */
@ExtendWith(PlatformUnderTest.class)
class OperationsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String scrape(Service s) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.managementUrl() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(s.module).isEqualTo(200);
        return r.body();
    }

    /** Every metric the chart's alert rules and dashboard name is exported by some service: no rule watches nothing. */
    @Test
    void everyMetricTheAlertsAndDashboardUseIsExported() throws Exception {
        String rendered = new Helm(ROOT.resolve("helm/zwy")).template().withName("zwy").set("monitoring.enabled", "true").call();
        String rules = rendered.substring(rendered.indexOf("kind: PrometheusRule"));
        String dashboard = Files.readString(ROOT.resolve("helm/zwy/dashboards/zwy.json"));
        Set<String> used = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b(zwy_[a-z_]+|http_server_requests_seconds_(?:count|bucket)|jvm_memory_used_bytes|process_cpu_usage)\\b")
                .matcher(rules + dashboard);
        while (m.find()) used.add(m.group(1));
        assertThat(used).contains("zwy_timers_overdue", "zwy_outbox_unpublished", "zwy_events_consumer_lag",
                "http_server_requests_seconds_bucket");
        StringBuilder all = new StringBuilder();
        for (Service s : Service.values()) all.append(scrape(s));
        for (String metric : used) {
            assertThat(all.toString()).as("some service exports " + metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    /** The gauges read real state: the consumers are caught up and no timer is stuck on a healthy platform. */
    @Test
    void eventPathAndTimerGaugesReadTheRealState() throws Exception {
        String cases = scrape(Service.CASE);
        assertThat(cases).containsPattern("(?m)^zwy_timers_overdue(\\{[^}]*})? 0\\.0$");
        assertThat(cases).containsPattern("(?m)^zwy_outbox_unpublished(\\{[^}]*})? \\d+\\.0$");
        // case-service consumes the catalog and hall events: its groups are known to Redis, with a numeric lag
        assertThat(cases).containsPattern("(?m)^zwy_events_consumer_lag\\{[^}]*group=\"[^\"]+\"[^}]*} \\d+\\.0$");
        String search = scrape(Service.SEARCH);
        assertThat(search).containsPattern("(?m)^zwy_events_consumer_pending\\{[^}]*group=\"[^\"]+\"[^}]*} \\d+\\.0$");
        // the p99 alert's buckets
        assertThat(scrape(Service.GATEWAY)).contains("http_server_requests_seconds_bucket{").contains("le=\"0.25\"");
    }

    /**
     * ZWY_MIGRATE_ONLY=true (the chart's pre-install/pre-upgrade Job): tenant-service migrates an empty database —
     * its Java migrations (the division tree, the national calendar) included — and exits with 0, without
     * listening on a port or joining a consumer group; run again, it finds nothing to do and exits with 0 again.
     */
    @Test
    void migrationJobMigratesOnceAndStartsNothingElse() throws Exception {
        String db = System.getenv().getOrDefault("ZWY_TEST_DB_PREFIX", "zwy_test") + "_migrate";
        String stream = "zwy-test:migrate-" + UUID.randomUUID() + ":events";
        createEmptyDatabase(db);
        try {
            for (int run = 1; run <= 2; run++) {
                ProcessBuilder pb = PlatformUnderTest.process(Service.TENANT);
                var env = pb.environment();
                env.put("SPRING_PROFILES_ACTIVE", "demo");
                env.put("ZWY_DEMO", "true");
                env.put("ZWY_MIGRATE_ONLY", "true");
                env.put("SPRING_MAIN_WEB_APPLICATION_TYPE", "none");
                // JSON log lines, as the chart sets them (logFormat: ecs)
                env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
                env.put("ZWY_TENANT_DB", db);
                env.put("ZWY_EVENTS_STREAM", stream);
                String redisPassword = PlatformUnderTest.secret("redis-tenant");
                if (redisPassword != null) {
                    env.put("ZWY_REDIS_USER", "zwy-tenant");
                    env.put("ZWY_REDIS_PASSWORD", redisPassword);
                }
                // ports nobody else uses: had anything started listening, the run would show it in the log
                env.put("TENANT_SERVICE_PORT", "0");
                env.put("TENANT_SERVICE_MANAGEMENT_PORT", "0");
                Path log = Path.of(System.getProperty("user.dir"), "target", "service-logs", "tenant-migrate-" + run + ".log");
                Files.createDirectories(log.getParent());
                Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
                assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("run %d ended; see %s", run, log).isTrue();
                String out = Files.readString(log);
                assertThat(p.exitValue()).as("exit code of run %d; see %s", run, log).isZero();
                assertThat(out).contains("zwy.migrate-only: migrations applied, exiting")
                        .doesNotContain("Tomcat started").doesNotContain("Started TenantServiceApplication");
                // every line the application logged is one JSON object naming the service (ECS)
                List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
                assertThat(lines).as("JSON log lines").isNotEmpty();
                for (String line : lines) {
                    tools.jackson.databind.JsonNode json = Api.JSON.readTree(line);
                    assertThat(json.path("service.name").asString(json.path("service").path("name").asString(""))).as(line)
                            .isEqualTo("tenant-service");
                }
                assertThat(lines).anyMatch(l -> l.contains("zwy.migrate-only: migrations applied, exiting"));
            }
            try (Connection c = Databases.connect(db, "zwy_owner", "zwy_owner_demo"); Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("select count(*) filter (where success), count(*) filter (where not success), "
                        + "count(distinct version) from flyway_schema_history where version is not null");
                rs.next();
                assertThat(rs.getInt(3)).as("every migration applied once").isEqualTo(rs.getInt(1)).isEqualTo(migrationsOf("tenant-service"));
                assertThat(rs.getInt(2)).as("failed migrations").isZero();
                rs = st.executeQuery("select count(*) from region");
                rs.next();
                assertThat(rs.getInt(1)).as("the division tree of the Java migration").isGreaterThan(2_978);
            }
            try (RedisProbe redis = RedisProbe.asTestUser()) {
                // no consumer joined a group, no relay wrote: the stream does not even exist
                assertThat(redis.call("EXISTS", stream)).isEqualTo(":0");
            }
        } finally {
            try (Connection c = Databases.connect("postgres", "postgres", ""); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    /** The service's versioned migrations: SQL files and Java migrations (classes named V<n>__…). */
    private static int migrationsOf(String module) throws Exception {
        try (var files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
            return (int) files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.(sql|java)")).count();
        }
    }

    /** An empty database with the platform's owner and grants (as ./platform's reset_test_databases makes them). */
    private static void createEmptyDatabase(String db) throws Exception {
        try (Connection c = Databases.connect("postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + db + " with (force)");
            st.execute("create database " + db + " owner zwy_owner encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0");
            st.execute("revoke connect, temporary on database " + db + " from public");
            st.execute("grant connect on database " + db + " to zwy_app");
        }
        try (Connection c = Databases.connect(db, "postgres", ""); Statement st = c.createStatement()) {
            for (String sql : List.of("revoke create on schema public from public",
                    "grant usage, create on schema public to zwy_owner", "grant usage on schema public to zwy_app",
                    "alter default privileges for role zwy_owner in schema public grant select, insert, update, delete on tables to zwy_app",
                    "alter default privileges for role zwy_owner in schema public grant usage, select on sequences to zwy_app")) {
                st.execute(sql);
            }
        }
    }
}
