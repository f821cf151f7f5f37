package cn.zwy.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged services, started as real processes on test ports against the real PostgreSQL,
 * Redis, Elasticsearch and Keycloak (which {@code ./platform test} started). One set per test
 * JVM, shared by all test classes, stopped when the run ends (and by a shutdown hook if the JVM
 * is killed), so a run leaves no process behind. Databases, index prefix and event stream come
 * from the environment {@code ./platform test} sets: fresh for each run. When the services stop,
 * the staff accounts the run made in the shared Keycloak realm are deleted again
 * ({@link KeycloakAccounts#removeAccountsOfThisRun}).
 */
public final class PlatformUnderTest implements BeforeAllCallback, AutoCloseable {

    public enum Service {
        TENANT("tenant-service", 1, "TENANT_SERVICE", "tenant"),
        CASE("case-service", 2, "CASE_SERVICE", "case"),
        SEARCH("search-service", 3, "SEARCH_SERVICE", "search"),
        GATEWAY("gateway", 0, "GATEWAY", "gateway");

        final String module;
        final int port;
        /** actuator's port: 50 above the service's, like ./platform's */
        final int managementPort;
        final String portVariable;
        final String managementPortVariable;
        /** the service's own Redis ACL user is {@code zwy-<redisUser>} */
        final String redisUser;

        Service(String module, int offset, String variablePrefix, String redisUser) {
            this.module = module;
            this.port = Integer.parseInt(System.getenv().getOrDefault("ZWY_TEST_PORT_BASE", "18080")) + offset;
            this.managementPort = port + 50;
            this.portVariable = variablePrefix + "_PORT";
            this.managementPortVariable = variablePrefix + "_MANAGEMENT_PORT";
            this.redisUser = redisUser;
        }

        public String url() { return "http://127.0.0.1:" + port; }

        public String managementUrl() { return "http://127.0.0.1:" + managementPort; }
    }

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path LOGS = Path.of(System.getProperty("user.dir"), "target", "service-logs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<Service, Process> RUNNING = new LinkedHashMap<>();
    private static final List<Process> EXTRA = new java.util.ArrayList<>();
    private static boolean started;
    private static Instant startedAt;
    private static boolean accountsRemoved;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PlatformUnderTest.class) {
            if (started) return;
            started = true;
            startedAt = Instant.now();
            Runtime.getRuntime().addShutdownHook(new Thread(PlatformUnderTest::stopAll));
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PlatformUnderTest.class, this);
            Files.createDirectories(LOGS);
            for (Service s : List.of(Service.TENANT, Service.CASE, Service.SEARCH)) start(s);
            for (Service s : List.of(Service.TENANT, Service.CASE, Service.SEARCH)) awaitReady(s);
            start(Service.GATEWAY);
            awaitReady(Service.GATEWAY);
        }
    }

    @Override
    public void close() {
        stopAll();
    }

    /** The packaged jar of the service, started as a process with the java of this JVM (not started yet). */
    static ProcessBuilder process(Service s) {
        Path jar = ROOT.resolve(s.module).resolve("target").resolve(s.module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("not packaged: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString());
    }

    /**
     * A secret of the local demo that {@code ./platform} generated (e.g. {@code redis-gateway}), read from
     * {@code ZWY_SECRETS_DIR}; null when the tests run without it.
     */
    static String secret(String name) {
        String dir = System.getenv("ZWY_SECRETS_DIR");
        if (dir == null) return null;
        try {
            return Files.readString(Path.of(dir, name)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    public static synchronized void start(Service s) throws IOException {
        if (RUNNING.containsKey(s) && RUNNING.get(s).isAlive()) return;
        RUNNING.put(s, launch(s, s.module + ".log", Map.of()));
    }

    /**
     * A second gateway on its own port (the test port base + {@code portOffset}, actuator 50 above)
     * with the given settings over the test ones, e.g. production limits that the shared gateway
     * must not have; stopped with the rest. Returns its base URL once it is ready.
     */
    public static synchronized String startExtraGateway(String name, int portOffset, Map<String, String> settings)
            throws IOException, InterruptedException {
        return startExtra(Service.GATEWAY, name, portOffset, settings).url();
    }

    /** A process started beside the shared ones: its base URL and the process (to stop or kill it). */
    public record Extra(String url, Process process, java.nio.file.Path log) {}

    /**
     * A second instance of a service on its own port (the service's port + {@code portOffset}, actuator 50 above)
     * with the given settings over the test ones (a replica of the shared service: same databases, stream and
     * consumer groups); stopped with the rest. Returns once it is ready. Ports in use by the tests (offsets from the
     * gateway's): 5–7 GatewayLimitsTest's gateways, 8–9 GuideSearchTest's search-service and gateway, 11–12
     * ReplicasTest's gateway and case-service, 22 FaultsTest's case-service.
     */
    public static synchronized Extra startExtra(Service s, String name, int portOffset, Map<String, String> settings)
            throws IOException, InterruptedException {
        int port = s.port + portOffset;
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put(s.portVariable, String.valueOf(port));
        env.put(s.managementPortVariable, String.valueOf(port + 50));
        String logName = s.module + "-" + name + ".log";
        Process p = launch(s, logName, env);
        EXTRA.add(p);
        awaitReady("http://127.0.0.1:" + (port + 50), p, s.module + "-" + name);
        return new Extra("http://127.0.0.1:" + port, p, LOGS.resolve(logName));
    }

    /**
     * A second search-service on its own port (the test port base + {@code portOffset}, actuator 50 above)
     * with the given settings over the test ones (e.g. an Elasticsearch URL where nothing listens); stopped
     * with the rest. Returns its base URL once it is ready.
     */
    public static synchronized String startExtraSearchService(String name, int portOffset, Map<String, String> settings)
            throws IOException, InterruptedException {
        return startExtra(Service.SEARCH, name, portOffset - (Service.SEARCH.port - Service.GATEWAY.port), settings).url();
    }

    private static Process launch(Service s, String logName, Map<String, String> settings) throws IOException {
        ProcessBuilder pb = process(s);
        Map<String, String> env = pb.environment();
        for (Service other : Service.values()) {
            env.put(other.portVariable, String.valueOf(other.port));
            env.put(other.managementPortVariable, String.valueOf(other.managementPort));
        }
        // the local demo's configuration, everything on loopback (the gateway too: tests need no more)
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("ZWY_BIND_ADDRESS", "127.0.0.1");
        // each service its own Redis user, as ./platform up does (the test JVM's own is zwy-test)
        String redisPassword = secret("redis-" + s.redisUser);
        if (redisPassword != null) {
            env.put("ZWY_REDIS_USER", "zwy-" + s.redisUser);
            env.put("ZWY_REDIS_PASSWORD", redisPassword);
        }
        env.put("ZWY_TENANT_SERVICE_URL", Service.TENANT.url());
        env.put("ZWY_SEARCH_SERVICE_URL", Service.SEARCH.url());
        env.put("ZWY_CASE_SERVICE_URL", Service.CASE.url());
        env.putIfAbsent("ZWY_TENANT_DB", "zwy_test_tenant");
        env.putIfAbsent("ZWY_CASE_DB", "zwy_test_case");
        env.putIfAbsent("ZWY_SEARCH_DB", "zwy_test_search");
        env.putIfAbsent("ZWY_ES_INDEX_PREFIX", "zwy-test-local");
        env.putIfAbsent("ZWY_EVENTS_STREAM", "zwy-test:local:events");
        env.put("ZWY_DEMO", "true");
        // generous limits: the tests are one user making many requests (GatewayLimitsTest checks the real ones)
        env.put("ZWY_RATE_LIMIT_PER_MINUTE", "100000");
        env.put("ZWY_QUERY_COST_BUCKET", "100000000");
        env.put("ZWY_QUERY_COST_RESTORE_PER_SECOND", "1000000");
        // the demo citizen books for hundreds of persons (帮办) and cancels often across the tests; BookingFairnessTest
        // sets a tenant's own low limits (setBookingRules) with accounts of its own and checks the real ones
        env.put("ZWY_BOOKING_MAX_ACTIVE_PER_PERSON", "50");
        env.put("ZWY_BOOKING_MAX_ACTIVE_FOR_OTHERS", "1000");
        env.put("ZWY_BOOKING_MAX_CANCELLATIONS_PER_MONTH", "100");
        // the booking gate's count lives 3 s, not 10 (BookingGateTest waits for a gate that lost places to mend)
        env.put("ZWY_BOOKING_GATE_TTL", "PT3S");
        // this run's own rate-limit counters in Redis (./platform test removes zwy-test:<run>:* afterwards)
        env.put("ZWY_RATE_LIMIT_KEY_PREFIX", env.getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events")
                .replaceFirst("events$", "rl:"));
        // the local demo's setting: schema introspection for everyone
        env.put("ZWY_PUBLIC_INTROSPECTION", "true");
        // the tests run the staff reconciliation themselves (reconcileStaff) and assert on its report
        env.put("ZWY_STAFF_RECONCILE_INITIAL_DELAY", "PT6H");
        // a replica's event-stream entries left unacknowledged are taken over after 10 s, not the production 60 s
        // (ReplicasTest kills one and waits for the other to finish its work)
        env.put("ZWY_EVENTS_CLAIMIDLE", "PT10S");
        env.putAll(settings);
        File log = LOGS.resolve(logName).toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        return pb.start();
    }

    /** The log file of the shared instance of {@code s}. */
    public static java.nio.file.Path logOf(Service s) {
        return LOGS.resolve(s.module + ".log");
    }

    public static void awaitReady(Service s) throws InterruptedException {
        awaitReady(s.managementUrl(), RUNNING.get(s), s.module);
    }

    /** Polls readiness on the actuator (management) base URL until UP, or the process exits, or time runs out. */
    private static void awaitReady(String managementUrl, Process p, String name) throws InterruptedException {
        // ZWY_TEST_READY_SECONDS: a fresh test database loads the division tree first, and a test machine
        // shared by several runs can be slow (start-up took 130 s at load 15)
        long seconds = Long.parseLong(System.getenv().getOrDefault("ZWY_TEST_READY_SECONDS", "300"));
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(deadline)) {
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see " + LOGS.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " not ready in " + seconds + " s; see " + LOGS.resolve(name + ".log"));
    }

    public static synchronized void stop(Service s) throws InterruptedException {
        Process p = RUNNING.remove(s);
        if (p == null) return;
        p.destroy();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    private static synchronized void stopAll() {
        for (Process p : EXTRA) {
            p.destroy();
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        EXTRA.clear();
        for (Service s : List.of(Service.GATEWAY, Service.SEARCH, Service.CASE, Service.TENANT)) {
            try { stop(s); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
        if (startedAt != null && !accountsRemoved) {
            accountsRemoved = true;
            try {
                KeycloakAccounts.removeAccountsOfThisRun(startedAt);
            } catch (RuntimeException e) {
                System.err.println("staff accounts of this run not removed: " + e);
            }
        }
    }
}
