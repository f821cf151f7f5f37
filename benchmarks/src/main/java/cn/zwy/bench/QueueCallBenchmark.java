package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second figure of issue 9 (A5): {@code BENCH_WINDOWS} (50) windows of one hall call the same queue at once.
 * The hall gets that many comprehensive windows serving one business category (made through the gateway by the
 * centre administrator, idempotent across runs), {@code BENCH_TICKETS} (2,000) walk-in tickets are taken for it, then
 * every window calls, finishes and calls again until nobody waits — each window its own virtual thread, as 50 clerks
 * pressing "next" together. Reports calls/s, latency of callNext, and tickets called twice, counted two ways: in
 * the answers (two windows given the same ticket) and in PostgreSQL afterwards (a ticket whose call count is above
 * one, or a ticket never called though it waited). Both must be 0.
 */
final class QueueCallBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "441825";
    private static final String CATEGORY = "QB";
    private static final ZoneId HALLS = ZoneId.of("Asia/Shanghai");

    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:28080");
    private final String caseDb = env("BENCH_CASE_DB", "zwy_bench_case");
    private final int windowCount = Integer.parseInt(env("BENCH_WINDOWS", "50"));
    private final int ticketCount = Integer.parseInt(env("BENCH_TICKETS", "2000"));
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/queue.md"));
    private final DemoTokens tokens = new DemoTokens(env("BENCH_KEYCLOAK", "http://127.0.0.1:8180"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    public static void main(String[] args) throws Exception {
        new QueueCallBenchmark().run();
    }

    private record Window(String id, String number) {}

    private record Calls(Map<String, String> firstWindowOf, List<String> twice, Latencies call, Latencies finish, AtomicInteger errors,
                         double seconds) {}

    private void run() throws Exception {
        String admin = tokens.of("staff", "lianshan.admin");
        String hall = graphql(null, "query($t: ID!) { hall(tenantCode: $t) { id } }", Map.of("t", TENANT)).at("/data/hall/id").asString();
        List<Window> windows = windows(admin, hall);
        System.out.printf("hall %s: %d windows serving %s%n", hall, windows.size(), CATEGORY);
        awaitKnown(windows);
        drain(windows); // tickets an earlier run of the same day left waiting

        long t0 = System.nanoTime();
        Latencies take = takeTickets(hall);
        double takeSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%,d tickets taken in %.1f s (%s)%n", take.count(), takeSeconds, take.summary());

        Instant started = Instant.now();
        Calls c = callAll(windows);
        long[] db = check(hall, started);
        String figures = figures(windows.size(), take, takeSeconds, c, db);
        System.out.println(figures);
        Reports.write(report, figures);
    }

    // ------------------------------------------------------------------ the windows

    /** The hall's windows QB01…QBnn of the category, made where missing (createWindow answers the existing one). */
    private List<Window> windows(String admin, String hall) throws Exception {
        List<Window> out = new ArrayList<>();
        for (int i = 1; i <= windowCount; i++) {
            String number = String.format("QB%02d", i);
            JsonNode r = graphql(admin, """
                    mutation($i: CreateWindowInput!) { createWindow(input: $i) { window { id number } created } }""",
                    Map.of("i", Map.of("tenantCode", TENANT, "hallId", hall, "number", number, "name", "压测综合窗口 " + i,
                            "kind", "COMPREHENSIVE", "categories", List.of(Map.of("code", CATEGORY, "name", "压测业务")))));
            JsonNode w = r.at("/data/createWindow/window");
            if (w.isMissingNode() || w.isNull()) throw new IllegalStateException("createWindow " + number + ": " + r);
            out.add(new Window(w.get("id").asString(), number));
        }
        return out;
    }

    /** Waits until case-service's hall read model (fed by tenant-service's events) knows every window. */
    private void awaitKnown(List<Window> windows) throws Exception {
        String clerk = tokens.of("staff", "lianshan.clerk");
        long until = System.currentTimeMillis() + 120_000;
        for (Window w : windows) {
            while (true) {
                JsonNode r = callNext(clerk, w);
                if (!r.has("errors")) {
                    JsonNode t = r.at("/data/callNext/ticket"); // a ticket an earlier run left waiting: served now
                    if (!t.isMissingNode() && !t.isNull()) finish(clerk, t.get("id").asString());
                    break;
                }
                if (System.currentTimeMillis() > until) throw new IllegalStateException("window " + w.number + " unknown to case-service: " + r);
                Thread.sleep(250);
            }
        }
    }

    private void drain(List<Window> windows) throws Exception {
        String clerk = tokens.of("staff", "lianshan.clerk");
        int n = 0;
        while (true) {
            JsonNode t = callNext(clerk, windows.getFirst()).at("/data/callNext/ticket");
            if (t.isMissingNode() || t.isNull()) break;
            finish(clerk, t.get("id").asString());
            n++;
        }
        if (n > 0) System.out.printf("%d tickets of an earlier run served first%n", n);
    }

    // ------------------------------------------------------------------ load

    private Latencies takeTickets(String hall) throws Exception {
        String kiosk = tokens.of("staff", "lianshan.clerk");
        Latencies l = new Latencies();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < 8; k++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < ticketCount) {
                        long s = System.nanoTime();
                        JsonNode r = graphql(kiosk, """
                                mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { id number } } }""",
                                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "tenantCode", TENANT, "hallId", hall,
                                        "businessCategory", CATEGORY)));
                        if (r.has("errors")) throw new IllegalStateException("takeTicket: " + r.get("errors"));
                        l.add((System.nanoTime() - s) / 1000);
                    }
                    return null;
                });
            }
        }
        return l;
    }

    /** Every window on its own virtual thread: call, finish, call again until nothing waits; all start together. */
    private Calls callAll(List<Window> windows) throws Exception {
        String clerk = tokens.of("staff", "lianshan.clerk");
        Map<String, String> firstWindowOf = new ConcurrentHashMap<>();
        List<String> twice = java.util.Collections.synchronizedList(new ArrayList<>());
        Latencies call = new Latencies();
        Latencies finish = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        long t0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Window w : windows) {
                pool.submit(() -> {
                    go.await();
                    while (true) {
                        long s = System.nanoTime();
                        JsonNode r = callNext(clerk, w);
                        call.add((System.nanoTime() - s) / 1000);
                        if (r.has("errors")) {
                            errors.incrementAndGet();
                            System.err.println("callNext at " + w.number + ": " + r.get("errors"));
                            continue;
                        }
                        JsonNode t = r.at("/data/callNext/ticket");
                        if (t.isMissingNode() || t.isNull()) return null;
                        String id = t.get("id").asString();
                        String earlier = firstWindowOf.putIfAbsent(id, w.number);
                        if (earlier != null) twice.add(t.get("number").asString() + " at " + earlier + " and " + w.number);
                        s = System.nanoTime();
                        finish(clerk, id);
                        finish.add((System.nanoTime() - s) / 1000);
                    }
                });
            }
            t0 = System.nanoTime();
            go.countDown();
        }
        return new Calls(firstWindowOf, twice, call, finish, errors, (System.nanoTime() - t0) / 1e9);
    }

    private JsonNode callNext(String clerk, Window w) throws IOException, InterruptedException {
        return graphql(clerk, "mutation($i: CallNextInput!) { callNext(input: $i) { ticket { id number } } }",
                Map.of("i", Map.of("tenantCode", TENANT, "windowId", w.id)));
    }

    private void finish(String clerk, String ticketId) throws IOException, InterruptedException {
        JsonNode r = graphql(clerk, "mutation($i: FinishTicketInput!) { finishTicket(input: $i) { ticket { status } } }",
                Map.of("i", Map.of("ticketId", ticketId)));
        if (r.has("errors")) throw new IllegalStateException("finishTicket: " + r.get("errors"));
    }

    // ------------------------------------------------------------------ the truth in PostgreSQL

    /** {tickets of the run, called more than once, still waiting, not finished} from case-service's database. */
    private long[] check(String hall, Instant started) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + caseDb, "postgres", "");
             PreparedStatement s = c.prepareStatement("""
                     select count(*), count(*) filter (where calls > 1), count(*) filter (where status = 'WAITING'),
                            count(*) filter (where status <> 'FINISHED')
                     from queue_ticket where hall_id = ?::uuid and category = ? and day = ? and called_at >= ?""")) {
            s.setString(1, hall);
            s.setString(2, CATEGORY);
            s.setObject(3, LocalDate.now(HALLS));
            s.setTimestamp(4, java.sql.Timestamp.from(started));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long waiting;
                try (PreparedStatement w = c.prepareStatement(
                        "select count(*) from queue_ticket where hall_id = ?::uuid and category = ? and day = ? and status = 'WAITING'")) {
                    w.setString(1, hall);
                    w.setString(2, CATEGORY);
                    w.setObject(3, LocalDate.now(HALLS));
                    try (ResultSet x = w.executeQuery()) {
                        x.next();
                        waiting = x.getLong(1);
                    }
                }
                return new long[] {r.getLong(1), r.getLong(2), waiting, r.getLong(4)};
            }
        }
    }

    private String figures(int windows, Latencies take, double takeSeconds, Calls c, long[] db) {
        int called = c.firstWindowOf.size();
        return "# Fifty windows calling one queue (issue 9, A5)\n\n"
                + "`./platform bench queue` (harness: `benchmarks/…/QueueCallBenchmark.java`) at " + Instant.now() + ": " + windows
                + " comprehensive windows of 连山's main hall serve one business category; " + String.format("%,d", take.count())
                + " walk-in tickets are taken through the gateway (8 kiosks at once), then every window — its own virtual thread, all"
                + " released together — calls (`callNext`), finishes (`finishTicket`) and calls again until nobody waits, all through the"
                + " gateway's GraphQL endpoint with a clerk's Keycloak token. Services with the production JVM settings ("
                + env("BENCH_JVM_DESC", "see platform") + "); 2 cores shared by everything; load average (1 min) at the end "
                + CaseLifecycleBenchmark.loadAverage() + ".\n\n"
                + "| figure | value |\n|---|---|\n"
                + "| windows calling at once | " + windows + " |\n"
                + String.format("| tickets taken | %,d in %.1f s (%.0f/s), p50 / p99 %.1f / %.1f ms |%n", take.count(), takeSeconds,
                        take.count() / takeSeconds, take.percentileMillis(50), take.percentileMillis(99))
                + String.format("| tickets called (answers) | %,d in %.1f s: **%.0f calls/s** (each followed by its finish) |%n", called, c.seconds,
                        called / c.seconds)
                + String.format("| callNext p50 / p99 | %.1f / %.1f ms (%,d calls incl. the last empty one per window) |%n",
                        c.call.percentileMillis(50), c.call.percentileMillis(99), c.call.count())
                + String.format("| finishTicket p50 / p99 | %.1f / %.1f ms |%n", c.finish.percentileMillis(50), c.finish.percentileMillis(99))
                + "| errors | " + c.errors.get() + " |\n"
                + "| **tickets given to two windows** (answers; goal 0) | **" + c.twice.size() + "**" + (c.twice.isEmpty() ? "" : " " + c.twice.subList(0, Math.min(5, c.twice.size()))) + " |\n"
                + "| **tickets called more than once** (PostgreSQL; goal 0) | **" + db[1] + "** of " + db[0] + " called in the run |\n"
                + "| tickets left waiting (PostgreSQL; goal 0) | " + db[2] + " |\n"
                + "| called tickets not finished (PostgreSQL) | " + db[3] + " |\n\n"
                + "How two windows never get one ticket: `callNext` picks the first waiting ticket with `for update skip locked` and"
                + " changes it from WAITING to CALLED in the same statement (`Tickets.callNext`, ADR 0017); a window that finds the"
                + " row taken skips to the next one instead of waiting. The same property is proven on every test run by"
                + " `QueueTest.twoWindowsNeverCallOneTicket_A5`.\n\n" + Reports.KEPT + "\n";
    }

    // ------------------------------------------------------------------ plumbing

    private JsonNode graphql(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + "/graphql")).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
