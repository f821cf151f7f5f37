package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Guide search through the gateway (ADR 0019), against the real services, Elasticsearch with the analysis
 * plugin, Redis and PostgreSQL: the demo catalog is found in Chinese and pinyin, the scope never shows
 * another region's items that are not open to filing from the citizen's region (S7), a version announced
 * for a later day switches on on its date, a rebuild while catalog events flow loses none, and with
 * Elasticsearch unreachable search says SEARCH_UNAVAILABLE while the catalog still answers.
 */
@ExtendWith(PlatformUnderTest.class)
class GuideSearchTest {

    private static final String SEARCH = """
            query($text: String!, $region: String!, $filter: GuideSearchFilter, $first: Int) {
              searchGuides(text: $text, regionCode: $region, filter: $filter, first: $first) {
                totalCount edges { cursor node { itemId versionId tenantCode name versionNumber effectiveFrom local crossRegion
                  highlights { field fragments } } }
                facets { audience { value count } tags { value count } departments { value count } } } }""";
    private static final String GUIDE = """
            query($id: ID!, $region: String!) { searchedGuide(itemId: $id, regionCode: $region) { itemId versionNumber } }""";
    private static final String SUGGEST = """
            query($p: String!, $region: String!) { suggestGuides(prefix: $p, regionCode: $region) { text itemId tenantCode } }""";
    private static final String REBUILD = "mutation { rebuildGuideIndex { index tenants guides scheduled millis } }";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static Api.Response search(String text, String region) {
        return Api.graphql(null, SEARCH, Map.of("text", text, "region", region));
    }

    /** The first 100 results (the text query favours recall: other items may rank between). */
    static Api.Response searchAll(String text, String region) {
        return Api.graphql(null, SEARCH, Map.of("text", text, "region", region, "first", 100));
    }

    static List<JsonNode> hits(Api.Response r) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new ArrayList<>();
        r.data().at("/searchGuides/edges").forEach(e -> out.add(e.get("node")));
        return out;
    }

    static long total(Api.Response r) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/searchGuides/totalCount").asLong();
    }

    static List<String> tenantsOf(List<JsonNode> hits, String name) {
        return hits.stream().filter(h -> h.get("name").asString().equals(name)).map(h -> h.get("tenantCode").asString()).toList();
    }

    @Test
    void citizensFindTheDemoCatalogInChineseAndPinyin() {
        List<JsonNode> chinese = hits(search("社会保障卡申领", "441825"));
        assertThat(chinese).isNotEmpty();
        JsonNode top = chinese.getFirst();
        assertThat(top.get("name").asString()).isEqualTo("社会保障卡申领");
        assertThat(top.get("tenantCode").asString()).as("the citizen's own county first").isEqualTo("441825");
        assertThat(top.get("local").asBoolean()).isTrue();
        assertThat(top.get("versionNumber").asInt()).isEqualTo(1);
        assertThat(top.get("highlights").toString()).contains("<em>");

        List<JsonNode> pinyin = hits(search("shehuibaozhangka", "441825"));
        assertThat(pinyin).isNotEmpty();
        assertThat(pinyin.getFirst().get("name").asString()).isEqualTo("社会保障卡申领");
        assertThat(pinyin.getFirst().get("tenantCode").asString()).isEqualTo("441825");

        JsonNode suggestions = Api.graphql(null, SUGGEST, Map.of("p", "社会保", "region", "441825")).data().get("suggestGuides");
        assertThat(suggestions.findValuesAsString("text")).anyMatch(t -> t.startsWith("社会保障卡"));
    }

    @Test
    void theAppsSelectionGetsTheSameGuidesWithOnlyTheNameHighlightedAndNoFacetWork_issue10() {
        Api.Response full = search("社会保障卡申领", "441825");
        Api.Response lean = Api.graphql(null, """
                query($text: String!, $region: String!) { searchGuides(text: $text, regionCode: $region) {
                  totalCount edges { node { itemId name highlights(fields: [NAME]) { field fragments } } } } }""",
                Map.of("text", "社会保障卡申领", "region", "441825"));
        assertThat(hits(lean).stream().map(h -> h.get("itemId").asString()).toList())
                .isEqualTo(hits(full).stream().map(h -> h.get("itemId").asString()).toList());
        assertThat(total(lean)).isEqualTo(total(full));
        JsonNode top = hits(lean).getFirst();
        assertThat(top.get("highlights").findValuesAsString("field")).containsExactly("name");
        assertThat(top.get("highlights").toString()).contains("<em>");
        // facets only when selected, and then counted as before
        assertThat(full.data().at("/searchGuides/facets/audience").size()).isPositive();
    }

    @Test
    void scopeNeverShowsAnotherRegionsItemsThatAreNotSharedWithIt_S7() {
        // 建筑工程施工许可证核发 is local only in every demo tenant (NONE)
        String local = "建筑工程施工许可证核发";
        assertThat(tenantsOf(hits(searchAll(local, "441825101")), local)).containsExactly("441825");
        assertThat(tenantsOf(hits(searchAll(local, "440781")), local)).containsExactly("440781");
        assertThat(tenantsOf(hits(searchAll(local, "441802")), local)).as("清城 shares 连山's city, but the item is local").isEmpty();
        assertThat(tenantsOf(hits(searchAll(local, "410102")), local)).isEmpty();
        // 社会保障卡申领: 连山 province-wide, 台山 same-city (江门), 罗山 nationwide, 钦南 province-wide (广西)
        String shared = "社会保障卡申领";
        assertThat(tenantsOf(hits(searchAll(shared, "440703")), shared)).as("蓬江, a county of 江门")
                .contains("441825", "440781", "411521").doesNotContain("450702");
        assertThat(tenantsOf(hits(searchAll(shared, "441802")), shared)).as("清城, a county of 清远")
                .contains("441825", "411521").doesNotContain("440781", "450702");
        assertThat(tenantsOf(hits(searchAll(shared, "410102")), shared)).as("郑州中原区")
                .contains("411521").doesNotContain("441825", "440781", "450702");
        assertThat(tenantsOf(hits(searchAll(shared, "450703")), shared)).as("钦州钦北区")
                .contains("450702", "411521").doesNotContain("441825", "440781");

        // another item of 连山 is open province-wide: 台山 sees it, 罗山 (河南) does not
        String lianshanPassport = itemOf("441825", "普通护照签发");
        assertThat(Api.graphql(null, GUIDE, Map.of("id", lianshanPassport, "region", "440781")).data().at("/searchedGuide/itemId").asString())
                .isEqualTo(lianshanPassport);
        Api.Response hidden = Api.graphql(null, GUIDE, Map.of("id", lianshanPassport, "region", "411521"));
        assertThat(hidden.errors()).isNull();
        assertThat(hidden.data().get("searchedGuide").isNull()).as("get-by-id checks the scope too").isTrue();
        assertThat(Api.graphql(null, SUGGEST, Map.of("p", "普通护照", "region", "411521")).data().get("suggestGuides")
                .findValuesAsString("tenantCode")).doesNotContain("441825");
    }

    @Test
    void queryTextIsCappedAndTheRegionRequired() {
        Api.Response tooLong = search("办".repeat(51), "441825");
        assertThat(tooLong.errorCode()).isEqualTo("VALIDATION");
        assertThat(tooLong.errorField()).isEqualTo("text");
        assertThat(tooLong.errors().get(0).get("message").asString()).contains("50");
        Api.Response province = search("社保", "44");
        assertThat(province.errorCode()).isEqualTo("VALIDATION");
        assertThat(province.errorField()).isEqualTo("regionCode");
    }

    @Test
    void aVersionAnnouncedForALaterDaySwitchesOnOnItsDate() throws SQLException {
        String name = uniqueName("不动产登记资料查询");
        String item = publishedForLater(name);
        // announced, so the event reached search; waiting for its day
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pending(item)).isEqualTo(1));
        assertThat(tenantsOf(hits(search(name, "441825")), name)).isEmpty();

        dayComes(item);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<JsonNode> found = hits(search(name, "441825")).stream().filter(h -> h.get("name").asString().equals(name)).toList();
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().get("versionNumber").asInt()).isEqualTo(1);
            assertThat(found.getFirst().get("itemId").asString()).isEqualTo(item);
        });
        assertThat(pending(item)).isZero();
    }

    @Test
    void rebuildingTheIndexWhileCatalogEventsFlowLosesNone() throws Exception {
        long demoBefore = total(search("社会保障卡申领", "441825"));
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 2; i++) later.add(publishedForLater(uniqueName("档案查询")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String item : later) assertThat(pending(item)).isEqualTo(1);
        });

        CompletableFuture<Api.Response> rebuild = CompletableFuture.supplyAsync(
                () -> Api.graphql(Tokens.staff("platform.operator"), REBUILD, Map.of()));
        // meanwhile: a county joins (its demo catalog is published at once, in effect since 2024) and more
        // versions are announced for later days
        Api.Response joined = onboard("445302");
        assertThat(joined.errors()).as(joined.body().toString()).isNull();
        for (int i = 0; i < 2; i++) later.add(publishedForLater(uniqueName("证明开具")));
        Api.Response rebuilt = rebuild.get();
        assertThat(rebuilt.errors()).as(rebuilt.body().toString()).isNull();
        JsonNode report = rebuilt.data().get("rebuildGuideIndex");
        assertThat(report.get("tenants").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("guides").asInt()).isGreaterThan(50);

        // every guide of the new county is found from there, whichever index its event reached first
        List<String> names = catalogNames("445302");
        assertThat(names).hasSizeGreaterThan(10);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String name : names) assertThat(tenantsOf(hits(searchAll(name, "445302")), name)).as(name).contains("445302");
        });
        // and the versions announced for later wait for their day, then switch on
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String item : later) assertThat(pending(item)).isEqualTo(1);
        });
        for (String item : later) dayComes(item);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String item : later) {
                assertThat(Api.graphql(null, GUIDE, Map.of("id", item, "region", "441825")).data().at("/searchedGuide/itemId").asString())
                        .isEqualTo(item);
            }
        });
        assertThat(total(search("社会保障卡申领", "441825"))).isGreaterThanOrEqualTo(demoBefore);
        // only the platform operator and provincial administrators rebuild
        Api.Response admin = Api.graphql(Tokens.staff("lianshan.admin"), REBUILD, Map.of());
        assertThat(admin.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aSuspendedTenantsGuidesLeaveSearchAndComeBackWithIt_T2() {
        assertThat(onboard("445303").errors()).isNull();
        String name = "社会保障卡申领";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tenantsOf(hits(searchAll(name, "445303")), name)).contains("445303"));
        Api.Response off = Api.graphql(Tokens.staff("gd.admin"), """
                mutation { offboardTenant(input: {tenantCode: "445303", reason: "测试停用"}) { tenant { status } } }""", Map.of());
        assertThat(off.errors()).as(off.body().toString()).isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tenantsOf(hits(searchAll(name, "445303")), name)).doesNotContain("445303"));
        assertThat(onboard("445303").errors()).isNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tenantsOf(hits(searchAll(name, "445303")), name)).contains("445303"));
    }

    @Test
    void elasticsearchUnreachableIsSearchUnavailableWhileTheCatalogStillAnswers() throws Exception {
        // a second search-service whose Elasticsearch is a port where nothing listens (the shared cluster stays
        // up), reading a stream of its own, and a second gateway in front of it
        String run = UUID.randomUUID().toString().substring(0, 8);
        String searchUrl = PlatformUnderTest.startExtraSearchService("no-es", 8, Map.of("ZWY_ES_URL", "http://127.0.0.1:1",
                "ZWY_EVENTS_STREAM", "zwy-test:no-es:" + run, "ZWY_EVENTS_CONSUMER", "no-es", "ZWY_SEARCH_TIMERPOLL", "PT1H"));
        String gateway = PlatformUnderTest.startExtraGateway("no-es", 9, Map.of("ZWY_SEARCH_SERVICE_URL", searchUrl));

        Api.Response r = Api.post(gateway + "/graphql", null, Map.of("query", SEARCH, "variables", Map.of("text", "社保卡", "region", "441825")));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("SEARCH_UNAVAILABLE");
        assertThat(r.errors().get(0).get("message").asString()).startsWith("搜索服务暂不可用");
        Api.Response catalog = Api.post(gateway + "/graphql", null, Map.of("query",
                "{ items(tenantCode: \"441825\", first: 5) { edges { node { name } } } }", "variables", Map.of()));
        assertThat(catalog.errors()).as(catalog.body().toString()).isNull();
        assertThat(catalog.data().at("/items/edges").size()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ helpers

    private static String uniqueName(String base) {
        return base + "测试" + Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
    }

    /** A new item of 连山 whose first version is announced for the earliest day allowed (S6: 5 working days ahead). */
    private static String publishedForLater(String name) {
        String item = Catalog.newItem(name);
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(5));
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        Api.Response published = Catalog.publish(Catalog.admin(), item, "测试：新增事项", null);
        assertThat(published.errors()).as(published.body().toString()).isNull();
        assertThat(LocalDate.parse(published.data().at("/publishGuide/version/effectiveFrom").asString())).isAfter(TODAY);
        return item;
    }

    private static Api.Response onboard(String county) {
        return Api.graphql(Tokens.staff("gd.admin"), "mutation($c: ID!) { onboardTenant(input: {regionCode: $c}) { created } }",
                Map.of("c", county));
    }

    /** The names of a tenant's published items (the catalog, tenant-service's). */
    private static List<String> catalogNames(String tenant) {
        Api.Response r = Api.graphql(null, "query($t: ID!) { items(tenantCode: $t, first: 100) { edges { node { name } } } }", Map.of("t", tenant));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<String> names = new ArrayList<>();
        r.data().at("/items/edges").forEach(e -> names.add(e.at("/node/name").asString()));
        return names;
    }

    private static String itemOf(String tenant, String name) {
        Api.Response r = Api.graphql(null, "query($t: ID!, $f: ItemFilter) { items(tenantCode: $t, filter: $f, first: 20) { edges { node { id name } } } }",
                Map.of("t", tenant, "f", Map.of("text", name)));
        for (JsonNode e : r.data().at("/items/edges")) if (e.at("/node/name").asString().equals(name)) return e.at("/node/id").asString();
        throw new IllegalStateException(name + " not in " + tenant + "'s catalog: " + r.body());
    }

    private static Connection searchDb() throws SQLException {
        return Databases.connect(System.getenv().getOrDefault("ZWY_SEARCH_DB", "zwy_test_search"), "zwy_app", "zwy_app_demo");
    }

    private static int pending(String item) throws SQLException {
        try (Connection c = searchDb(); PreparedStatement s = c.prepareStatement("select count(*) from guide_pending_version where item_id = ?")) {
            s.setString(1, item);
            var rs = s.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The effective day comes, as the timer tests of case-service make a day pass: the waiting version's date
     * and its timer are moved to now; the scheduler and the projection then run for real.
     */
    private static void dayComes(String item) throws SQLException {
        try (Connection c = searchDb()) {
            // the date first: a timer that fires before it moved would wait for the old day again
            try (PreparedStatement s = c.prepareStatement("update guide_pending_version set effective_from = current_date - 1 where item_id = ?")) {
                s.setString(1, item);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    update scheduled_tasks set execution_time = now() where task_name = 'guide-effective'
                    and task_instance in (select version_id from guide_pending_version where item_id = ?)""")) {
                s.setString(1, item);
                s.executeUpdate();
            }
        }
    }
}
