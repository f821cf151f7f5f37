package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./platform chaos} (issue 13, scripts/chaos.sh): a steady load of citizen and staff operations through the
 * gateway while the script kills and restarts one part after the other. The script announces each fault in a file
 * ({@code <epoch ms> <part> down|up}, and {@code stop} at the end); this harness attributes every request to the
 * fault that was last announced, and afterwards checks the databases for what was acknowledged and then lost and
 * for events not handled once by each consumer group.
 *
 * <p>The operations, each on its own virtual thread at a fixed pace (well under the per-caller limits):
 * {@code submitCase} (citizen), {@code updateHall} (the centre administrator — each change is a {@code hall.changed}
 * event that case-service's hall read model and search-service's hall index consume), {@code searchGuides}
 * (citizen, Elasticsearch behind it) and a new sign-in (Keycloak's token endpoint).
 */
final class ChaosBenchmark {

    private static final String TENANT = "441825";
    private static final List<String> OPS = List.of("submitCase", "updateHall", "searchGuides", "signIn");

    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:8080");
    private final String keycloak = env("BENCH_KEYCLOAK", "http://127.0.0.1:8180");
    private final Path phases = Path.of(env("CHAOS_PHASE_FILE", "/var/lib/zwy/run/chaos-phases"));
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/chaos.md"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final DemoTokens tokens = new DemoTokens(keycloak);
    private final Instant started = Instant.now();

    /** One request's outcome: when, which operation, under which announced fault, and the error code if it failed. */
    private record Outcome(long at, String op, String phase, String error) {}

    /** What the script announced: a part going down or coming back, at a time. */
    private record Announcement(long at, String part, String event) {}

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> acknowledgedCases = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> acknowledgedHallVersions = Collections.synchronizedList(new ArrayList<>());
    private volatile List<Announcement> announced = List.of();

    public static void main(String[] args) throws Exception {
        new ChaosBenchmark().run();
    }

    private void run() throws Exception {
        String item = promisedItem();
        List<String> materials = materials(item);
        AtomicBoolean stop = new AtomicBoolean();
        System.out.printf("chaos: load through %s; faults announced in %s%n", gateway, phases);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> loop(stop, 500, "submitCase", () -> submit(item, materials)));
            pool.submit(() -> loop(stop, 1000, "updateHall", this::updateHall));
            pool.submit(() -> loop(stop, 500, "searchGuides", this::search));
            pool.submit(() -> loop(stop, 5000, "signIn", () -> signIn("citizen", "citizen.li")));
            long lastPrint = 0;
            while (!stop.get()) {
                Thread.sleep(200);
                readAnnouncements();
                if (!announced.isEmpty() && announced.getLast().event.equals("stop")) stop.set(true);
                if (System.currentTimeMillis() - lastPrint > 5000) {
                    lastPrint = System.currentTimeMillis();
                    printProgress();
                }
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
        Verification v = verify();
        String md = render(v);
        System.out.println(md);
        Reports.write(report, md);
    }

    // ------------------------------------------------------------------ the load

    private interface Op { void call() throws Exception; }

    private void loop(AtomicBoolean stop, long everyMillis, String name, Op op) {
        while (!stop.get()) {
            long t0 = System.currentTimeMillis();
            String error = null;
            try {
                op.call();
            } catch (Failure f) {
                error = f.code;
            } catch (Exception e) {
                error = e.getClass().getSimpleName();
            }
            outcomes.add(new Outcome(t0, name, currentPhase(t0), error));
            long rest = everyMillis - (System.currentTimeMillis() - t0);
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** A failed request: the GraphQL error code, or the HTTP status, or what broke the connection. */
    private static final class Failure extends RuntimeException {
        final String code;

        Failure(String code, String detail) {
            super(code + ": " + detail, null, false, false);
            this.code = code;
        }
    }

    private void submit(String item, List<String> materials) {
        JsonNode data = graphql(token("citizen", "citizen.zhang"),
                "mutation($i: SubmitCaseInput!) { submitCase(input: $i) { receipt { caseId } } }",
                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "itemId", item,
                        "applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X"),
                        "contact", Map.of("name", "张三", "phone", "13800138000"),
                        "materials", materials.stream().map(m -> Map.of("name", m)).toList())));
        acknowledgedCases.add(data.at("/submitCase/receipt/caseId").asString());
    }

    private void updateHall() {
        String phone = "0763-66" + (10000 + ThreadLocalRandom.current().nextInt(90000));
        JsonNode data = graphql(token("staff", "lianshan.admin"),
                "mutation($i: UpdateHallInput!) { updateHall(input: $i) { hall { version } } }",
                Map.of("i", Map.of("tenantCode", TENANT, "phone", phone)));
        acknowledgedHallVersions.add(data.at("/updateHall/hall/version").asLong());
    }

    private void search() {
        graphql(token("citizen", "citizen.zhang"), "query($t: String!) { searchGuides(text: $t, regionCode: \"441825\") { totalCount } }",
                Map.of("t", "身份证"));
    }

    private JsonNode graphql(String bearer, String query, Map<String, Object> variables) {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/graphql")).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", "");
        }
        JsonNode body;
        try {
            body = Http.JSON.readTree(r.body());
        } catch (RuntimeException e) {
            throw new Failure("HTTP " + r.statusCode(), r.body());
        }
        JsonNode errors = body.get("errors");
        if (errors != null && !errors.isEmpty()) {
            String code = errors.get(0).at("/extensions/code").asString("");
            throw new Failure(code.isEmpty() ? "HTTP " + r.statusCode() : code, errors.get(0).path("message").asString(""));
        }
        if (r.statusCode() != 200) throw new Failure("HTTP " + r.statusCode(), r.body());
        return body.get("data");
    }

    private String token(String realm, String username) {
        try {
            return tokens.of(realm, username);
        } catch (DemoTokens.Unavailable e) {
            throw new Failure("token " + e.code, e.getMessage());
        }
    }

    private void signIn(String realm, String username) {
        try {
            tokens.signIn(realm, username);
        } catch (DemoTokens.Unavailable e) {
            throw new Failure("token " + e.code, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ the announcements

    private void readAnnouncements() {
        try {
            if (!Files.exists(phases)) return;
            List<Announcement> list = new ArrayList<>();
            for (String line : Files.readAllLines(phases)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 1 && f[0].equals("stop")) list.add(new Announcement(System.currentTimeMillis(), "", "stop"));
                else if (f.length == 3) list.add(new Announcement(Long.parseLong(f[0]), f[1], f[2]));
            }
            announced = List.copyOf(list);
        } catch (IOException | NumberFormatException e) {
            // a line being written: read again in a moment
        }
    }

    /** The part last announced down at {@code t} (and until the next one goes down), or "steady" before any. */
    private String currentPhase(long t) {
        String phase = "steady";
        for (Announcement a : announced) if (a.event.equals("down") && a.at <= t) phase = a.part;
        return phase;
    }

    private void printProgress() {
        List<Outcome> copy;
        synchronized (outcomes) {
            copy = new ArrayList<>(outcomes);
        }
        long since = System.currentTimeMillis() - 5000;
        Map<String, int[]> recent = new TreeMap<>();
        for (Outcome o : copy) {
            if (o.at < since) continue;
            int[] c = recent.computeIfAbsent(o.op, k -> new int[2]);
            c[o.error == null ? 0 : 1]++;
        }
        StringBuilder line = new StringBuilder(String.format("chaos %4ds [%s]", Duration.between(started, Instant.now()).toSeconds(),
                currentPhase(System.currentTimeMillis())));
        recent.forEach((op, c) -> line.append(String.format("  %s %d ok/%d failed", op, c[0], c[1])));
        System.out.println(line);
    }

    // ------------------------------------------------------------------ what was lost

    private record Verification(int casesAcknowledged, int casesLost, int caseEventsUnpublished, int hallChanges,
                                Map<String, Integer> hallEventsNotHandled, long lastAcknowledgedHallVersion,
                                long bookingReadModelVersion, Duration settled) {}

    /**
     * Waits (up to 2 minutes) for the event path to catch up, then counts: acknowledged cases missing from the
     * database; their events still only in the outbox; hall changes whose event a consumer group did not handle
     * (handled twice cannot happen in effect: each group records an event id once, with its effect, in one
     * transaction — the count of records per event is checked anyway); the hall read model's version.
     */
    private Verification verify() throws Exception {
        Instant t0 = Instant.now();
        Verification v;
        do {
            v = check();
            if (v.caseEventsUnpublished == 0 && v.hallEventsNotHandled.values().stream().allMatch(n -> n == 0)
                    && v.bookingReadModelVersion >= v.lastAcknowledgedHallVersion) break;
            Thread.sleep(2000);
        } while (Duration.between(t0, Instant.now()).toSeconds() < 120);
        return new Verification(v.casesAcknowledged, v.casesLost, v.caseEventsUnpublished, v.hallChanges, v.hallEventsNotHandled,
                v.lastAcknowledgedHallVersion, v.bookingReadModelVersion, Duration.between(t0, Instant.now()));
    }

    private Verification check() throws SQLException {
        List<String> cases;
        List<Long> versions;
        synchronized (acknowledgedCases) {
            cases = new ArrayList<>(acknowledgedCases);
        }
        synchronized (acknowledgedHallVersions) {
            versions = new ArrayList<>(acknowledgedHallVersions);
        }
        long lastVersion = versions.stream().mapToLong(Long::longValue).max().orElse(0);
        int found;
        int unpublished;
        long bookingVersion;
        try (Connection c = db(env("BENCH_CASE_DB", "zwy_case"))) {
            found = count(c, "select count(*) from case_file where tenant_id || ':' || id::text = any (?)", cases);
            unpublished = count(c, "select count(*) from outbox_event where aggregate_id = any (?) and published_at is null", cases);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select coalesce(max(version), 0) from booking_hall where tenant_id = '" + TENANT + "'")) {
                rs.next();
                bookingVersion = rs.getLong(1);
            }
        }
        // the hall.changed events of this run, from tenant-service's outbox
        List<String> hallEvents = new ArrayList<>();
        try (Connection c = db(env("BENCH_TENANT_DB", "zwy_tenant"));
             PreparedStatement st = c.prepareStatement(
                     "select id::text from outbox_event where event_type = 'hall.changed' and tenant_id = ? and occurred_at >= ?")) {
            st.setString(1, TENANT);
            st.setTimestamp(2, Timestamp.from(started));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) hallEvents.add(rs.getString(1));
            }
        }
        Map<String, Integer> notHandled = new LinkedHashMap<>();
        notHandled.put("case-booking-halls", notHandled(env("BENCH_CASE_DB", "zwy_case"), "case-booking-halls", hallEvents));
        notHandled.put("search-indexer", notHandled(env("BENCH_SEARCH_DB", "zwy_search"), "search-indexer", hallEvents));
        return new Verification(cases.size(), cases.size() - found, unpublished, hallEvents.size(), notHandled, lastVersion,
                bookingVersion, Duration.ZERO);
    }

    private int notHandled(String db, String group, List<String> events) throws SQLException {
        try (Connection c = db(db)) {
            int handled = count(c, "select count(distinct event_id) from processed_event where consumer_group = '" + group
                    + "' and event_id::text = any (?)", events);
            return events.size() - handled;
        }
    }

    private static int count(Connection c, String sql, List<String> ids) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", ids.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A database of the running platform as its owner, bound to 连山 for the tables under row-level security. */
    private Connection db(String name) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + env("ZWY_PG_PORT", "5432") + "/" + name,
                env("BENCH_DB_USER", "zwy_owner"), env("BENCH_DB_PASSWORD", "zwy_owner_demo"));
        try (Statement st = c.createStatement()) {
            st.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
        }
        return c;
    }

    private String promisedItem() throws Exception {
        Instant until = Instant.now().plusSeconds(120);
        while (true) {
            try (Connection c = db(env("BENCH_CASE_DB", "zwy_case")); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         select item_id from guide_version_model where tenant_id = '441825' and status = 'PUBLISHED'
                           and case_class = 'PROMISED' and effective_from <= current_date order by item_id limit 1""")) {
                if (rs.next()) return rs.getString(1);
            }
            if (Instant.now().isAfter(until)) throw new IllegalStateException("case-service has no published guide of " + TENANT);
            Thread.sleep(2000);
        }
    }

    private List<String> materials(String item) throws Exception {
        try (Connection c = db(env("BENCH_CASE_DB", "zwy_case"));
             PreparedStatement st = c.prepareStatement("""
                     select materials from guide_version_model where tenant_id = '441825' and status = 'PUBLISHED' and item_id = ?
                       and effective_from <= current_date order by effective_from desc limit 1""")) {
            st.setString(1, item);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                List<String> names = new ArrayList<>();
                for (JsonNode m : Http.JSON.readTree(rs.getString(1))) names.add(m.get("name").asString());
                return names;
            }
        }
    }

    // ------------------------------------------------------------------ the report

    private record PhaseFigures(String part, Map<String, int[]> perOp, Map<String, Map<String, Integer>> errors, long downMillis,
                                Long recoveredMillis) {}

    private String render(Verification v) {
        List<Outcome> all = new ArrayList<>(outcomes);
        List<String> parts = new ArrayList<>();
        parts.add("steady");
        for (Announcement a : announced) if (a.event.equals("down") && !parts.contains(a.part)) parts.add(a.part);
        StringBuilder md = new StringBuilder();
        md.append("# Chaos: one part after the other killed under a steady load (issue 13)\n\n");
        md.append("Produced by `./platform chaos` (scripts/chaos.sh, harness `benchmarks/…/ChaosBenchmark.java`) on ")
                .append(Instant.now()).append(" against `./platform up --replicas 2` (two of every service behind nginx; ")
                .append("PostgreSQL, Redis, Elasticsearch and Keycloak once each — as on one machine they can only be). ")
                .append("Load through the public GraphQL endpoint with real tokens: `submitCase` every 0.5 s (citizen), ")
                .append("`updateHall` every 1 s (centre administrator; each a `hall.changed` event for two consumer groups), ")
                .append("`searchGuides` every 0.5 s, a new sign-in every 5 s. Each request counts under the part last taken ")
                .append("down before it was sent, until the next part goes down (so the time after the restart is included). ")
                .append("*Recovered* is the time from the part's restart command to the last failed request of its phase ")
                .append("(0 when nothing failed after the restart).\n\n");
        md.append("| part killed | how | down for | ");
        for (String op : OPS) md.append(op).append(" ok / failed | ");
        md.append("errors seen | recovered after restart |\n|---|---|---|");
        for (int i = 0; i < OPS.size(); i++) md.append("---|");
        md.append("---|---|\n");
        for (String part : parts) {
            Announcement down = null;
            Announcement up = null;
            for (Announcement a : announced) {
                if (a.part.equals(part) && a.event.equals("down")) down = a;
                if (a.part.equals(part) && a.event.equals("up")) up = a;
            }
            Map<String, int[]> perOp = new LinkedHashMap<>();
            Map<String, Integer> errors = new TreeMap<>();
            long lastFailure = 0;
            for (String op : OPS) perOp.put(op, new int[2]);
            for (Outcome o : all) {
                if (!o.phase.equals(part)) continue;
                perOp.get(o.op)[o.error == null ? 0 : 1]++;
                if (o.error != null) {
                    errors.merge(o.op + ": " + o.error, 1, Integer::sum);
                    lastFailure = Math.max(lastFailure, o.at);
                }
            }
            md.append("| ").append(part).append(" | ").append(how(part)).append(" | ")
                    .append(down != null && up != null ? String.format("%.1f s", (up.at - down.at) / 1000.0) : "—").append(" | ");
            for (String op : OPS) md.append(perOp.get(op)[0]).append(" / ").append(perOp.get(op)[1]).append(" | ");
            md.append(errors.isEmpty() ? "—" : String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).toList()))
                    .append(" | ");
            md.append(up == null ? "—" : lastFailure <= up.at ? "0 s" : String.format("%.1f s", (lastFailure - up.at) / 1000.0)).append(" |\n");
        }
        md.append("\n**Nothing lost** (checked in the databases after the run, once the event path had caught up — it took ")
                .append(v.settled.toSeconds()).append(" s):\n\n");
        md.append("- cases acknowledged to the citizen: ").append(v.casesAcknowledged).append("; missing from case-service's database: **")
                .append(v.casesLost).append("**; their events still only in the outbox: **").append(v.caseEventsUnpublished).append("**\n");
        md.append("- hall changes acknowledged: ").append(v.hallChanges).append(" `hall.changed` events; not handled by a consumer group: ");
        v.hallEventsNotHandled.forEach((g, n) -> md.append("`").append(g).append("` **").append(n).append("** "));
        md.append("(handled twice cannot happen in effect: a group records an event id once, in the transaction of its effect); ")
                .append("case-service's hall read model at version ").append(v.bookingReadModelVersion)
                .append(", the last acknowledged ").append(v.lastAcknowledgedHallVersion).append('\n');
        return md.toString();
    }

    private static String how(String part) {
        return switch (part) {
            case "steady" -> "nothing (baseline)";
            case "case-service" -> "SIGKILL replica 1, restarted";
            case "gateway" -> "SIGKILL replica 1, restarted";
            case "elasticsearch", "redis", "keycloak" -> "stopped, started";
            case "postgresql" -> "whole cluster stopped (fast), started";
            default -> "";
        };
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
