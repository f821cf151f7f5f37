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
        TENANT("tenant-service", 1, "TENANT_SERVICE_PORT"),
        CASE("case-service", 2, "CASE_SERVICE_PORT"),
        SEARCH("search-service", 3, "SEARCH_SERVICE_PORT"),
        GATEWAY("gateway", 0, "GATEWAY_PORT");

        final String module;
        final int port;
        final String portVariable;

        Service(String module, int offset, String portVariable) {
            this.module = module;
            this.port = Integer.parseInt(System.getenv().getOrDefault("ZWY_TEST_PORT_BASE", "18080")) + offset;
            this.portVariable = portVariable;
        }

        public String url() { return "http://127.0.0.1:" + port; }
    }

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path LOGS = Path.of(System.getProperty("user.dir"), "target", "service-logs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<Service, Process> RUNNING = new LinkedHashMap<>();
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

    public static synchronized void start(Service s) throws IOException {
        if (RUNNING.containsKey(s) && RUNNING.get(s).isAlive()) return;
        Path jar = ROOT.resolve(s.module).resolve("target").resolve(s.module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("not packaged: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        for (Service other : Service.values()) env.put(other.portVariable, String.valueOf(other.port));
        env.put("ZWY_TENANT_SERVICE_URL", Service.TENANT.url());
        env.put("ZWY_SEARCH_SERVICE_URL", Service.SEARCH.url());
        env.put("ZWY_CASE_SERVICE_URL", Service.CASE.url());
        env.putIfAbsent("ZWY_TENANT_DB", "zwy_test_tenant");
        env.putIfAbsent("ZWY_CASE_DB", "zwy_test_case");
        env.putIfAbsent("ZWY_SEARCH_DB", "zwy_test_search");
        env.putIfAbsent("ZWY_ES_INDEX_PREFIX", "zwy-test-local");
        env.putIfAbsent("ZWY_EVENTS_STREAM", "zwy-test:local:events");
        env.put("ZWY_DEMO", "true");
        // a generous limit: the tests are one user making many requests
        env.put("ZWY_RATE_LIMIT_PER_MINUTE", "100000");
        // the tests run the staff reconciliation themselves (reconcileStaff) and assert on its report
        env.put("ZWY_STAFF_RECONCILE_INITIAL_DELAY", "PT6H");
        File log = LOGS.resolve(s.module + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        RUNNING.put(s, pb.start());
    }

    public static void awaitReady(Service s) throws InterruptedException {
        // generous: on a shared 2-core machine with several runs at once a service took 110 s to start
        Instant deadline = Instant.now().plusSeconds(300);
        while (Instant.now().isBefore(deadline)) {
            Process p = RUNNING.get(s);
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(s.module + " exited with " + p.exitValue() + "; see " + LOGS.resolve(s.module + ".log"));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(s.module + " not ready in 300 s; see " + LOGS.resolve(s.module + ".log"));
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
