package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Issue #8's lifecycle benchmark: full case lifecycles (submit → accept → complete → deliver) through
 * the gateway's GraphQL endpoint with real Keycloak tokens (a citizen submits, a clerk accepts and
 * delivers, an approver decides), with the case database holding 1,000,000 and then 10,000,000 cases
 * ({@code BENCH_CASES}). The cases already there are seeded straight into case-service's database as ten
 * years of a province's counties' finished work (1 % still open), with four action records each, so the
 * tables and indexes the lifecycle touches have their full size. Prints lifecycles/s and p50/p99 per step and writes
 * {@code docs/benchmarks/cases.md}. Runs against {@code ./platform bench cases} (its own databases).
 */
public final class CaseLifecycleBenchmark {

    private static final String TENANT = "441825";
    /** Text after this line of the report is kept when the benchmark rewrites the figures above it. */
    private static final List<String> STEPS = List.of("submitCase", "acceptCase", "completeCase", "deliverCase");

    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:28080");
    private final String keycloak = env("BENCH_KEYCLOAK", "http://127.0.0.1:8180");
    private final String caseDb = env("BENCH_CASE_DB", "zwy_bench_case");
    private final int workers = Integer.parseInt(env("BENCH_WORKERS", "8"));
    private final int seconds = Integer.parseInt(env("BENCH_SECONDS", "60"));
    /** The longest warm-up, in blocks of BENCH_WARMUP_BLOCK_SECONDS until two blocks apart are within BENCH_STEADY_PCT */
    private final int warmupSeconds = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "300"));
    /** At least this long: a fresh JVM's rate can stall for half a minute on its way up (8, 16, 23, 25, 23, … 40/s) */
    private final int warmupMinSeconds = Integer.parseInt(env("BENCH_WARMUP_MIN_SECONDS", "120"));
    private final int warmupBlockSeconds = Integer.parseInt(env("BENCH_WARMUP_BLOCK_SECONDS", "15"));
    private final int steadyPercent = Integer.parseInt(env("BENCH_STEADY_PCT", "8"));
    private String warmupTrail = "";
    /** BENCH_VACUUM=0: no vacuum after seeding and no autovacuum's work during the load (the box's own state). */
    private final boolean maintained = !env("BENCH_VACUUM", "1").equals("0");
    private final List<Integer> sizes = parseSizes(env("BENCH_CASES", "1000000,10000000"));
    private final int tenants = Integer.parseInt(env("BENCH_SEED_TENANTS", "120"));
    private final int seedMinutes = Integer.parseInt(env("BENCH_SEED_MINUTES", "30"));
    /** BENCH_ITEM: the item's name, so that runs on different databases (whose item ids differ) file the same item */
    private final String itemName = env("BENCH_ITEM", "");
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/cases.md"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoTokens tokens = new DemoTokens(keycloak);


    /** The figures of one database size. */
    private record Run(int casesInDatabase, Duration seeding, int lifecycles, int failed, double seconds,
                       Map<String, Latencies> steps, List<String> errors, String load) {
        double perSecond() { return lifecycles / seconds; }
    }

    public static void main(String[] args) throws Exception {
        new CaseLifecycleBenchmark().run();
    }

    private void run() throws Exception {
        Item item = item();
        System.out.printf("item %s (%s), %d workers, %d s per size after %d s warm-up%n", item.id, item.name, workers, seconds, warmupSeconds);
        List<Run> runs = new ArrayList<>();
        boolean warm = false;
        for (int size : sizes) {
            Instant t0 = Instant.now();
            int seeded = seedTo(size, item);
            Duration seeding = Duration.between(t0, Instant.now());
            System.out.printf("case database: seeded %,d cases in %s%n", seeded, seeding);
            vacuumOnce();
            try (Autovacuum ignored = autovacuum()) {
                if (!warm) {
                    warmUntilSteady(item);
                    warm = true;
                }
                Run r = measure(item, seconds);
                runs.add(new Run(count(), seeding, r.lifecycles, r.failed, r.seconds, r.steps, r.errors, r.load));
            }
            print(runs.getLast());
        }
        write(runs, item);
    }

    // ------------------------------------------------------------------ the load

    /**
     * Drives lifecycles in blocks of {@code BENCH_WARMUP_BLOCK_SECONDS} until a block's rate is within
     * {@code BENCH_STEADY_PCT} of the rate two blocks before it (at least {@code BENCH_WARMUP_MIN_SECONDS}, at most
     * {@code BENCH_WARMUP_SECONDS}): fresh JVMs need
     * minutes of load before the JIT has compiled the path (docs/benchmarks/gateway.md, 2026-12-04), and a fixed short
     * warm-up measured the compiler as much as the platform. Two blocks back, because the JIT speeds a run up by a few
     * percent per block: neighbouring blocks look alike long before the rate settles.
     */
    private void warmUntilSteady(Item item) throws InterruptedException {
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        List<Double> rates = new ArrayList<>();
        while (System.nanoTime() < until) {
            rates.add(measure(item, warmupBlockSeconds).perSecond());
            int n = rates.size();
            boolean longEnough = n * warmupBlockSeconds >= warmupMinSeconds;
            if (longEnough && Steady.within(rates, 2, steadyPercent)) break;
        }
        warmupTrail = rates.stream().map(r -> "%.1f".formatted(r)).collect(java.util.stream.Collectors.joining(", "));
        System.out.printf("warm-up: %s lifecycles/s in blocks of %d s%n", warmupTrail, warmupBlockSeconds);
    }

    /**
     * The seeded database vacuumed and analysed once, as a database that has been running is (the box's PostgreSQL has
     * autovacuum off: this machine's CI configuration). A vacuum of the whole database every minute during the load was
     * tried on 2026-12-05 and left out: its runs over all of case_file's partitions cost more than the dead rows it
     * removed (the warm-up's rate dipped to 12–14/s at each); {@link #autovacuum()} maintains only the tables past
     * autovacuum's thresholds. A failure does not stop the run.
     */
    private void vacuumOnce() {
        if (!maintained) return;
        long t0 = System.nanoTime();
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("vacuum (analyze)");
        } catch (SQLException e) {
            System.out.println("  vacuum (analyze) failed (the run goes on without it): " + e.getMessage());
            return;
        }
        System.out.printf("case database vacuumed and analysed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Autovacuum's work on the case database while the load runs (the box's PostgreSQL runs without it; see
     * {@link Autovacuum}): its first pass after the first warm-up block, when the tables the load fills have rows, then
     * every BENCH_AUTOVACUUM_NAPTIME seconds (60, autovacuum's naptime). Seeding fills only case_file and case_action;
     * messages, SMS, scheduler rows, events and review openings start empty. With the statistics of an empty table
     * PostgreSQL planned them as such for the whole run (every SMS insert checked its message by a scan of all messages,
     * 26–28 lifecycles/s at 1M cases instead of 43), and with those of the first block only, the SMS drain's update
     * and the deletion of its tasks scanned the tables they grew to (2026-12-06).
     */
    private Autovacuum autovacuum() {
        if (!maintained) return null;
        return new Autovacuum(this::db, Duration.ofSeconds(warmupBlockSeconds),
                Duration.ofSeconds(Integer.parseInt(env("BENCH_AUTOVACUUM_NAPTIME", "60"))));
    }

    private Run measure(Item item, int durationSeconds) throws InterruptedException {
        Map<String, Latencies> steps = new LinkedHashMap<>();
        for (String s : STEPS) steps.put(s, new Latencies());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            lifecycle(item, steps);
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            if (errors.size() < 5) errors.add(e.getMessage());
                        }
                    }
                });
            }
            Thread.sleep(durationSeconds * 1000L);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Run(0, Duration.ZERO, done.get(), failed.get(), elapsed, steps, errors, loadAverage());
    }

    private void lifecycle(Item item, Map<String, Latencies> steps) {
        JsonNode receipt = step(steps, "submitCase", token("citizen", "citizen.zhang"),
                "mutation($i: SubmitCaseInput!) { submitCase(input: $i) { receipt { caseId caseNumber promisedCompletionDate } } }",
                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "itemId", item.id,
                        "applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X"),
                        "contact", Map.of("name", "张三", "phone", "13800138000"),
                        "materials", item.materials.stream().map(m -> Map.of("name", m)).toList())));
        String caseId = receipt.at("/submitCase/receipt/caseId").asString();
        JsonNode accepted = step(steps, "acceptCase", token("staff", "lianshan.clerk"),
                "mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { status version clock { deadline } } } }",
                Map.of("i", Map.of("caseId", caseId, "version", 0, "window", "综合受理窗口 3 号")));
        long v = accepted.at("/acceptCase/case/version").asLong();
        JsonNode completed = step(steps, "completeCase", token("staff", "lianshan.approver"),
                "mutation($i: CompleteCaseInput!) { completeCase(input: $i) { case { status result version } } }",
                Map.of("i", Map.of("caseId", caseId, "version", v, "window", "审批窗口", "approved", true)));
        v = completed.at("/completeCase/case/version").asLong();
        step(steps, "deliverCase", token("staff", "lianshan.clerk"),
                "mutation($i: DeliverCaseInput!) { deliverCase(input: $i) { case { status version } } }",
                Map.of("i", Map.of("caseId", caseId, "version", v, "window", "统一出件窗口")));
    }

    private JsonNode step(Map<String, Latencies> steps, String name, String bearer, String query, Map<String, Object> variables) {
        long t0 = System.nanoTime();
        JsonNode body;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            body = Http.JSON.readTree(r.body());
            if (r.statusCode() != 200 || body.has("errors")) throw new IllegalStateException(name + ": " + r.statusCode() + " " + r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
        steps.get(name).add((System.nanoTime() - t0) / 1000);
        return body.get("data");
    }

    private String token(String realm, String username) {
        return tokens.of(realm, username);
    }

    // ------------------------------------------------------------------ the item and the seed

    private record Item(String id, String name, String versionId, int version, String caseClass, int limit, String unit,
                        List<String> materials) {}

    /** A published guide of 连山 with a promised limit in working days, as case-service's read model holds it. */
    private Item item() throws Exception {
        Instant until = Instant.now().plusSeconds(120);
        while (true) {
            try (Connection c = db(); Statement st = c.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
                PreparedStatement q = c.prepareStatement("""
                        select item_id, name, version_id, number, case_class, promised_value, promised_unit, materials
                        from guide_version_model where tenant_id = '441825' and status = 'PUBLISHED' and case_class = 'PROMISED'
                          and promised_unit = 'WORKING_DAY' and promised_value >= 3 and effective_from <= current_date
                          -- the lifecycle files the common filing fields only: an item asking its own required fields (G3) is not taken
                          and not exists (select 1 from jsonb_array_elements(coalesce(form_fields, '[]')::jsonb) f
                                          where (f ->> 'required')::boolean)
                          and (? = '' or name = ?)
                        order by item_id limit 1""");
                q.setString(1, itemName);
                q.setString(2, itemName);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        List<String> materials = new ArrayList<>();
                        for (JsonNode m : Http.JSON.readTree(rs.getString("materials"))) materials.add(m.get("name").asString());
                        return new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6),
                                rs.getString(7), materials);
                    }
                }
            }
            if (Instant.now().isAfter(until)) throw new IllegalStateException("case-service has no published guide of " + TENANT + " (event path?)");
            Thread.sleep(2000);
        }
    }

    /**
     * Every case in the database, whatever its tenant. case_file forces row-level security on its owner too, so
     * the count runs in a transaction that lifts that for itself and is rolled back (nothing changes for anyone).
     */
    private int count() throws SQLException {
        return counts()[0];
    }

    /** {all cases, seeded cases} */
    private int[] counts() throws SQLException {
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("alter table case_file no force row level security");
                try (ResultSet rs = st.executeQuery("select count(*), count(*) filter (where idempotency_key like 'seed-%') from case_file")) {
                    rs.next();
                    return new int[] {rs.getInt(1), rs.getInt(2)};
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** The seeded cases' tenants: 连山 (whose clerks run the lifecycles) and synthetic county codes 440001… */
    private static String tenantSql(String t) {
        return "case when " + t + " = 0 then '" + TENANT + "' else '44' || lpad(" + t + "::text, 4, '0') end";
    }

    /**
     * Adds finished cases of years 2016–2025 (case numbers {@code <tenant>-<year>-<n>}, never this year's: the
     * counter of the current year is the running service's) until the database holds {@code size}, spread round
     * robin over {@code BENCH_SEED_TENANTS} counties (120: a province), so that the 16 hash partitions of case_file
     * fill as a province's would. Set-based: one statement per table per batch of 500,000 cases.
     * <p>
     * A bulk load, as a restore or a migration does one: inside each batch's transaction the owner lifts row-level
     * security for itself, the live-update trigger is off (nobody subscribes to history) and case_action's foreign
     * key is dropped and added back NOT VALID at the end of the batch (it checks every row written afterwards; the
     * seeded rows reference their cases by construction). Everything else is back as before at every commit. Seeding stops after {@code BENCH_SEED_MINUTES} and
     * the benchmark then measures at the size reached (the report says which).
     */
    private int seedTo(int size, Item item) throws SQLException {
        int[] have = counts();
        int missing = size - have[0];
        if (missing <= 0) return 0;
        int seededBefore = have[1];
        int batch = 500_000;
        Instant until = Instant.now().plus(Duration.ofMinutes(seedMinutes));
        int seeded = 0;
        for (int from = seededBefore + 1; from <= seededBefore + missing; from += batch) {
            if (Instant.now().isAfter(until)) {
                System.out.printf("  seeding stopped after %d min (BENCH_SEED_MINUTES): measuring at the size reached%n", seedMinutes);
                break;
            }
            int to = Math.min(seededBefore + missing, from + batch - 1);
            try (Connection c = db()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("alter table case_file no force row level security");
                    st.execute("alter table case_action no force row level security");
                    st.execute("alter table citizen_case no force row level security");
                    st.execute("alter table case_file disable trigger case_file_announce");
                    st.execute("alter table case_action drop constraint case_action_case_id_fkey");
                    // ten years of each county: the k-th case of a county falls in year k % 10, spread over the year
                    st.execute("create temporary table seed on commit drop as select g, t, k, id, " + tenantSql("t") + " as tenant_id, "
                            + "timestamptz '2016-01-04 01:00:00+00' + (k % 10) * interval '365 days' + ((k / 10) % 8000) * interval '3593 seconds' as at "
                            + "from (select g, (g - 1) % " + tenants + " as t, (g - 1) / " + tenants + " as k, gen_random_uuid() as id "
                            + "from generate_series(" + from + ", " + to + ") g) x");
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into case_file (id, tenant_id, case_number, citizen_id, idempotency_key, request_hash, item_id,
                            guide_version_id, guide_version, item_name, case_class, limit_value, limit_unit, tolerated_allowed,
                            applicant_kind, applicant_name, applicant_id_sealed, applicant_id_index, applicant_id_masked, contact_name,
                            contact_phone_sealed, contact_phone_masked, delivery_mode, materials, status, result, holder,
                            first_responsible, first_responsible_tel, submitted_at, accepted_on, clock_start, deadline, delivered_at,
                            version, updated_at)
                        select id, tenant_id, tenant_id || '-' || (2016 + k % 10) || '-' || lpad((k / 10 + 1)::text, 6, '0'),
                            'seed-' || (g % 60000), 'seed-' || g, md5(g::text), ?, ?, ?, ?, ?, ?, ?, false,
                            'INDIVIDUAL', '申请人' || (g % 60000), 'v0:seeded', md5('id-' || (g % 60000)), '4418**********' || lpad((g % 10000)::text, 4, '0'),
                            '申请人' || (g % 60000), 'v0:seeded', '138****' || lpad((g % 10000)::text, 4, '0'), 'WINDOW_PICKUP', '[]',
                            case when g % 100 = 0 then 'ACCEPTED' else 'DELIVERED' end,
                            case when g % 100 = 0 then null else 'APPROVED' end,
                            case when g % 100 = 0 then '综合受理窗口 3 号' end,
                            '综合受理窗口', '0763-6612345', at, (at at time zone 'Asia/Shanghai')::date, (at at time zone 'Asia/Shanghai')::date,
                            case when g % 100 = 0 then current_date + 30 else (at at time zone 'Asia/Shanghai')::date + 7 end,
                            case when g % 100 = 0 then null else at + interval '6 days' end,
                            case when g % 100 = 0 then 1 else 3 end, at + interval '6 days'
                        from seed""")) {
                    ps.setString(1, item.id);
                    ps.setString(2, item.versionId);
                    ps.setInt(3, item.version);
                    ps.setString(4, item.name);
                    ps.setString(5, item.caseClass);
                    ps.setInt(6, item.limit);
                    ps.setString(7, item.unit);
                    ps.executeUpdate();
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("""
                            insert into case_action (tenant_id, case_id, at, actor_kind, actor_id, actor_name, window_name, action, status, note)
                            select s.tenant_id, s.id, s.at + a.after, a.kind, a.actor, a.name, a.win, a.action, a.action, a.note
                            from seed s cross join (values
                                (interval '0', 'CITIZEN', 'seed-citizen', '申请人', null, 'SUBMITTED', '提交申请', 0),
                                (interval '1 hour', 'STAFF', 'seed-clerk', '覃丽华', '综合受理窗口 3 号', 'ACCEPTED', '受理通知书', 0),
                                (interval '5 days', 'STAFF', 'seed-approver', '审批人', '审批窗口', 'COMPLETED', '准予', 1),
                                (interval '6 days', 'STAFF', 'seed-clerk', '覃丽华', '统一出件窗口', 'DELIVERED', '窗口领取', 1))
                                as a(after, kind, actor, name, win, action, note, finished)
                            where a.finished = 0 or s.g % 100 <> 0""");
                    st.executeUpdate("insert into citizen_case (case_id, citizen_id, tenant_id, submitted_at) "
                            + "select id, 'seed-' || (g % 60000), tenant_id, at from seed");
                    st.execute("alter table case_action add constraint case_action_case_id_fkey foreign key (tenant_id, case_id) "
                            + "references case_file (tenant_id, id) not valid");
                    st.execute("alter table case_file enable trigger case_file_announce");
                    st.execute("alter table case_file force row level security");
                    st.execute("alter table case_action force row level security");
                    st.execute("alter table citizen_case force row level security");
                }
                c.commit();
            }
            seeded += to - from + 1;
            System.out.printf("  seeded cases %,d–%,d (%s since the start of this size)%n", from, to, Duration.between(until.minus(Duration.ofMinutes(seedMinutes)), Instant.now()));
        }
        // case_action's foreign key stays NOT VALID over the seeded rows (they reference their cases by construction):
        // checking 40M rows in one pass would take longer on this box than the whole measurement; every row written
        // afterwards, the lifecycles' included, is checked as in production
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("analyze case_file");
            st.execute("analyze case_action");
            st.execute("analyze citizen_case");
        }
        return seeded;
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + caseDb,
                env("BENCH_DB_USER", "zwy_owner"), env("BENCH_DB_PASSWORD", "zwy_owner_demo"));
    }

    // ------------------------------------------------------------------ the report

    private void print(Run r) {
        System.out.printf("%,d cases in the database: %d lifecycles in %.1f s = %.1f lifecycles/s (%d failed; load %s)%n",
                r.casesInDatabase, r.lifecycles, r.seconds, r.perSecond(), r.failed, r.load);
        r.steps.forEach((s, l) -> System.out.printf("  %-13s %s%n", s, l.summary()));
        r.errors.forEach(e -> System.out.println("  error: " + e));
    }

    private void write(List<Run> runs, Item item) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Case lifecycle benchmark (issue #8)\n\n");
        md.append("Produced by `./platform bench cases` (harness: `benchmarks/…/CaseLifecycleBenchmark.java`) on ")
                .append(Instant.now()).append(": full lifecycles — `submitCase` (citizen token) → `acceptCase` (clerk) → ")
                .append("`completeCase` (approver) → `deliverCase` (clerk) — through the gateway's GraphQL endpoint with real ")
                .append("Keycloak tokens, ").append(workers).append(" concurrent clients on virtual threads, ").append(seconds)
                .append(" s per database size after a warm-up until the rate was steady (blocks of ").append(warmupBlockSeconds)
                .append(" s until two blocks apart were within ").append(steadyPercent).append(" %, at least ").append(warmupMinSeconds)
                .append(" s, at most ").append(warmupSeconds)
                .append(" s; lifecycles/s of the blocks: ").append(warmupTrail).append("). The item: ").append(item.name)
                .append(" (").append(item.limit).append(" working days), filed at 连山 (441825). The cases already in the database are ")
                .append("seeded straight into case-service's tables, set-based in batches of 500,000, as ten years (2016–2025) of ")
                .append(tenants).append(" counties (连山 and synthetic codes 440001…, round robin): 99 % delivered, 1 % still open, ")
                .append("four action records each (C16); case_file is partitioned by HASH (tenant_id) into 16 partitions (ADR 0027). ")
                .append(!maintained ? "" : "The case database is vacuumed and analysed after seeding, "
                        + "and while the load runs the benchmark does what autovacuum does on a production database "
                        + "(this box's PostgreSQL runs without it): every minute, from the end of the first warm-up block, the "
                        + "tables past autovacuum's default thresholds are analysed or vacuumed. ")
                .append("Everything runs on this one 2-core box (gateway, case-service, ")
                .append("tenant-service, search-service, PostgreSQL, Redis, Keycloak, Elasticsearch and the load generator), ")
                .append("services started with `").append(env("BENCH_JVM_DESC", "?")).append("` (what the helm chart gives ")
                .append("production: ≈358 MiB heap, G1, full tiered JIT). Load average of the box when each size was measured ")
                .append("is in the table: other work on the box slows everything, so compare runs only at similar load.\n\n");
        md.append("| cases in the database | seeding of this step | load avg (1 min) | lifecycles/s | failed | ");
        for (String s : STEPS) md.append(s).append(" p50 / p99 | ");
        md.append("\n|---|---|---|---|---|");
        for (int i = 0; i < STEPS.size(); i++) md.append("---|");
        md.append('\n');
        for (Run r : runs) {
            md.append(String.format("| %,d | %d min %02d s | %s | %.1f | %d | ", r.casesInDatabase, r.seeding.toMinutes(), r.seeding.toSecondsPart(),
                    r.load, r.perSecond(), r.failed));
            for (String s : STEPS) {
                Latencies l = r.steps.get(s);
                md.append(String.format("%.1f / %.1f ms | ", l.percentileMillis(50), l.percentileMillis(99)));
            }
            md.append('\n');
        }
        md.append("\nAnchor: DIGIT publishes 37 lifecycles/s on an empty database and 6.3/s at 1M cases on 8 vCPU. ")
                .append("Goal here: ≥ 200 lifecycles/s at 1M cases on 2 cores, p99 per step < 100 ms.\n");
        Reports.write(report, md.toString());
    }

    /** The box's 1-minute load average (2 cores: above 2 means work waited for a core). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<Integer> parseSizes(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split(",")) out.add(Integer.parseInt(p.trim()));
        return out;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
