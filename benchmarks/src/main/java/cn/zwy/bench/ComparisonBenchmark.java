package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./platform bench comparison} (ADR 0024): the supervision dashboards (M2) over the synthetic province case-service
 * loaded into its comparison read model at start-up (its bulk load goes through the same rollup code as every event):
 * each dashboard query {@code BENCH_ROUNDS} times through the gateway with 广东's administrator's token (p50 / p95 /
 * max), then the freshness of the figures: a case submitted and accepted at 连山 through the gateway, and the time until
 * the province's administrator sees it in the comparison ({@code BENCH_FRESH} times). Figures printed and written
 * above the kept marker of docs/benchmarks/comparison.md.
 */
public final class ComparisonBenchmark {

    private static final ZoneId HALLS = ZoneId.of("Asia/Shanghai");
    private static final String FIGURES = "accepted completed completedOnTime onTimeRate overdue overdueApplicantCaused visits reviews goodReviews "
            + "badReviews unrated goodRate unratedRate complaints complaintsAccepted complaintsClosed complaintsVerified complaintsSatisfied";
    private static final String COMPARISON = "scope level period from to rankedBy units { rank key name figures { " + FIGURES + " } } total { "
            + FIGURES + " } trend { period figures { accepted onTimeRate overdue goodRate } }";
    private static final String COUNTIES = "query($r: String!, $p: String, $k: ComparisonIndicator) { countyComparison(regionPrefix: $r, period: $p, rankBy: $k) { "
            + COMPARISON + " } }";
    private static final String DRILL = "query($t: ID!, $p: String, $h: String, $w: String) { comparisonDrillDown(tenantCode: $t, period: $p, hallKey: $h, windowKey: $w) { "
            + COMPARISON + " } }";

    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:29580");
    private final String keycloak = env("BENCH_KEYCLOAK", "http://127.0.0.1:8180");
    private final String caseDb = env("BENCH_CASE_DB", "zwy_cmpbench_case");
    private final int rounds = Integer.parseInt(env("BENCH_ROUNDS", "30"));
    private final int fresh = Integer.parseInt(env("BENCH_FRESH", "5"));
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/comparison.md"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Measured(String name, Latencies latencies, String note) {}

    public static void main(String[] args) throws Exception {
        new ComparisonBenchmark().run();
    }

    private void run() throws Exception {
        String admin = token("staff", "gd.admin");
        LocalDate today = LocalDate.now(HALLS);
        String month = YearMonth.from(today).toString();
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        String year = String.valueOf(today.getYear());
        Map<String, Long> rows = readModel();
        System.out.printf("read model: %,d cases (accepted) in %,d unit-month rows and %,d tenant-month rows%n", rows.get("accepted"), rows.get("units"),
                rows.get("tenants"));

        JsonNode yearly = graphql(admin, COUNTIES, vars("r", "44", "p", year)).get("countyComparison");
        String county = yearly.at("/units/0/key").asString();
        JsonNode halls = graphql(admin, DRILL, vars("t", county, "p", year)).get("comparisonDrillDown");
        String hall = halls.at("/units/0/key").asString();
        JsonNode windows = graphql(admin, DRILL, vars("t", county, "p", year, "h", hall)).get("comparisonDrillDown");
        String window = windows.at("/units/0/key").asString();

        List<Measured> measured = new ArrayList<>();
        measured.add(measure("countyComparison 44, month " + month, admin, COUNTIES, vars("r", "44", "p", month), yearly.get("units").size() + " counties"));
        measured.add(measure("countyComparison 44, quarter " + quarter, admin, COUNTIES, vars("r", "44", "p", quarter), ""));
        measured.add(measure("countyComparison 44, year " + year, admin, COUNTIES, vars("r", "44", "p", year), "trend: 5 years"));
        measured.add(measure("countyComparison 44, year, rankBy ON_TIME_RATE", admin, COUNTIES, vars("r", "44", "p", year, "k", "ON_TIME_RATE"), ""));
        measured.add(measure("countyComparison 4401 (a city), year", admin, COUNTIES, vars("r", "4401", "p", year), ""));
        measured.add(measure("drill-down " + county + " → halls, year", admin, DRILL, vars("t", county, "p", year), halls.get("units").size() + " halls"));
        measured.add(measure("drill-down hall → windows, year", admin, DRILL, vars("t", county, "p", year, "h", hall), windows.get("units").size() + " windows"));
        measured.add(measure("drill-down window → staff, year", admin, DRILL, vars("t", county, "p", year, "h", hall, "w", window), ""));
        measured.add(measureExport("export county-comparison.xlsx 44, year", admin, "/exports/county-comparison.xlsx?regionPrefix=44&period=" + year));
        for (Measured m : measured) System.out.printf("  %-50s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %s%n", m.name, m.latencies.percentileMillis(50),
                m.latencies.percentileMillis(95), m.latencies.percentileMillis(100), m.note);

        List<Long> freshness = new ArrayList<>();
        for (int i = 0; i < fresh; i++) freshness.add(freshEvent(admin, month));
        System.out.println("  fresh event (acceptCase at 连山 → in 44's comparison), ms: " + freshness);
        write(rows, measured, freshness, county);
    }

    private Measured measure(String name, String token, String query, Map<String, Object> variables, String note) {
        for (int i = 0; i < 3; i++) graphql(token, query, variables);
        Latencies l = new Latencies();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            graphql(token, query, variables);
            l.add((System.nanoTime() - t0) / 1000);
        }
        return new Measured(name, l, note);
    }

    private Measured measureExport(String name, String token, String path) throws Exception {
        Latencies l = new Latencies();
        long bytes = 0;
        for (int i = 0; i < rounds + 3; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(name + ": " + r.statusCode() + " " + new String(r.body()));
            bytes = r.body().length;
            if (i >= 3) l.add((System.nanoTime() - t0) / 1000);
        }
        return new Measured(name, l, bytes + " bytes");
    }

    /** A case of 连山 submitted and accepted through the gateway; ms until 44's administrator sees it in the figures. */
    private long freshEvent(String admin, String month) throws Exception {
        Map<String, Object> item = item();
        int before = accepted(admin, month);
        JsonNode receipt = graphql(token("citizen", "citizen.zhang"),
                "mutation($i: SubmitCaseInput!) { submitCase(input: $i) { receipt { caseId } } }",
                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "itemId", item.get("id"),
                        "applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X"),
                        "contact", Map.of("name", "张三", "phone", "13800138000"), "materials", item.get("materials"))));
        String caseId = receipt.at("/submitCase/receipt/caseId").asString();
        long t0 = System.nanoTime();
        graphql(token("staff", "lianshan.clerk"), "mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { status } } }",
                Map.of("i", Map.of("caseId", caseId, "version", 0, "window", "综合受理窗口 3 号")));
        while (System.nanoTime() - t0 < 30_000_000_000L) {
            if (accepted(admin, month) > before) return (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(50);
        }
        return -1;
    }

    private int accepted(String admin, String month) {
        JsonNode c = graphql(admin, "query($r: String!, $p: String) { countyComparison(regionPrefix: $r, period: $p) { units { key figures { accepted } } } }",
                vars("r", "44", "p", month)).get("countyComparison");
        for (JsonNode u : c.get("units")) if (u.get("key").asString().equals("441825")) return u.at("/figures/accepted").asInt();
        return 0;
    }

    /** A published promised item of 连山 with its materials, once case-service's read model has it (within 3 minutes). */
    private Map<String, Object> item() throws Exception {
        Instant until = Instant.now().plusSeconds(180);
        while (true) {
            try (Connection c = db(); Statement st = c.createStatement()) {
                st.execute("select set_config('app.tenant_id', '441825', false)");
                try (ResultSet rs = st.executeQuery("""
                        select item_id, materials from guide_version_model where tenant_id = '441825' and status = 'PUBLISHED'
                          and case_class = 'PROMISED' and effective_from <= current_date order by item_id limit 1""")) {
                    if (rs.next()) {
                        List<Map<String, Object>> materials = new ArrayList<>();
                        for (JsonNode m : Http.JSON.readTree(rs.getString(2))) materials.add(Map.of("name", m.get("name").asString()));
                        return Map.of("id", rs.getString(1), "materials", materials);
                    }
                }
            }
            if (Instant.now().isAfter(until)) throw new IllegalStateException("no published item of 441825 in case-service (event path?)");
            Thread.sleep(2000);
        }
    }

    private Map<String, Long> readModel() throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("select set_config('app.tenant_id', '44', false)");
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("select count(*), coalesce(sum(accepted), 0) from comparison_tenant_month")) {
                rs.next();
                out.put("tenants", rs.getLong(1));
                out.put("accepted", rs.getLong(2));
            }
            try (ResultSet rs = st.executeQuery("select count(*) from comparison_unit_month")) {
                rs.next();
                out.put("units", rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("select pg_total_relation_size('comparison_unit_month'), pg_total_relation_size('comparison_tenant_month')")) {
                rs.next();
                out.put("unitBytes", rs.getLong(1));
                out.put("tenantBytes", rs.getLong(2));
            }
            return out;
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + caseDb, env("BENCH_DB_USER", "zwy_owner"),
                env("BENCH_DB_PASSWORD", "zwy_owner_demo"));
    }

    private JsonNode graphql(String token, String query, Map<String, Object> variables) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Http.JSON.readTree(r.body());
            if (r.statusCode() != 200 || body.has("errors")) throw new IllegalStateException(r.statusCode() + " " + r.body());
            return body.get("data");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private final DemoTokens tokens = new DemoTokens(keycloak);

    private String token(String realm, String username) {
        return tokens.of(realm, username);
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private void write(Map<String, Long> rows, List<Measured> measured, List<Long> freshness, String county) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison benchmark (issue #11, M2)\n\n");
        md.append("Produced by `./platform bench comparison` (script `scripts/bench-comparison.sh`, harness `benchmarks/…/ComparisonBenchmark.java`) on ")
                .append(Instant.now()).append(". Its own instance of the four services (ports 29580–29583, databases `zwy_cmpbench_*`), ")
                .append("started with `").append(env("BENCH_JVM_DESC", "?")).append("`, on this one 2-core box shared with PostgreSQL, Redis, ")
                .append("Keycloak, Elasticsearch, the harness and other work (load average at the end: ").append(CaseLifecycleBenchmark.loadAverage()).append(").\n\n");
        md.append(String.format("**Read model:** %,d synthetic cases across the counties of province 44 over the past 365 days, ", rows.get("accepted")))
                .append(env("BENCH_LOAD_LINE", "")).append(String.format("; %,d unit-month rows (%,d MB with indexes), %,d tenant-month rows (%,d MB).%n%n",
                        rows.get("units"), rows.get("unitBytes") / 1_000_000, rows.get("tenants"), rows.get("tenantBytes") / 1_000_000));
        md.append("**Dashboard queries** through the gateway's GraphQL endpoint with 广东's administrator's token (gd.admin), ")
                .append(rounds).append(" rounds each after 3 warm-up calls, one at a time; every query selects all 18 figures of every unit, ")
                .append("the totals and the trend. Drill-down into ").append(county).append(".\n\n");
        md.append("| query | p50 | p95 | max | |\n|---|---|---|---|---|\n");
        for (Measured m : measured) {
            md.append(String.format("| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n", m.name, m.latencies.percentileMillis(50), m.latencies.percentileMillis(95),
                    m.latencies.percentileMillis(100), m.note));
        }
        md.append("\n**Freshness:** a case submitted and accepted at 连山 through the gateway (`acceptCase`), then 44's comparison polled every 50 ms ")
                .append("until its figure moved: ").append(freshness).append(" ms (outbox → relay → Redis stream → comparison consumer → rollup).\n");
        Reports.write(report, md.toString());
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
