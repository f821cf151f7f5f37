package cn.zwy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Issue #3's scale benchmark: onboards every county-level region of China (2,978) as a tenant
 * on one deployment, reporting onboarding time per tenant, and measures the per-request latency
 * of the citizen catalog queries at 5 tenants and at 2,978 tenants (goal: p99 at 2,978 ≤ 1.2×
 * p99 at 5). Runs against a platform started by {@code ./platform bench} (its own databases),
 * prints the figures and writes them to {@code docs/benchmarks/scale.md}.
 */
public final class ScaleBenchmark {

    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:28080");
    private final String tenantService = env("BENCH_TENANT_SERVICE", "http://127.0.0.1:28081");
    private final Http http = new Http(env("BENCH_KEYCLOAK", "http://127.0.0.1:8180"));
    private final int samples = Integer.parseInt(env("BENCH_SAMPLES", "2000"));
    private final int warmup = Integer.parseInt(env("BENCH_WARMUP", "2000"));
    private final int onboardThreads = Integer.parseInt(env("BENCH_ONBOARD_THREADS", "4"));
    private final int limit = Integer.parseInt(env("BENCH_LIMIT", "100000"));
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/scale.md"));
    private final Random random = new Random(42);

    public static void main(String[] args) throws Exception {
        new ScaleBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("removed %d county administrator accounts left in Keycloak by earlier runs%n", http.deleteCountyAdminAccounts());
        List<String> counties = counties();
        System.out.printf("county-level regions: %d%n", counties.size());
        List<String> tenants = new ArrayList<>(activeTenants(counties));
        System.out.printf("tenants before: %d%n", tenants.size());

        // reach exactly 5 tenants, then measure
        Latencies onboarding = new Latencies();
        List<String> toOnboard = counties.stream().filter(c -> !tenants.contains(c)).limit(limit).toList();
        int needed = Math.max(0, 5 - tenants.size());
        onboard(toOnboard.subList(0, needed), onboarding, tenants);
        Map<String, Latencies> at5 = measure(tenants);

        Instant start = Instant.now();
        onboard(toOnboard.subList(needed, toOnboard.size()), onboarding, tenants);
        Duration onboardAll = Duration.between(start, Instant.now());
        System.out.printf("onboarded %d tenants in %s: %s%n", onboarding.count(), onboardAll, onboarding.summary());

        Instant provisioningStart = Instant.now();
        Duration provisioning = awaitProvisioning(tenants);
        Map<String, Latencies> atAll = measure(tenants);
        write(counties.size(), tenants.size(), onboarding, onboardAll, provisioning, provisioningStart, at5, atAll);
    }

    /** Every county-level region, from the public region tree. */
    private List<String> counties() {
        List<String> out = new ArrayList<>();
        for (JsonNode p : http.get(tenantService + "/api/regions")) {
            for (JsonNode c : http.get(tenantService + "/api/regions?parent=" + p.get("code").asString())) {
                for (JsonNode a : http.get(tenantService + "/api/regions?parent=" + c.get("code").asString())) {
                    if (a.get("level").asString().equals("COUNTY")) out.add(a.get("code").asString());
                }
            }
        }
        return out;
    }

    private List<String> activeTenants(List<String> counties) {
        List<String> out = new ArrayList<>();
        for (String prefix : counties.stream().map(c -> c.substring(0, 4)).distinct().toList()) {
            for (JsonNode a : http.get(tenantService + "/api/regions?parent=" + prefix)) {
                if (!a.path("tenant").isNull() && !a.path("tenant").isMissingNode()
                        && a.path("tenant").path("status").asString("").equals("ACTIVE")) out.add(a.get("code").asString());
            }
        }
        return out;
    }

    private void onboard(List<String> codes, Latencies latencies, List<String> tenants) throws Exception {
        if (codes.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(onboardThreads);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (String code : codes) {
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                http.postJson(tenantService + "/api/tenants", Map.of("regionCode", code), http.operatorToken());
                latencies.add((System.nanoTime() - t0) / 1000);
                int n = done.incrementAndGet();
                if (n % 500 == 0) System.out.printf("  onboarded %d/%d%n", n, codes.size());
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        synchronized (tenants) { tenants.addAll(codes); }
    }

    /** Staff administrators are created from the event path: wait until the last tenant's exists. */
    private Duration awaitProvisioning(List<String> tenants) throws InterruptedException {
        Instant t0 = Instant.now();
        String last = tenants.getLast();
        Instant deadline = t0.plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode users = http.keycloakUsers(last + ".admin");
            if (users != null && !users.isEmpty()) return Duration.between(t0, Instant.now());
            Thread.sleep(2000);
        }
        return null;
    }

    /** Per-request latency of each citizen query against random tenants, one request at a time. */
    private Map<String, Latencies> measure(List<String> tenants) {
        Map<String, Latencies> out = new LinkedHashMap<>();
        for (CitizenQuery q : CitizenQuery.ALL) {
            Latencies l = new Latencies();
            for (int i = 0; i < warmup + samples; i++) {
                String tenant = tenants.get(random.nextInt(tenants.size()));
                Map<String, Object> vars = q.variables(http, gateway, tenant);
                long t0 = System.nanoTime();
                http.graphql(gateway, q.document(), vars);
                if (i >= warmup) l.add((System.nanoTime() - t0) / 1000);
            }
            System.out.printf("  %-22s at %4d tenants: %s%n", q.name(), tenants.size(), l.summary());
            out.put(q.name(), l);
        }
        return out;
    }

    private void write(int counties, int tenantCount, Latencies onboarding, Duration onboardAll, Duration provisioning,
                       Instant provisioningStart, Map<String, Latencies> at5, Map<String, Latencies> atAll) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Scale benchmark: every county of China as a tenant\n\n");
        md.append("Run ").append(LocalDate.now()).append(" with `./platform bench` on ").append(Runtime.getRuntime().availableProcessors())
          .append(" cores (the whole platform — PostgreSQL, Redis, Elasticsearch, Keycloak, four services — and this harness on one machine).\n\n");
        md.append("## Onboarding\n\n");
        md.append(String.format("- county-level regions: %d; tenants after the run: %d%n", counties, tenantCount));
        md.append(String.format("- onboarding calls (one call per tenant, %d in parallel): %d in %.1f s → %.1f tenants/s%n",
                onboardThreads, onboarding.count(), onboardAll.toMillis() / 1000.0, onboarding.count() / Math.max(0.001, onboardAll.toMillis() / 1000.0)));
        md.append(String.format("- onboarding latency per tenant: p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n",
                onboarding.percentileMillis(50), onboarding.percentileMillis(99), onboarding.meanMillis()));
        md.append(provisioning == null ? "- staff administrators in Keycloak: not all provisioned within 20 min\n"
                : String.format("- staff administrator accounts (Keycloak, from the event path): the last one existed %.1f s after the last onboarding call%n",
                provisioning.toMillis() / 1000.0));
        md.append("\n## Citizen queries (GraphQL through the gateway, one request at a time, random tenant per request)\n\n");
        md.append(String.format("%d samples per query after %d warm-up requests of the same query (the JVMs are warmed before the 5-tenant "
                + "figures too, so that the comparison is not between a cold and a warm JIT).%n%n", samples, warmup));
        md.append("| query | p50 at 5 | p99 at 5 | p50 at ").append(tenantCount).append(" | p99 at ").append(tenantCount)
          .append(" | p99 ratio | goal ≤ 1.2 |\n|---|---|---|---|---|---|---|\n");
        for (String q : at5.keySet()) {
            Latencies a = at5.get(q), b = atAll.get(q);
            double ratio = b.percentileMillis(99) / a.percentileMillis(99);
            md.append(String.format("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f | %s |%n", q, a.percentileMillis(50),
                    a.percentileMillis(99), b.percentileMillis(50), b.percentileMillis(99), ratio, ratio <= 1.2 ? "met" : "**not met**"));
        }
        System.out.println();
        System.out.println(md);
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString());
        System.out.println("written to " + report.toAbsolutePath());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
