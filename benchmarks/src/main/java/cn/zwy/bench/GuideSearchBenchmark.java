package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's latency benchmark: a synthetic but realistic catalog of {@code BENCH_GUIDES} (100,000) guides over
 * {@code BENCH_TENANTS} (150) county tenants of six provinces, bulk-loaded into the bench instance's guides index
 * through search-service's own document code (the events go to {@code /api/guides/index/documents}, which makes
 * each document exactly as the projection does). Then citizen queries (Chinese, pinyin, initials, colloquial) from
 * random regions: {@code searchGuides} through the gateway, and the very same Elasticsearch request (as
 * search-service builds it, from {@code /api/guides/index/query}) straight to Elasticsearch, interleaved one by one in
 * the same run. Prints p50/p99 of both and writes {@code docs/benchmarks/search.md}.
 */
public final class GuideSearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 250;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = env("BENCH_GATEWAY", "http://127.0.0.1:28080");
    private final String searchService = env("BENCH_SEARCH_SERVICE", "http://127.0.0.1:28083");
    private final String elasticsearch = env("BENCH_ES", "http://127.0.0.1:9200");
    private final String index = env("BENCH_ES_INDEX", "zwy-bench-guides");
    private final int guides = Integer.parseInt(env("BENCH_GUIDES", "100000"));
    private final int tenants = Integer.parseInt(env("BENCH_TENANTS", "150"));
    private final int rounds = Integer.parseInt(env("BENCH_QUERIES", "2000"));
    private final int warmup = Integer.parseInt(env("BENCH_WARMUP", "400"));
    /**
     * Before the warm-up above, pairs run in blocks of 200 until the gateway's median of a block is within
     * BENCH_STEADY_PCT of the block's at least BENCH_STEADY_APART seconds before it, for at most BENCH_STEADY_SECONDS
     * (0: no such phase). The JVMs on the path need minutes of load before C2 has compiled their deep call paths
     * (docs/benchmarks/gateway.md, 2026-12-04): 400 searches, four seconds, measured the JIT as much as the path; and
     * two blocks in a row (4 s apart) were alike while the median still fell by a quarter (docs/benchmarks/search.md,
     * 2026-12-06). The services of a deployment run warm.
     */
    private final int steadyPct = Integer.parseInt(env("BENCH_STEADY_PCT", "5"));
    private final int steadySeconds = Integer.parseInt(env("BENCH_STEADY_SECONDS", "420"));
    private final int steadyApart = Integer.parseInt(env("BENCH_STEADY_APART", "30"));
    /** Per shape, the blocks its warm-up took (for the report). */
    private final Map<String, Integer> steadyBlocks = new LinkedHashMap<>();
    /**
     * Before the blocks above, BENCH_WARMUP_CLIENTS clients search through the gateway at once for BENCH_WARMUP_SECONDS.
     * One client drives the path at about 40 searches a second, and at that rate C2 was still compiling the gateway's
     * path after 15 minutes (about 200 compilations a minute, 7–18 % of its CPU samples during measured runs,
     * docs/benchmarks/search.md, 2026-12-06 fourth session): a method run once in ten searches reaches C2's threshold
     * only after minutes. Several clients bring the JVMs to what a deployment serving many citizens has compiled in
     * a fraction of the time; the measured pairs stay one client.
     */
    private final int warmupClients = Integer.parseInt(env("BENCH_WARMUP_CLIENTS", "4"));
    private final int warmupSeconds = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "150"));
    /** Per shape, the searches of the concurrent warm-up (for the report). */
    private final Map<String, Long> concurrentWarmup = new LinkedHashMap<>();
    /** Minutes the load may take before the measuring starts on what is loaded (0: no limit); the report says how many. */
    private final int loadMinutes = Integer.parseInt(env("BENCH_LOAD_MINUTES", "0"));
    private final Path report = Path.of(env("BENCH_REPORT", "docs/benchmarks/search.md"));
    private final Http tokens = new Http(env("BENCH_KEYCLOAK", "http://127.0.0.1:8180"));
    private final Random random = new Random(20261202);

    public static void main(String[] args) throws Exception {
        new GuideSearchBenchmark().run();
    }

    // ------------------------------------------------------------------ the synthetic catalog

    /** Item names as catalogs list them, with the department that handles them. */
    private static final String[][] ITEMS = {
            {"社会保障卡申领", "人力资源和社会保障局"}, {"社会保障卡补领", "人力资源和社会保障局"}, {"城乡居民基本养老保险参保登记", "人力资源和社会保障局"},
            {"城乡居民基本医疗保险参保登记", "医疗保障局"}, {"医疗费用手工报销", "医疗保障局"}, {"失业登记", "人力资源和社会保障局"},
            {"失业保险金申领", "人力资源和社会保障局"}, {"就业创业证申领", "人力资源和社会保障局"}, {"居民身份证换领", "公安局"},
            {"居民身份证补领", "公安局"}, {"临时居民身份证申领", "公安局"}, {"普通护照签发", "公安局出入境管理大队"},
            {"往来港澳通行证签发", "公安局出入境管理大队"}, {"户口迁移", "公安局"}, {"出生登记", "公安局"}, {"居住证申领", "公安局"},
            {"个体工商户设立登记", "市场监督管理局"}, {"个体工商户注销登记", "市场监督管理局"}, {"有限责任公司设立登记", "市场监督管理局"},
            {"食品经营许可（新办）", "市场监督管理局"}, {"食品经营许可（延续）", "市场监督管理局"}, {"小餐饮登记", "市场监督管理局"},
            {"药品零售企业许可", "市场监督管理局"}, {"公共场所卫生许可", "卫生健康局"}, {"医师执业注册", "卫生健康局"},
            {"生育登记", "卫生健康局"}, {"出生医学证明签发", "卫生健康局"}, {"结婚登记（内地居民）", "民政局"}, {"离婚登记", "民政局"},
            {"最低生活保障审核确认", "民政局"}, {"临时救助", "民政局"}, {"特困人员认定", "民政局"}, {"高龄老人津贴申领", "民政局"},
            {"残疾人证申领", "残疾人联合会"}, {"建筑工程施工许可证核发", "住房和城乡建设局"}, {"建设工程消防验收备案", "住房和城乡建设局"},
            {"商品房预售许可", "住房和城乡建设局"}, {"住房公积金提取", "住房公积金管理中心"}, {"不动产登记资料查询", "自然资源局"},
            {"不动产首次登记", "自然资源局"}, {"林木采伐许可证核发", "林业局"}, {"道路运输经营许可", "交通运输局"},
            {"机动车驾驶证换证", "公安局交通警察大队"}, {"机动车登记", "公安局交通警察大队"}, {"取水许可", "水利局"},
            {"排污许可", "生态环境局"}, {"烟草专卖零售许可证核发", "烟草专卖局"}, {"税务登记", "税务局"}, {"发票领用", "税务局"},
            {"个人所得税汇算清缴", "税务局"}, {"法律援助申请", "司法局"}, {"公证申请", "司法局"}, {"学生资助申请", "教育局"},
            {"教师资格认定", "教育局"}, {"民办学校设立", "教育局"}, {"退役军人优待证申领", "退役军人事务局"}, {"宗教活动场所登记", "民族宗教事务局"},
            {"农村宅基地审批", "农业农村局"}, {"动物防疫条件合格证核发", "农业农村局"}, {"种子生产经营许可", "农业农村局"}};

    private static final String[] PROVINCES = {"44", "41", "45", "43", "35", "51"};
    private static final String[] SCOPES = {"NONE", "NONE", "NONE", "NONE", "SAME_CITY", "SAME_CITY", "SAME_CITY", "PROVINCE", "PROVINCE", "NATIONWIDE"};
    private static final String[][] TAGS = {{"IMMEDIATE"}, {"FULLY_ONLINE"}, {"TOLERATED_MISSING", "NEARBY"}, {"ONE_ID", "FULLY_ONLINE"}, {"SELF_SERVICE"}, {}};
    private static final String[] CASE_CLASSES = {"INSTANT", "PROMISED", "PROMISED", "PROMISED", "REPLY", "JOINT"};

    /** County tenant codes: province + city (01..) + county (02..), as GB/T 2260 numbers them. */
    private List<String> tenantCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; codes.size() < tenants; i++) {
            String p = PROVINCES[i % PROVINCES.length];
            int city = 1 + (i / PROVINCES.length) / 8;
            int county = 2 + (i / PROVINCES.length) % 8;
            codes.add(p + String.format("%02d%02d", city, county));
        }
        return codes;
    }

    private Map<String, Object> event(String tenant, int n) {
        String[] item = ITEMS[n % ITEMS.length];
        // the same item in several variants per county (sub-items: 新办/变更/注销/延续 …), as real catalogs hold ~700 items
        String[] variants = {"", "（变更）", "（注销）", "（延续）", "（补办）", "（跨区域）", "（个人）", "（企业）", "（港澳台居民）", "（外国人）", "（军人）"};
        String name = item[0] + variants[(n / ITEMS.length) % variants.length];
        String scope = SCOPES[random.nextInt(SCOPES.length)];
        String dept = "县" + item[1];
        String itemId = tenant + ":" + new UUID(tenant.hashCode(), n).toString();
        Map<String, Object> guide = new LinkedHashMap<>();
        guide.put("implementingAgency", dept);
        guide.put("audience", item[0].contains("企业") || item[0].contains("许可") || item[0].contains("公司") ? List.of("ENTERPRISE") : List.of("INDIVIDUAL"));
        guide.put("acceptanceConditions", "申请人应当符合《" + item[0].replaceAll("（.*）", "") + "办理规定》规定的条件，材料齐全、符合法定形式；"
                + "本县户籍居民或持有本县居住证的人员可以申请。");
        guide.put("materials", List.of(Map.of("name", "居民身份证或营业执照"), Map.of("name", item[0] + "申请表"),
                Map.of("name", "相关证明材料（复印件）")));
        guide.put("steps", List.of(Map.of("name", "申请", "description", "到政务服务中心窗口或通过政务服务网提交申请"),
                Map.of("name", "受理", "description", "材料齐全的当场受理，不齐全的一次性告知"), Map.of("name", "审查"), Map.of("name", "办结")));
        guide.put("promisedLimit", Map.of("value", 1 + random.nextInt(15), "unit", "WORKING_DAY"));
        guide.put("caseClass", CASE_CLASSES[random.nextInt(CASE_CLASSES.length)]);
        guide.put("fees", List.of());
        guide.put("faq", List.of(Map.of("question", item[0] + "可以网上办理吗？", "answer", "可以，登录政务服务网或掌上办事应用办理。")));
        guide.put("tags", List.of(TAGS[random.nextInt(TAGS.length)]));
        guide.put("onlineFiling", random.nextInt(10) < 6);
        guide.put("toleratedMissing", false);
        guide.put("crossRegion", scope);
        Map<String, Object> std = new LinkedHashMap<>();
        std.put("id", new UUID(0, n % 600).toString());
        std.put("provinceCode", tenant.substring(0, 2));
        std.put("basicCode", String.format("07%05d000", n % 600));
        std.put("itemType", "PUBLIC_SERVICE");
        std.put("mainCode", String.format("%05d", n % 600));
        std.put("mainName", item[0].replaceAll("（.*）", ""));
        std.put("subCode", "000");
        std.put("name", name);
        std.put("exerciseLevels", List.of("COUNTY"));
        std.put("legalBasis", "《中华人民共和国行政许可法》");
        std.put("cancelled", false);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("versionId", tenant + ":" + new UUID(tenant.hashCode(), n + 1_000_000L));
        e.put("itemId", itemId);
        e.put("tenantCode", tenant);
        e.put("tenantName", "测试县" + tenant);
        List<String> path = List.of(tenant.substring(0, 2), tenant.substring(0, 4), tenant);
        e.put("regionPath", path);
        e.put("number", 1);
        e.put("status", "PUBLISHED");
        e.put("changeKind", "ADD");
        e.put("reason", "基准测试目录");
        e.put("announcedAt", "2025-01-01T00:00:00Z");
        e.put("effectiveFrom", LocalDate.of(2025, 1, 10).toString());
        e.put("basicCode", std.get("basicCode"));
        e.put("name", name);
        e.put("standard", std);
        e.put("guide", guide);
        return e;
    }

    private void load(List<String> codes) throws Exception {
        long have = count();
        if (have >= guides) {
            System.out.printf("index %s already holds %,d guides%n", index, have);
            return;
        }
        Instant t0 = Instant.now();
        int perTenant = (guides + codes.size() - 1) / codes.size();
        // tenants are loaded one after another: an interrupted load resumes at the tenant it was in (re-posting a
        // document changes nothing, its version is the same)
        int done = (int) Math.min(codes.size(), have / perTenant);
        if (done > 0) System.out.printf("index %s holds %,d guides: resuming at tenant %d of %d%n", index, have, done + 1, codes.size());
        List<Map<String, Object>> batch = new ArrayList<>();
        int loaded = done * perTenant;
        Instant stopAt = loadMinutes > 0 ? t0.plus(Duration.ofMinutes(loadMinutes)) : Instant.MAX;
        for (String tenant : codes.subList(done, codes.size())) {
            if (Instant.now().isAfter(stopAt)) {
                System.out.printf("load stopped after %d minutes (BENCH_LOAD_MINUTES) at tenant %s%n", loadMinutes, tenant);
                break;
            }
            for (int n = 0; n < perTenant && loaded + batch.size() < guides; n++) {
                batch.add(event(tenant, n));
                if (batch.size() == BATCH) {
                    loaded += post(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) loaded += post(batch);
        send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build());
        System.out.printf("loaded %,d guides of %d tenants in %.1f s%n", loaded, codes.size(), Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * One bulk request of {@link #BATCH} events; retried for up to about five minutes when search-service answers 503
     * (its Elasticsearch client gives up after 10 s, which a bulk with the plugin's analysis can take on a busy node,
     * and the shared node may be restarted by other work on the machine).
     */
    private int post(List<Map<String, Object>> batch) throws Exception {
        String body = JSON.writeValueAsString(batch);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(searchService + "/api/guides/index/documents"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.operatorToken())
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) return Integer.parseInt(r.body().strip());
            if (r.statusCode() != 503 || attempt == 30) throw new IllegalStateException("bulk load answered " + r.statusCode() + ": " + r.body());
            Thread.sleep(10_000L);
        }
    }

    private long count() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_count")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("count").asLong() : 0;
    }

    // ------------------------------------------------------------------ the queries

    /** What citizens type: official names, colloquial phrases, pinyin, initials. */
    private static final String[] QUERIES = {"社会保障卡申领", "办社保卡", "社保卡丢了", "身份证丢了", "补办身份证", "护照", "办护照",
            "开饭店", "食品经营许可", "个体户", "营业执照", "结婚登记", "领结婚证", "低保", "生孩子登记", "出生证明", "公积金提取",
            "取公积金", "驾驶证换证", "户口迁移", "失业金", "养老保险", "医保报销", "残疾证", "shebaoka", "sbk", "shenfenzheng",
            "hz", "huzhao", "gongjijin", "jiehun", "dibao", "不动产登记", "房产证", "采伐许可", "教师资格", "法律援助", "税务登记",
            "发票", "居住证"};

    private record Sample(String text, String region) {}

    /**
     * A GraphQL selection and the parts of a search it makes search-service compute (the gateway reads them from the
     * selection; the raw side asks search-service for the body of the same parts).
     */
    private record Shape(String name, String selection, List<String> parts) {}

    /** The citizen app's search box (web/app HomeView: totalCount, the hits with the name highlighted, no facets). */
    private static final Shape APP = new Shape("the app's search (hits, name highlighted, totalCount)", """
            totalCount edges { cursor node { itemId versionId tenantCode name versionNumber effectiveFrom local onlineFiling crossRegion
              highlights(fields: [NAME]) { field fragments } } }""", List.of("HITS", "TOTAL", "NAME_HIGHLIGHTS"));
    /**
     * Every part: the hits with highlights, totalCount and all five facets — exactly what every search computed before the
     * gateway asked for the selected parts only (ADR 0031), so this shape is the "before" of the same run.
     */
    private static final Shape EVERYTHING = new Shape("every part (hits, all highlights, totalCount, five facets)", """
            totalCount edges { cursor node { itemId versionId tenantCode name versionNumber effectiveFrom local onlineFiling crossRegion
              highlights { field fragments } } }
             facets { audience { value count } tags { value count } departments { value count } caseClasses { value count }
              themes { value count } }""",
            List.of("HITS", "TOTAL", "NAME_HIGHLIGHTS", "ALIAS_HIGHLIGHTS", "BODY_HIGHLIGHTS", "AUDIENCE_FACET", "TAGS_FACET", "DEPARTMENTS_FACET", "CASE_CLASSES_FACET", "THEMES_FACET"));

    private String graphqlBody(Shape shape, Sample s) {
        return JSON.writeValueAsString(Map.of("query", "query($t: String!, $r: String!) { searchGuides(text: $t, regionCode: $r, first: 10) { "
                        + shape.selection() + " } }", "variables", Map.of("t", s.text(), "r", s.region())));
    }

    /** Elasticsearch did not answer (503 or SEARCH_UNAVAILABLE): another part of the machine restarted it. */
    private static final class Unavailable extends Exception {}

    /**
     * The shared Elasticsearch, restarted by other work on the machine (503, SEARCH_UNAVAILABLE, connection refused), is
     * waited out 5 s at a time; past {@code limit} failures in one phase the run ends.
     */
    private static void waitOut(int failures, int limit, String phase, Exception e) throws InterruptedException {
        if (failures > limit) throw new IllegalStateException("searches failing " + phase, e);
        Thread.sleep(5000);
    }

    /** One shape measured: through the gateway and straight to Elasticsearch. */
    private record Measured(Shape shape, Latencies viaGateway, Latencies direct, long results, int interrupted) {
        double ratio() { return viaGateway.percentileMillis(99) / direct.percentileMillis(99); }
    }

    public void run() throws Exception {
        List<String> codes = tenantCodes();
        load(codes);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String county = codes.get(random.nextInt(codes.size()));
            String region = random.nextBoolean() ? county : county + String.format("%03d", 100 + random.nextInt(10));
            samples.add(new Sample(QUERIES[random.nextInt(QUERIES.length)], region));
        }
        long indexed = count();
        String loadBefore = loadAverage();
        List<Measured> measured = new ArrayList<>();
        for (Shape shape : List.of(APP, EVERYTHING)) measured.add(measure(shape, samples));
        String loadAfter = loadAverage();
        for (Measured m : measured) {
            System.out.println(m.shape().name() + " through the gateway: " + m.viaGateway().summary());
            System.out.println(m.shape().name() + " straight to Elasticsearch: " + m.direct().summary());
            System.out.printf(Locale.ROOT, "p99 ratio %.2f (goal ≤ 1.3, and < 50 ms); %,d results; %d pairs repeated after Elasticsearch was unavailable%n",
                    m.ratio(), m.results(), m.interrupted());
        }
        System.out.println("load average before " + loadBefore + ", after " + loadAfter);
        write(indexed, codes.size(), measured, loadBefore, loadAfter);
    }

    private Measured measure(Shape shape, List<Sample> samples) throws Exception {
        // the exact request search-service sends for each sample, to replay straight to Elasticsearch
        Map<Sample, String> raw = new LinkedHashMap<>();
        for (Sample s : samples) {
            JsonNode body = send(HttpRequest.newBuilder(URI.create(searchService + "/api/guides/index/query"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.operatorToken())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", s.text(), "regionCode", s.region(),
                            "first", 10, "parts", shape.parts()))))
                    .build());
            raw.put(s, JSON.writeValueAsString(body));
        }
        concurrentWarmup(shape, samples);
        steadyState(shape, samples, raw);
        Latencies viaGateway = new Latencies();
        Latencies direct = new Latencies();
        long hits = 0;
        int interrupted = 0;
        for (int i = 0; i < warmup + rounds; i++) {
            Sample s = samples.get(i % samples.size());
            boolean measured = i >= warmup;
            // a pair is recorded only when both answered: the shared node restarted by other work on the machine
            // (503 SEARCH_UNAVAILABLE, connection refused) is waited out and the pair repeated, and counted
            Latencies g = new Latencies();
            Latencies d = new Latencies();
            try {
                // alternate which goes first, so neither always meets a cache the other warmed
                if (i % 2 == 0) {
                    hits += timed(gatewayRequest(shape, s), g, true);
                    timed(esRequest(raw.get(s)), d, false);
                } else {
                    timed(esRequest(raw.get(s)), d, false);
                    hits += timed(gatewayRequest(shape, s), g, true);
                }
            } catch (Unavailable | IOException e) {
                waitOut(++interrupted, 120, "during the measured pairs", e);
                i--;
                continue;
            }
            if (measured) {
                viaGateway.add(g.micros(0));
                direct.add(d.micros(0));
            }
        }
        return new Measured(shape, viaGateway, direct, hits, interrupted);
    }

    /** {@link #warmupClients} clients searching through the gateway for {@link #warmupSeconds}, each over all samples. */
    private void concurrentWarmup(Shape shape, List<Sample> samples) throws Exception {
        if (warmupClients <= 0 || warmupSeconds <= 0) return;
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        List<Callable<Long>> clients = new ArrayList<>();
        for (int c = 0; c < warmupClients; c++) {
            int first = c * samples.size() / warmupClients;
            clients.add(() -> {
                long done = 0;
                int failed = 0;
                for (int i = first; System.nanoTime() < until; i++) {
                    try {
                        timed(gatewayRequest(shape, samples.get(i % samples.size())), null, true);
                        done++;
                    } catch (Unavailable | IOException e) {
                        waitOut(++failed, 24, "during the concurrent warm-up", e);
                    }
                }
                return done;
            });
        }
        long done = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(warmupClients)) {
            for (Future<Long> f : pool.invokeAll(clients)) done += f.get();
        }
        concurrentWarmup.put(shape.name(), done);
        System.out.printf(Locale.ROOT, "%s: %,d searches from %d clients at once in %d s (%.0f/s)%n", shape.name(), done,
                warmupClients, warmupSeconds, done / (double) warmupSeconds);
    }

    /** Runs pairs in blocks of 200 until the gateway's median has settled (see {@link #steadySeconds}); prints the medians. */
    private void steadyState(Shape shape, List<Sample> samples, Map<Sample, String> raw) throws Exception {
        if (steadySeconds <= 0) return;
        long until = System.nanoTime() + steadySeconds * 1_000_000_000L;
        List<Double> medians = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        StringBuilder trail = new StringBuilder();
        int blocks = 0;
        int next = 0;
        while (System.nanoTime() < until) {
            Latencies g = new Latencies();
            int failed = 0;
            for (int i = 0; i < 200 && System.nanoTime() < until; i++) {
                // on through all the samples, block after block (not the first 200 again)
                Sample s = samples.get(next++ % samples.size());
                try {
                    timed(gatewayRequest(shape, s), g, true);
                    timed(esRequest(raw.get(s)), new Latencies(), false);
                } catch (Unavailable | IOException e) {
                    waitOut(++failed, 24, "during the warm-up", e);
                }
            }
            if (g.count() == 0) break;
            blocks++;
            double median = g.percentileMillis(50);
            trail.append(String.format(Locale.ROOT, " %.1f", median));
            medians.add(median);
            ends.add(System.nanoTime());
            if (Steady.withinSince(medians, ends, steadyApart, steadyPct)) break;
        }
        steadyBlocks.put(shape.name(), blocks);
        System.out.println(shape.name() + ": steady after " + blocks + " blocks of 200 pairs (gateway p50 ms:" + trail + ")");
    }

    /** The machine's load average (1, 5, 15 min): the cores are shared, and the figures mean little without it. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private HttpRequest gatewayRequest(Shape shape, Sample s) {
        return HttpRequest.newBuilder(URI.create(gateway + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(graphqlBody(shape, s))).build();
    }

    private HttpRequest esRequest(String body) {
        return HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index + "/_search")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends, records the latency, checks the answer; returns the number of results (of a GraphQL answer). */
    private long timed(HttpRequest request, Latencies into, boolean graphql) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t0) / 1000;
        if (r.statusCode() == 503) throw new Unavailable();
        if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        if (into != null) into.add(micros);
        if (!graphql) return 0;
        JsonNode body = JSON.readTree(r.body());
        if (body.has("errors") && body.get("errors").toString().contains("SEARCH_UNAVAILABLE")) throw new Unavailable();
        if (body.has("errors")) throw new IllegalStateException("GraphQL errors: " + body.get("errors"));
        return body.at("/data/searchGuides/edges").size();
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    private void write(long indexed, int tenantCount, List<Measured> measured, String loadBefore, String loadAfter) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Measured m : measured) {
            rows.append(String.format(Locale.ROOT, "| %s | `searchGuides` through the gateway | %.1f ms | %.1f ms | %.1f ms | %.2f |%n", m.shape().name(),
                    m.viaGateway().percentileMillis(50), m.viaGateway().percentileMillis(99), m.viaGateway().meanMillis(), m.ratio()));
            rows.append(String.format(Locale.ROOT, "| | the same query straight to Elasticsearch | %.1f ms | %.1f ms | %.1f ms | |%n",
                    m.direct().percentileMillis(50), m.direct().percentileMillis(99), m.direct().meanMillis()));
        }
        String md = """
                # Guide search latency (issue 10)

                `./platform bench search` (harness: `benchmarks/…/GuideSearchBenchmark.java`), run %s.

                - Catalog: %,d synthetic guides (of %,d planned, loaded county by county: %d of %d county tenants of 6 provinces
                  hold guides; searches come from all of them) (about 700 per county: %d real item
                  names in sub-item variants, with conditions, materials, process and FAQ text, 40%% open to filing from
                  elsewhere, 60%% filed online), bulk-loaded through search-service's own document code.
                - Queries: %d citizen phrasings (Chinese, colloquial, pinyin, initials) from 200 random regions (counties and
                  towns), `first: 10`, in two shapes of the GraphQL selection (the gateway asks search-service for what the
                  selection contains); per shape, first %s, then pairs in blocks of 200 until the gateway's p50 of a block was within
                  %d %% of the block's %d s before it (%s blocks; the JVMs need minutes of load before the JIT has compiled the path), then %,d measured
                  after %,d warm-up, one client, each search through the gateway
                  followed (or preceded, alternately) by the same Elasticsearch request (as search-service builds it for those
                  parts) sent straight to Elasticsearch.
                - Services started with `%s`; Elasticsearch is the shared single node of the machine (768 MiB heap, 2 CPU cores
                  shared with the other work running on it). Load average (1 / 5 / 15 min) before the measured runs %s, after %s.

                | selection | path | p50 | p99 | mean | p99 gateway / raw |
                |---|---|---|---|---|---|
                %s
                Goals: p99 through the gateway < 50 ms and ≤ 1.3 × raw Elasticsearch. Pairs repeated because the shared
                Elasticsearch was unavailable (restarted by other work on the machine; not measured): %s.
                """.formatted(Instant.now(), indexed, guides,
                Math.min(tenantCount, (int) ((indexed + (guides + tenantCount - 1) / tenantCount - 1) / ((guides + tenantCount - 1) / tenantCount))), tenantCount, ITEMS.length, QUERIES.length,
                concurrentWarmup.isEmpty() ? "no concurrent warm-up" : "%d clients searching through the gateway at once for %d s (%s searches)"
                        .formatted(warmupClients, warmupSeconds, concurrentWarmup.values().stream().map(n -> String.format(Locale.ROOT, "%,d", n))
                                .collect(java.util.stream.Collectors.joining(" and "))),
                steadyPct, steadyApart,
                steadyBlocks.isEmpty() ? "none" : steadyBlocks.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and ")),
                rounds, warmup,
                env("BENCH_JVM_DESC", "?"), loadBefore, loadAfter, rows.toString().strip(),
                measured.stream().map(m -> String.valueOf(m.interrupted())).collect(java.util.stream.Collectors.joining(" / ")));
        Reports.write(report, md);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
