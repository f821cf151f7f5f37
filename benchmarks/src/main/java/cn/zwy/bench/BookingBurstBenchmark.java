package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking burst of issue 9: {@code BENCH_CITIZENS} (5,000) citizens, each with a real Keycloak token of
 * their own, book the places of {@code BENCH_SLOTS} (100) slots of one hall through the gateway at the same
 * moment. Reports acknowledged bookings, overbooked places (must be 0) and lost acknowledgements (0), checked
 * in PostgreSQL afterwards, bookings/s and latency percentiles; beside it, in the same run, the anchor the
 * issue names: a Lua check-and-increment on the same machine's Redis (redis-benchmark). The citizens' accounts
 * get a random password for the run and are deleted afterwards.
 */
final class BookingBurstBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = "441825";
    private static final ZoneId HALLS = ZoneId.of("Asia/Shanghai");

    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:28080");
    private final String keycloak = env("BENCH_KEYCLOAK", "http://127.0.0.1:8180");
    private final String caseDb = env("BENCH_CASE_DB", "zwy_bench_case");
    private final int citizens = Integer.parseInt(env("BENCH_CITIZENS", "5000"));
    private final int slotCount = Integer.parseInt(env("BENCH_SLOTS", "100"));
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/booking.md"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    public static void main(String[] args) throws Exception {
        new BookingBurstBenchmark().run();
    }

    private record Slot(String id, Instant startsAt, int capacity) {}

    private void run() throws Exception {
        String password = randomPassword();
        String admin = adminToken();
        String prefix = "bench." + Long.toString(System.currentTimeMillis(), 36) + ".";
        long t0 = System.nanoTime();
        importCitizens(admin, prefix, password);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%,d citizen accounts made in %.1f s%n", citizens, importSeconds);
        try {
            t0 = System.nanoTime();
            List<String> tokens = signIn(prefix, password);
            double signInSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%,d citizens signed in in %.1f s%n", tokens.size(), signInSeconds);

            String item = item();
            String hall = mainHall();
            List<Slot> all = slots(hall, item, slotCount + slotCount / 2 + 24);
            // the services' code paths warmed as a running deployment's would be, by bursts of 1,000 of the same citizens on
            // other slots, on later days (one booking per person, item and day): the first books their places, the next are
            // refused as most of the measured burst is; repeated until two in a row ran within 8 % of each other (the first
            // burst after start-up ran at a quarter of a warm one: the JIT was still compiling), then the burst is measured
            List<Slot> slots = all.subList(0, slotCount);
            LocalDate lastMeasured = slots.getLast().startsAt().atZone(HALLS).toLocalDate();
            List<Slot> warmup = all.stream().filter(x -> x.startsAt().atZone(HALLS).toLocalDate().isAfter(lastMeasured))
                    .limit(slotCount / 2).toList();
            int places = slots.stream().mapToInt(Slot::capacity).sum();
            System.out.printf("item %s, hall %s: %d slots, %d places%n", item, hall, slots.size(), places);
            List<Double> warmRates = warmUp(tokens.subList(0, Math.min(tokens.size(), 1000)), warmup, item);

            Burst b = burst(tokens, slots, item);
            Check c = check(hall, slots, b.acknowledged);
            String redis = redisAnchor();
            print(b, c, places, redis);
            write(b, c, slots.size(), places, redis, importSeconds, signInSeconds, warmRates);
        } finally {
            deleteCitizens(adminToken(), prefix);
        }
    }

    // ------------------------------------------------------------------ accounts

    private String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + env("BENCH_KC_ADMIN_PASSWORD", "admin"))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("Keycloak admin token: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).get("access_token").asString();
    }

    private void importCitizens(String admin, String prefix, String password) throws Exception {
        int batch = 250;
        for (int from = 0; from < citizens; from += batch) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (int i = from; i < Math.min(citizens, from + batch); i++) {
                users.add(Map.of("username", prefix + i, "enabled", true, "emailVerified", true, "firstName", "测试",
                        "lastName", "市民" + i, "email", prefix + i + "@bench.zwy.example",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/citizen/partialImport"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("ifResourceExists", "OVERWRITE", "users", users))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("import: " + r.statusCode() + " " + r.body());
            // the master realm's admin tokens live a minute; a batch takes a good part of that
            admin = adminToken();
        }
    }

    private List<String> signIn(String prefix, String password) throws InterruptedException {
        String[] tokens = new String[citizens];
        Semaphore parallel = new Semaphore(16);
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < citizens; i++) {
                int n = i;
                pool.submit(() -> {
                    parallel.acquireUninterruptibly();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/citizen/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo-cli&username=" + prefix + n
                                        + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) tokens[n] = JSON.readTree(r.body()).get("access_token").asString();
                        else failed.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
        if (failed.get() > 0) throw new IllegalStateException(failed.get() + " citizens could not sign in");
        return List.of(tokens);
    }

    private void deleteCitizens(String admin, String prefix) {
        try {
            while (true) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/citizen/users?briefRepresentation=true&max=500&search="
                        + prefix)).header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode users = JSON.readTree(r.body());
                if (!users.isArray() || users.isEmpty()) break;
                for (JsonNode u : users) {
                    http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/citizen/users/" + u.get("id").asString()))
                            .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                }
                admin = adminToken();
            }
            System.out.println("benchmark citizens deleted");
        } catch (IOException | InterruptedException e) {
            System.out.println("could not delete all benchmark citizens (" + prefix + "*): " + e);
        }
    }

    // ------------------------------------------------------------------ what to book

    private JsonNode graphql(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + "/graphql")).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private String item() throws IOException, InterruptedException {
        JsonNode r = graphql(null, "query($t: ID!) { items(tenantCode: $t, first: 1) { edges { node { id } } } }", Map.of("t", TENANT));
        return r.at("/data/items/edges/0/node/id").asString();
    }

    private String mainHall() throws IOException, InterruptedException {
        return graphql(null, "query($t: ID!) { hall(tenantCode: $t) { id } }", Map.of("t", TENANT)).at("/data/hall/id").asString();
    }

    /** The first {@code wanted} free slots of the hall from tomorrow, latest first (waiting for case-service's read models). */
    private List<Slot> slots(String hall, String item, int wanted) throws Exception {
        LocalDate from = LocalDate.now(HALLS).plusDays(1);
        long until = System.currentTimeMillis() + 180_000;
        List<Slot> out = new ArrayList<>();
        while (out.isEmpty() && System.currentTimeMillis() < until) {
            JsonNode days = graphql(null, "query($t: ID!, $i: ID!, $f: Date!, $u: Date!) { bookableDays(tenantCode: $t, itemId: $i, from: $f, to: $u) { date } }",
                    Map.of("t", TENANT, "i", item, "f", from.toString(), "u", from.plusDays(29).toString()));
            for (JsonNode d : days.at("/data/bookableDays")) {
                JsonNode s = graphql(null, "query($t: ID!, $h: ID!, $i: ID!, $d: Date!) { slots(tenantCode: $t, hallId: $h, itemId: $i, date: $d) { id startsAt capacity remaining } }",
                        Map.of("t", TENANT, "h", hall, "i", item, "d", d.get("date").asString()));
                for (JsonNode x : s.at("/data/slots")) {
                    if (out.size() < wanted && x.get("remaining").asInt() == x.get("capacity").asInt()) {
                        out.add(new Slot(x.get("id").asString(), Instant.parse(x.get("startsAt").asString()), x.get("capacity").asInt()));
                    }
                }
                if (out.size() >= wanted) break;
            }
            if (out.isEmpty()) Thread.sleep(2000);
        }
        if (out.size() < wanted) throw new IllegalStateException("only " + out.size() + " free slots found");
        return out;
    }

    // ------------------------------------------------------------------ the burst

    private record Burst(int requests, Map<String, String> acknowledged, Map<String, Integer> refusals, int errors,
                         double seconds, Latencies latency, List<String> samples) {}

    private Burst burst(List<String> tokens, List<Slot> slots, String item) throws InterruptedException {
        String mutation = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { appointment { id status } } }";
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        Latencies latency = new Latencies();
        CountDownLatch ready = new CountDownLatch(tokens.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                Slot slot = slots.get(i % slots.size());
                pool.submit(() -> {
                    Map<String, Object> input = Map.of("idempotencyKey", UUID.randomUUID().toString(), "slotId", slot.id(), "itemId", item);
                    String body = JSON.writeValueAsString(Map.of("query", mutation, "variables", Map.of("i", input)));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/graphql")).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    ready.countDown();
                    try {
                        go.await();
                        long t = System.nanoTime();
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latency.add((System.nanoTime() - t) / 1000);
                        JsonNode j = JSON.readTree(r.body());
                        String id = j.at("/data/bookAppointment/appointment/id").asString(null);
                        if (id != null) {
                            acknowledged.put(id, slot.id());
                        } else {
                            String code = j.at("/errors/0/extensions/code").asString("HTTP " + r.statusCode());
                            refusals.merge(code, 1, Integer::sum);
                            if (!code.equals("CONFLICT") && samples.size() < 5) samples.add(r.body());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (samples.size() < 5) samples.add(e.toString());
                    }
                    return null;
                });
            }
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
        }
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        return new Burst(tokens.size(), acknowledged, refusals, errors.get(), seconds, latency, samples);
    }

    /** Warm-up bursts until two in a row ran within 8 % of each other (at least 3, at most BENCH_WARMUP_ROUNDS, 12); their rates. */
    private List<Double> warmUp(List<String> citizens, List<Slot> slots, String item) throws InterruptedException {
        int max = Math.max(3, Integer.parseInt(env("BENCH_WARMUP_ROUNDS", "12")));
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= max; round++) {
            Burst w = burst(citizens, slots, item);
            double rate = w.requests / w.seconds;
            rates.add(rate);
            System.out.printf("warm-up burst %d: %d acknowledged, %s, %.0f requests/s (p99 %.0f ms)%n", round, w.acknowledged.size(),
                    w.refusals, rate, w.latency.percentileMillis(99));
            if (round >= 3 && Steady.within(rates, 1, 8)) break;
        }
        return rates;
    }

    // ------------------------------------------------------------------ the truth in PostgreSQL

    private record Check(int booked, int overbooked, int lost) {}

    private Check check(String hall, List<Slot> slots, Map<String, String> acknowledged) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + caseDb,
                env("BENCH_DB_USER", "zwy_owner"), env("BENCH_DB_PASSWORD", "zwy_owner_demo"))) {
            // row-level security is forced on the owner too: read as the tenant
            try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
                ps.setString(1, TENANT);
                ps.execute();
            }
            Map<Instant, Integer> capacity = new HashMap<>();
            for (Slot s : slots) capacity.put(s.startsAt(), s.capacity());
            int booked = 0;
            int overbooked = 0;
            Array starts = c.createArrayOf("timestamptz", slots.stream().map(s -> java.sql.Timestamp.from(s.startsAt())).toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    select starts_at, count(*) from appointment where hall_id = ? and status = 'BOOKED' and starts_at = any(?)
                    group by starts_at""")) {
                ps.setObject(1, UUID.fromString(hall.substring(hall.indexOf(':') + 1)));
                ps.setArray(2, starts);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(2);
                        booked += n;
                        overbooked += Math.max(0, n - capacity.getOrDefault(rs.getTimestamp(1).toInstant(), 0));
                    }
                }
            }
            Set<UUID> found = new java.util.HashSet<>();
            Array ids = c.createArrayOf("uuid", acknowledged.keySet().stream().map(i -> UUID.fromString(i.substring(i.indexOf(':') + 1))).toArray());
            try (PreparedStatement ps = c.prepareStatement("select id from appointment where status = 'BOOKED' and id = any(?)")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.add(rs.getObject(1, UUID.class));
                }
            }
            return new Check(booked, overbooked, acknowledged.size() - found.size());
        }
    }

    // ------------------------------------------------------------------ the anchor: raw Redis

    private String redisAnchor() {
        String password = System.getenv("BENCH_REDIS_PASSWORD");
        if (password == null || password.isBlank()) return "not run (BENCH_REDIS_PASSWORD not set)";
        String lua = "local n = redis.call('INCR', KEYS[1]) if n > 6 then redis.call('DECR', KEYS[1]) return 0 end return 1";
        List<String> cmd = List.of("redis-benchmark", "-h", "127.0.0.1", "-p", env("BENCH_REDIS_PORT", "6379"), "--user",
                env("BENCH_REDIS_USER", "zwy-admin"), "-a", password, "-n", "200000", "-c", "50", "-r", "100", "-q",
                "EVAL", lua, "1", "zwy-bench:burst:slot:__rand_int__");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = Pattern.compile("([0-9.]+) requests per second(?:, p50=([0-9.]+) msec)?").matcher(out);
            String last = null;
            while (m.find()) last = m.group(1) + " ops/s" + (m.group(2) == null ? "" : ", p50 " + m.group(2) + " ms");
            return last == null ? "no figure: " + out.strip() : last;
        } catch (IOException | InterruptedException e) {
            return "not run: " + e;
        }
    }

    // ------------------------------------------------------------------ report

    private void print(Burst b, Check c, int places, String redis) {
        System.out.printf("burst: %,d citizens at once on %d places: %d acknowledged, refusals %s, %d errors in %.2f s = %.0f requests/s, %.0f bookings/s%n",
                b.requests, places, b.acknowledged.size(), b.refusals, b.errors, b.seconds, b.requests / b.seconds, b.acknowledged.size() / b.seconds);
        System.out.printf("  latency %s%n", b.latency.summary());
        System.out.printf("  PostgreSQL: %d booked, %d overbooked, %d acknowledgements lost%n", c.booked, c.overbooked, c.lost);
        System.out.printf("  raw Redis Lua check-and-increment: %s%n", redis);
        b.samples.forEach(s -> System.out.println("  sample: " + s));
    }

    private void write(Burst b, Check c, int slots, int places, String redis, double importSeconds, double signInSeconds,
                       List<Double> warmRates) throws IOException {
        String marker = "<!-- kept: text below this line is kept when the benchmark rewrites the file -->";
        String kept = Files.exists(report) && Files.readString(report).contains(marker)
                ? Files.readString(report).substring(Files.readString(report).indexOf(marker)) : marker + "\n";
        StringBuilder s = new StringBuilder("# Booking burst (issue 9)\n\n")
                .append(Instant.now()).append(": `./platform bench booking` — ").append(b.requests)
                .append(" citizens, each with a real Keycloak token of their own, after warm-up bursts of 1,000 of the same citizens on other slots until two in a row ran within 8 % of each other (")
                .append(warmRates.stream().map(r -> String.format("%.0f", r)).collect(java.util.stream.Collectors.joining(", ")))
                .append(" requests/s; accounts made for the run with a random password, ")
                .append(String.format("%.0f s; sign-in %.0f s", importSeconds, signInSeconds))
                .append("), book at the same moment (one request each, released together) the ").append(places).append(" places of ")
                .append(slots).append(" slots of 连山's main hall through the gateway (`bookAppointment`), services started with `")
                .append(env("BENCH_JVM_DESC", "?")).append("`; 2 cores shared by everything.\n\n")
                .append("| figure | value |\n|---|---|\n")
                .append("| requests | ").append(b.requests).append(" |\n")
                .append("| acknowledged bookings | ").append(b.acknowledged.size()).append(" |\n")
                .append("| refused | ").append(b.refusals).append(" |\n")
                .append("| errors (no answer) | ").append(b.errors).append(" |\n")
                .append("| booked in PostgreSQL afterwards | ").append(c.booked).append(" |\n")
                .append("| **overbooked** (goal 0) | **").append(c.overbooked).append("** |\n")
                .append("| **acknowledgements lost** (goal 0) | **").append(c.lost).append("** |\n")
                .append(String.format("| burst duration | %.2f s |%n", b.seconds))
                .append(String.format("| requests/s (answers of any kind) | %.0f |%n", b.requests / b.seconds))
                .append(String.format("| bookings/s (goal ≥ 2,000) | %.0f |%n", b.acknowledged.size() / b.seconds))
                .append(String.format("| latency p50 / p99 (goal p99 < 200 ms) | %.1f ms / %.1f ms |%n", b.latency.percentileMillis(50),
                        b.latency.percentileMillis(99)))
                .append("| anchor: raw Redis Lua check-and-increment, same machine, same run (redis-benchmark, 50 clients) | ")
                .append(redis).append(" |\n\n");
        Files.createDirectories(report.getParent());
        Files.writeString(report, s + kept);
        System.out.println("report: " + report);
    }

    private static String randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return "Bk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
