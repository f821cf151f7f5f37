package cn.zwy.search.guide;

import static cn.zwy.search.guide.GuideEvents.item;
import static cn.zwy.search.guide.GuideEvents.version;
import static cn.zwy.search.StreamEvents.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.common.events.EventSignature;
import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.StandardItemView;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guide search as a projection of catalog events (ADR 0019), against the real Redis, PostgreSQL and
 * Elasticsearch (with the analysis plugin). Each run has its own event stream and index prefix; each test
 * its own invented region names, so tests do not see each other's guides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_SEARCH_DB:zwy_test_search}", "zwy.search.timer-poll=PT1S"})
@AutoConfigureTestRestTemplate
class GuideSearchTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String STREAM = "zwy:test:events:" + RUN;
    private static final String INDEX_PREFIX = "zwy-test-" + RUN;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @DynamicPropertySource
    static void isolatedRun(DynamicPropertyRegistry registry) {
        registry.add("zwy.events.stream", () -> STREAM);
        registry.add("zwy.search.index-prefix", () -> INDEX_PREFIX);
    }

    @Autowired TestRestTemplate rest;
    @Autowired StringRedisTemplate redis;
    @Autowired JdbcTemplate jdbc;
    @Autowired ElasticsearchClient es;
    @Autowired EventSignature signature;
    @Autowired JsonMapper json;
    @Autowired GuideSearchService searchService;
    GuideEvents events;

    @BeforeEach
    void events() {
        events = new GuideEvents(redis, signature, json, STREAM);
    }

    @AfterAll
    static void dropRunData(@Autowired ElasticsearchClient es, @Autowired StringRedisTemplate redis) throws IOException {
        es.indices().delete(d -> d.index(INDEX_PREFIX + "-guides*"));
        redis.delete(STREAM);
    }

    /** A word no other test (or run) uses, to search for. */
    private static String word() {
        return "测" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (Math.random() * 10)) + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    @Test
    void publishedGuideIsFoundInItsCountyWithHighlightsButNotFromAnotherCounty_S7() {
        String w = word();
        GuideEvents.Item local = item("441825", "连山壮族瑶族自治县", "社会保障卡申领" + w, CrossRegionScope.NONE);
        events.publish(version(local, 1, TODAY.minusDays(30)));

        eventually(() -> assertThat(mine(search("社会保障卡申领" + w, "441825101"), local)).containsExactly(local.itemId()));
        JsonNode hit = node(search("社会保障卡申领" + w, "441825"), local);
        assertThat(hit.path("tenantCode").asString()).isEqualTo("441825");
        assertThat(hit.path("versionNumber").asInt()).isEqualTo(1);
        assertThat(hit.path("local").asBoolean()).isTrue();
        assertThat(hit.path("crossRegion").asString()).isEqualTo("NONE");
        assertThat(hit.path("highlights").toString()).contains("<em>");
        // a county of the same city may not see an item that is not open to same-city filing
        assertThat(mine(search("社会保障卡申领" + w, "441823"), local)).isEmpty();
        assertThat(mine(search("社会保障卡申领" + w, "440781"), local)).isEmpty();
    }

    @Test
    void itemsOpenToFilingFromElsewhereAreFoundThereAndRankAfterTheCitizensOwnCounty_S7() {
        String w = word();
        GuideEvents.Item own = item("441825", "连山壮族瑶族自治县", "食品经营许可" + w, CrossRegionScope.NONE);
        GuideEvents.Item sameCity = item("441802", "清城区", "食品经营许可" + w, CrossRegionScope.SAME_CITY);
        GuideEvents.Item province = item("440781", "台山市", "食品经营许可" + w, CrossRegionScope.PROVINCE);
        GuideEvents.Item nation = item("411521", "罗山县", "食品经营许可" + w, CrossRegionScope.NATIONWIDE);
        for (GuideEvents.Item i : List.of(own, sameCity, province, nation)) events.publish(version(i, 1, TODAY.minusDays(3)));

        GuideEvents.Item[] all = {own, sameCity, province, nation};
        eventually(() -> assertThat(mine(search("食品经营许可" + w, "441825"), all)).hasSize(4));
        List<String> fromLianshan = mine(search("食品经营许可" + w, "441825"), all);
        assertThat(fromLianshan.getFirst()).as("the citizen's own county first").isEqualTo(own.itemId());
        // another city of the province: province-wide and nationwide items only
        assertThat(mine(search("食品经营许可" + w, "440104"), all)).containsExactlyInAnyOrder(province.itemId(), nation.itemId());
        // another province: the nationwide item only (and 罗山's own for its citizens)
        assertThat(mine(search("食品经营许可" + w, "410102"), all)).containsExactly(nation.itemId());
        assertThat(mine(search("食品经营许可" + w, "411521"), all)).containsExactly(nation.itemId());
    }

    @Test
    void aVersionEffectiveLaterSwitchesOnItsDateByItsTimer() {
        String w = word();
        GuideEvents.Item i = item("441825", "连山壮族瑶族自治县", "居民身份证补领" + w, CrossRegionScope.NONE);
        events.publish(version(i, 1, TODAY.minusDays(10)));
        GuideEvents.Item renamed = new GuideEvents.Item(i.tenantCode(), i.tenantName(), i.id(), "居民身份证换领" + w, i.crossRegion());
        var v2 = version(renamed, 2, TODAY.plusDays(7));
        events.publish(v2);

        eventually(() -> assertThat(jdbc.queryForList("select 1 from guide_pending_version where version_id = ?", v2.versionId())).hasSize(1));
        // the timer is written just after the waiting version (a busy machine can show the one before the other)
        eventually(() -> assertThat(jdbc.queryForList("select execution_time::date from scheduled_tasks where task_instance = ?", LocalDate.class,
                v2.versionId())).singleElement().satisfies(d -> assertThat(d).isBetween(TODAY.plusDays(6), TODAY.plusDays(7))));
        eventually(() -> assertThat(mine(search("居民身份证补领" + w, "441825"), i)).hasSize(1));
        JsonNode before = node(search("居民身份证补领" + w, "441825"), i);
        assertThat(before.path("versionNumber").asInt()).as("the version in effect today").isEqualTo(1);

        // the day comes (as case-service's timer tests do it: the date and its timer moved to now)
        jdbc.update("update guide_pending_version set effective_from = ? where version_id = ?", java.sql.Date.valueOf(TODAY), v2.versionId());
        jdbc.update("update scheduled_tasks set execution_time = now() where task_instance = ?", v2.versionId());
        eventually(() -> {
            JsonNode after = node(search("居民身份证换领" + w, "441825"), i);
            assertThat(after.path("versionNumber").asInt()).isEqualTo(2);
            assertThat(after.path("name").asString()).isEqualTo("居民身份证换领" + w);
            assertThat(after.path("versionId").asString()).isEqualTo(v2.versionId());
        });
        assertThat(jdbc.queryForList("select 1 from guide_pending_version where item_id = ?", i.itemId())).isEmpty();
    }

    @Test
    void aProvinceRenamingItsStandardItemRenamesTheGuidesOfEveryCountyAdoptingItOnTheEffectiveDay_S6() {
        String w = word();
        UUID stdId = UUID.randomUUID();
        StandardItemView v1 = GuideEvents.standard(stdId, "44", "城乡居民养老保险参保登记" + w, 1, TODAY.minusDays(100), false);
        GuideEvents.Item lianshan = item("441825", "连山壮族瑶族自治县", v1.name(), CrossRegionScope.NONE);
        GuideEvents.Item taishan = item("440781", "台山市", v1.name(), CrossRegionScope.NONE);
        var guide = version(lianshan, 1, TODAY.minusDays(30), v1);
        events.publish(v1);
        events.publish(guide);
        events.publish(version(taishan, 1, TODAY.minusDays(30), v1));
        eventually(() -> assertThat(mine(search("城乡居民养老保险参保登记" + w, "441825"), lianshan)).hasSize(1));

        // announced ahead (S6): nothing changes before its day, which has a timer
        String renamed = "城乡居民基本养老保险参保登记" + w;
        StandardItemView v2 = GuideEvents.standard(stdId, "44", renamed, 2, TODAY.plusDays(7), false);
        UUID announced = events.publish(v2);
        eventually(() -> assertThat(processed(announced)).isTrue());
        String timer = GuideProjection.STANDARD_TIMER + v2.version().id();
        assertThat(jdbc.queryForObject("select execution_time::date from scheduled_tasks where task_instance = ?", LocalDate.class, timer))
                .isBetween(TODAY.plusDays(6), TODAY.plusDays(7));
        assertThat(node(search("城乡居民养老保险参保登记" + w, "441825"), lianshan).path("name").asString()).isEqualTo(v1.name());

        // the day comes (the date and its timer moved to now, as the guide timers' test does)
        jdbc.update("update standard_version set effective_from = ? where version_id = ?", java.sql.Date.valueOf(TODAY), v2.version().id());
        jdbc.update("update scheduled_tasks set execution_time = now() where task_instance = ?", timer);
        eventually(() -> {
            JsonNode inLianshan = node(search(renamed, "441825"), lianshan);
            assertThat(inLianshan.path("name").asString()).isEqualTo(renamed);
            assertThat(inLianshan.path("versionNumber").asInt()).as("the guide's own version is unchanged").isEqualTo(1);
            assertThat(node(search(renamed, "440781"), taishan).path("name").asString()).isEqualTo(renamed);
        });
        assertThat(suggest("城乡居民基本养老", "441825").valueStream().map(x -> x.path("name").asString())).contains(renamed);

        // a late copy of the guide's event (made under the old standard) does not bring the old name back
        UUID replay = events.publish(guide);
        eventually(() -> assertThat(processed(replay)).isTrue());
        refresh();
        assertThat(node(search(renamed, "441825"), lianshan).path("name").asString()).isEqualTo(renamed);
    }

    @Test
    void aStandardItemCancelledByTheProvinceTakesTheGuidesAdoptingItOutOfSearch_S6() {
        String w = word();
        UUID stdId = UUID.randomUUID();
        StandardItemView v1 = GuideEvents.standard(stdId, "44", "农村建房审批" + w, 1, TODAY.minusDays(100), false);
        GuideEvents.Item i = item("441825", "连山壮族瑶族自治县", v1.name(), CrossRegionScope.PROVINCE);
        events.publish(v1);
        events.publish(version(i, 1, TODAY.minusDays(30), v1));
        eventually(() -> assertThat(mine(search(v1.name(), "440781"), i)).hasSize(1));

        events.publish(GuideEvents.standard(stdId, "44", v1.name(), 2, TODAY, true));
        eventually(() -> {
            assertThat(mine(search(v1.name(), "441825"), i)).isEmpty();
            assertThat(mine(search(v1.name(), "440781"), i)).isEmpty();
        });
        assertThat(get(i, "441825").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(suggest("农村建房审批" + w, "441825").valueStream().map(x -> x.path("itemId").asString())).doesNotContain(i.itemId());
    }

    @Test
    void onlyThePartsAskedForAreComputedAndTheHitsStayTheSame_issue10() {
        String w = word();
        GuideEvents.Item i = item("441825", "连山壮族瑶族自治县", "失业保险金申领" + w, CrossRegionScope.NONE);
        events.publish(version(i, 1, TODAY.minusDays(3)));
        eventually(() -> assertThat(mine(search("失业保险金申领" + w, "441825"), i)).hasSize(1));
        JsonNode all = search("失业保险金申领" + w, "441825");

        JsonNode lean = get(Map.of("text", "失业保险金申领" + w, "regionCode", "441825", "part", "HITS")).getBody();
        assertThat(ids(lean)).isEqualTo(ids(all));
        assertThat(node(lean, i).path("highlights").isEmpty()).isTrue();
        assertThat(lean.path("page").path("totalCount").isNull()).as("no exact count asked for").isTrue();
        assertThat(facet(lean, "tags")).isEmpty();

        ResponseEntity<JsonNode> some = rest.getForEntity("/api/guides/search?text={t}&regionCode=441825&part=HITS&part=NAME_HIGHLIGHTS&part=TAGS_FACET",
                JsonNode.class, "失业保险金申领" + w);
        assertThat(node(some.getBody(), i).path("highlights").valueStream().map(h -> h.path("field").asString())).containsExactly("name");
        assertThat(node(some.getBody(), i).path("highlights").toString()).contains("<em>");
        assertThat(facet(some.getBody(), "tags")).containsEntry("IMMEDIATE", facet(all, "tags").get("IMMEDIATE"));
        assertThat(facet(some.getBody(), "audience")).isEmpty();

        // what Elasticsearch is asked: no aggregation, no highlighting, no exact count
        String body = searchService.elasticsearchRequest("失业保险金申领", "441825", 10, List.of(GuideSearchPart.HITS));
        assertThat(body).doesNotContain("\"aggregations\"").doesNotContain("\"highlight\"").contains("\"track_total_hits\":false");
    }

    @Test
    void withdrawnGuideIsGoneAndAStaleEventCannotBringItBack() {
        String w = word();
        GuideEvents.Item i = item("441825", "连山壮族瑶族自治县", "普通护照签发" + w, CrossRegionScope.NONE);
        var v1 = version(i, 1, TODAY.minusDays(10));
        events.publish(v1);
        eventually(() -> assertThat(mine(search("普通护照签发" + w, "441825"), i)).hasSize(1));
        events.publish(version(i, 2, GuideStatus.WITHDRAWN, TODAY, i.name(), List.of(Audience.INDIVIDUAL), List.of(), "县公安局", false));
        eventually(() -> assertThat(mine(search("普通护照签发" + w, "441825"), i)).isEmpty());
        UUID replay = events.publish(v1);
        eventually(() -> assertThat(processed(replay)).isTrue());
        refresh();
        assertThat(mine(search("普通护照签发" + w, "441825"), i)).isEmpty();
        assertThat(get(i, "441825").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void suspendedTenantsGuidesAreHiddenUntilItIsActiveAgain_T2() {
        String w = word();
        GuideEvents.Item i = item("441826", "某测试县", "个体工商户登记" + w, CrossRegionScope.NATIONWIDE);
        events.publish(version(i, 1, TODAY.minusDays(10)));
        eventually(() -> assertThat(mine(search("个体工商户登记" + w, "441826"), i)).hasSize(1));
        events.publish("tenant.suspended", "441826", "tenant", "441826", "{\"tenantCode\":\"441826\",\"name\":\"某测试县\",\"reason\":\"测试停用\"}");
        eventually(() -> assertThat(mine(search("个体工商户登记" + w, "441826"), i)).isEmpty());
        assertThat(get(i, "441826").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        events.publish("tenant.onboarded", "441826", "tenant", "441826", """
                {"tenantCode":"441826","name":"某测试县","level":"COUNTY","regionPath":["44","4418","441826"],"regionName":"某测试县",\
                "mainHallId":"%s","adminUsername":"441826.admin","reactivated":true}""".formatted(UUID.randomUUID()));
        eventually(() -> assertThat(mine(search("个体工商户登记" + w, "441826"), i)).hasSize(1));
    }

    @Test
    void facetsCountTheWholeResultAndFiltersNarrowIt_S2() {
        String w = word();
        // departments of this test only: filtering on them keeps other tests' guides out of the counts
        String market = "县市场监督管理局" + w;
        String civil = "县民政局" + w;
        GuideEvents.Item a = item("441825", "连山壮族瑶族自治县", "公司设立" + w, CrossRegionScope.NONE);
        GuideEvents.Item b = item("441825", "连山壮族瑶族自治县", "公司设立" + w, CrossRegionScope.NONE);
        GuideEvents.Item c = item("441825", "连山壮族瑶族自治县", "公司设立" + w, CrossRegionScope.NONE);
        events.publish(version(b, 1, GuideStatus.PUBLISHED, TODAY, b.name(), List.of(Audience.ENTERPRISE),
                List.of(SixWay.FULLY_ONLINE), market, false));
        events.publish(version(a, 1, GuideStatus.PUBLISHED, TODAY, a.name(), List.of(Audience.ENTERPRISE),
                List.of(SixWay.FULLY_ONLINE, SixWay.ONE_ID), market, true));
        events.publish(version(c, 1, GuideStatus.PUBLISHED, TODAY, c.name(), List.of(Audience.INDIVIDUAL),
                List.of(SixWay.NEARBY), civil, false));
        String mine = "department=" + market + "&department=" + civil;
        eventually(() -> assertThat(ids(searchIn("公司设立" + w, mine))).hasSize(3));

        JsonNode all = searchIn("公司设立" + w, mine);
        assertThat(facet(all, "audience")).containsExactlyInAnyOrderEntriesOf(Map.of("ENTERPRISE", 2L, "INDIVIDUAL", 1L));
        assertThat(facet(all, "tags")).containsExactlyInAnyOrderEntriesOf(Map.of("FULLY_ONLINE", 2L, "ONE_ID", 1L, "NEARBY", 1L));
        assertThat(facet(all, "departments")).containsEntry(market, 2L).containsEntry(civil, 1L);
        assertThat(ids(all).indexOf(a.itemId())).as("online filing ranks first among equals").isLessThan(ids(all).indexOf(b.itemId()));

        JsonNode online = searchIn("公司设立" + w, mine + "&tag=FULLY_ONLINE");
        assertThat(ids(online)).containsExactlyInAnyOrder(a.itemId(), b.itemId());
        // a facet's own filter does not narrow its counts; the others' do
        assertThat(facet(online, "tags")).containsEntry("NEARBY", 1L);
        assertThat(facet(online, "audience")).containsExactlyInAnyOrderEntriesOf(Map.of("ENTERPRISE", 2L));
        assertThat(ids(searchIn("公司设立" + w, "department=" + civil + "&tag=FULLY_ONLINE"))).isEmpty();
        assertThat(ids(searchIn("公司设立" + w, mine + "&audience=INDIVIDUAL&caseClass=PROMISED"))).containsExactly(c.itemId());
    }

    /** A search of 连山 with more query parameters (URL-encoded here, as given). */
    private JsonNode searchIn(String text, String moreParams) {
        String url = "/api/guides/search?text=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                + "&regionCode=441825&" + java.util.Arrays.stream(moreParams.split("&")).map(p -> {
                    int eq = p.indexOf('=');
                    return p.substring(0, eq + 1) + java.net.URLEncoder.encode(p.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                }).collect(Collectors.joining("&"));
        ResponseEntity<JsonNode> r = rest.getForEntity(java.net.URI.create(url), JsonNode.class);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @Test
    void pagesWithKeysetCursorsNeitherRepeatNorSkip() {
        String w = word();
        String office = "县婚姻登记处" + w;
        for (int k = 0; k < 5; k++) {
            events.publish(version(item("441825", "连山壮族瑶族自治县", "婚姻登记" + w + k, CrossRegionScope.NONE), 1, GuideStatus.PUBLISHED,
                    TODAY, "婚姻登记" + w + k, List.of(Audience.INDIVIDUAL), List.of(), office, false));
        }
        eventually(() -> assertThat(searchIn("婚姻登记" + w, "department=" + office).path("page").path("totalCount").asLong()).isEqualTo(5));
        JsonNode p1 = get(Map.of("text", "婚姻登记" + w, "regionCode", "441825", "department", office, "first", "2")).getBody();
        assertThat(p1.path("page").path("hasNextPage").asBoolean()).isTrue();
        String c1 = p1.path("page").path("items").get(1).path("cursor").asString();
        JsonNode p2 = get(Map.of("text", "婚姻登记" + w, "regionCode", "441825", "department", office, "first", "2", "after", c1)).getBody();
        String c2 = p2.path("page").path("items").get(1).path("cursor").asString();
        JsonNode p3 = get(Map.of("text", "婚姻登记" + w, "regionCode", "441825", "department", office, "first", "2", "after", c2)).getBody();
        assertThat(p3.path("page").path("hasNextPage").asBoolean()).isFalse();
        List<String> seen = new java.util.ArrayList<>(ids(p1));
        seen.addAll(ids(p2));
        seen.addAll(ids(p3));
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void suggestionsAndGetByIdKeepToTheScope_S7() {
        String w = word();
        GuideEvents.Item i = item("441825", "连山壮族瑶族自治县", "最低生活保障申请" + w, CrossRegionScope.NONE);
        events.publish(version(i, 1, TODAY));
        eventually(() -> assertThat(suggest("最低生活保障申请" + w, "441825101").findValuesAsString("itemId")).contains(i.itemId()));
        assertThat(suggest("最低生活保障申请" + w, "440781").findValuesAsString("itemId")).doesNotContain(i.itemId());
        assertThat(get(i, "441825101").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(i, "441825101").getBody().path("name").asString()).isEqualTo(i.name());
        ResponseEntity<JsonNode> other = get(i, "440781");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody().path("field").asString()).isEqualTo("id");
    }

    @Test
    void invalidRequestsAreRefusedNamingTheField() {
        assertRefused(Map.of("text", "社保"), "regionCode");
        assertThat(get(Map.of("text", "社保")).getBody().path("rule").asString()).isEqualTo("S7");
        assertRefused(Map.of("text", "社保", "regionCode", "44"), "regionCode");
        assertRefused(Map.of("text", "社保", "regionCode", "4418"), "regionCode");
        assertRefused(Map.of("text", "社保", "regionCode", "44182a"), "regionCode");
        assertRefused(Map.of("regionCode", "441825"), "text");
        assertRefused(Map.of("text", "  ", "regionCode", "441825"), "text");
        // long pathological input never reaches the segmenter
        assertRefused(Map.of("text", "啊".repeat(51), "regionCode", "441825"), "text");
        assertThat(get(Map.of("text", "啊".repeat(51), "regionCode", "441825")).getBody().path("detail").asString()).contains("50");
        assertRefused(Map.of("text", "社保", "regionCode", "441825", "first", "101"), "first");
        assertRefused(Map.of("text", "社保", "regionCode", "441825", "after", "bm90LWEtY3Vyc29y"), "after");
        ResponseEntity<JsonNode> longPrefix = rest.getForEntity("/api/guides/suggest?prefix={p}&regionCode=441825", JsonNode.class, "社".repeat(21));
        assertThat(longPrefix.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longPrefix.getBody().path("field").asString()).isEqualTo("prefix");
    }

    // ------------------------------------------------------------------ helpers

    private void assertRefused(Map<String, String> params, String field) {
        ResponseEntity<JsonNode> r = get(params);
        assertThat(r.getStatusCode()).as("%s", params).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().path("code").asString()).isEqualTo("VALIDATION");
        assertThat(r.getBody().path("field").asString()).as("%s", params).isEqualTo(field);
    }

    private JsonNode search(String text, String regionCode) {
        ResponseEntity<JsonNode> r = get(Map.of("text", text, "regionCode", regionCode));
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private JsonNode suggest(String prefix, String regionCode) {
        ResponseEntity<JsonNode> r = rest.getForEntity("/api/guides/suggest?prefix={p}&regionCode={r}", JsonNode.class, prefix, regionCode);
        assertThat(r.getStatusCode()).as("%s", r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private ResponseEntity<JsonNode> get(GuideEvents.Item i, String regionCode) {
        return rest.getForEntity("/api/guides/{t}/{id}?regionCode={r}", JsonNode.class, i.tenantCode(), i.id(), regionCode);
    }

    private ResponseEntity<JsonNode> get(Map<String, String> params) {
        String query = params.keySet().stream().map(k -> k + "={" + k + "}").collect(Collectors.joining("&"));
        return rest.getForEntity("/api/guides/search?" + query, JsonNode.class, params);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("page").path("items").valueStream().map(i -> i.path("node").path("itemId").asString()).toList();
    }

    /**
     * The test's own items among the results, in result order: the text query favours recall (any word may
     * match), so other tests' guides may appear beside them; scope and order are checked on the test's own.
     */
    private static List<String> mine(JsonNode page, GuideEvents.Item... items) {
        java.util.Set<String> own = java.util.Arrays.stream(items).map(GuideEvents.Item::itemId).collect(Collectors.toSet());
        return ids(page).stream().filter(own::contains).toList();
    }

    private static JsonNode node(JsonNode page, GuideEvents.Item item) {
        return page.path("page").path("items").valueStream().map(i -> i.path("node"))
                .filter(n -> n.path("itemId").asString().equals(item.itemId())).findFirst().orElseThrow();
    }

    private static Map<String, Long> facet(JsonNode page, String name) {
        return page.path("facets").path(name).valueStream()
                .collect(Collectors.toMap(f -> f.path("value").asString(), f -> f.path("count").asLong()));
    }

    private boolean processed(UUID eventId) {
        return !jdbc.queryForList("select 1 from processed_event where consumer_group = 'search-guides' and event_id = ?", eventId).isEmpty();
    }

    private void refresh() {
        try {
            es.indices().refresh(r -> r.index(INDEX_PREFIX + "-guides"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
