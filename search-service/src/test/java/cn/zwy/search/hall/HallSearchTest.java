package cn.zwy.search.hall;

import static cn.zwy.search.StreamEvents.eventually;
import static cn.zwy.search.StreamEvents.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.zwy.common.events.EventSignature;
import cn.zwy.search.StreamEvents;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * Against the real Redis, PostgreSQL and Elasticsearch. Each run has its own event stream and
 * index prefix, so it never sees what earlier runs left behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_SEARCH_DB:zwy_test_search}")
@AutoConfigureTestRestTemplate
class HallSearchTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String STREAM = "zwy:test:events:" + RUN;
    private static final String INDEX_PREFIX = "zwy-test-" + RUN;

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
    @MockitoSpyBean HallIndexer indexer;

    @AfterAll
    static void dropRunData(@Autowired ElasticsearchClient es, @Autowired StringRedisTemplate redis) throws IOException {
        List<String> indices = List.copyOf(es.indices().getAlias(a -> a.name(INDEX_PREFIX + "-halls")).result().keySet());
        es.indices().delete(d -> d.index(indices));
        redis.delete(STREAM);
    }

    @Test
    void publishedHallBecomesSearchable() {
        UUID hallId = UUID.randomUUID();
        publish(UUID.randomUUID(), new PublishedHall(hallId, "441825", "连山壮族瑶族自治县", "连山壮族瑶族自治县政务服务中心", 3));

        eventually(() -> assertThat(ids(search("连山 政务服务", "4418"))).containsExactly(hallId.toString()));
        JsonNode page = search("连山 政务服务", "4418");
        assertThat(page.path("totalCount").asLong()).isEqualTo(1);
        assertThat(page.path("hasNextPage").asBoolean()).isFalse();
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("cursor").asString()).isNotBlank();
        JsonNode hall = item.path("node");
        assertThat(hall.path("tenantCode").asString()).isEqualTo("441825");
        assertThat(hall.path("regionCode").asString()).isEqualTo("441825");
        assertThat(hall.path("level").asString()).isEqualTo("COUNTY");
        assertThat(hall.path("name").asString()).isEqualTo("连山壮族瑶族自治县政务服务中心");
        assertThat(hall.path("address").asString()).isEqualTo("连山壮族瑶族自治县人民路1号");
        assertThat(hall.path("phone").asString()).isEqualTo("0763-1234567");
        assertThat(hall.path("openingHours").get(0).path("weekday").asString()).isEqualTo("MONDAY");
        assertThat(hall.path("openingHours").get(0).path("periods").get(1).path("opens").asString()).isEqualTo("14:30");
        assertThat(hall.path("version").asLong()).isEqualTo(3);
        assertThat(hall.path("updatedAt").asString()).isEqualTo("2025-03-01T08:00:00Z");
    }

    @Test
    void staleEventNeverOverwritesNewerHall() throws IOException {
        UUID hallId = UUID.randomUUID();
        publish(UUID.randomUUID(), new PublishedHall(hallId, "440103", "荔湾区", "荔湾区政务服务中心", 2));
        eventually(() -> assertThat(versions(search("荔湾", "440103"))).containsExactly(2L));

        UUID stale = UUID.randomUUID();
        publish(stale, new PublishedHall(hallId, "440103", "荔湾区", "荔湾区行政服务中心", 1));
        eventually(() -> assertThat(processed(stale)).isTrue());
        es.indices().refresh(r -> r.index(INDEX_PREFIX + "-halls"));

        JsonNode page = search("荔湾", "440103");
        assertThat(versions(page)).containsExactly(2L);
        assertThat(page.path("items").get(0).path("node").path("name").asString()).isEqualTo("荔湾区政务服务中心");
    }

    @Test
    void sameEventDeliveredTwiceIsHandledOnce() throws Exception {
        UUID hallId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        PublishedHall hall = new PublishedHall(hallId, "440104", "越秀区", "越秀区政务服务中心", 1);
        publish(eventId, hall);
        publish(eventId, hall);
        // another service's event (skipped without bookkeeping) and another hall behind them: once
        // that hall is processed, both deliveries before it were handled
        publish(UUID.randomUUID(), "case.submitted", "440104", "case", UUID.randomUUID().toString(), "{}");
        UUID other = UUID.randomUUID();
        publish(other, new PublishedHall(UUID.randomUUID(), "440104", "越秀区", "越秀区北京街道服务站", 1));
        eventually(() -> assertThat(processed(other)).isTrue());

        verify(indexer, times(1)).handle(argThat(e -> e.id().equals(eventId)));
        eventually(() -> assertThat(ids(search("越秀 政务", "440104"))).containsExactly(hallId.toString()));
    }

    @Test
    void unreadableEventIsRecordedWithItsReasonAndDoesNotBlockTheStream() {
        UUID bad = UUID.randomUUID();
        publish(bad, "hall.changed", "440105", "hall", UUID.randomUUID().toString(), "{not json");
        UUID hallId = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        publish(good, new PublishedHall(hallId, "440105", "海珠区", "海珠区政务服务中心", 1));
        eventually(() -> assertThat(processed(good)).isTrue());
        String failure = jdbc.queryForObject(
                "select failure from processed_event where consumer_group = 'search-indexer' and event_id = ?", String.class, bad);
        assertThat(failure).isNotBlank();
        eventually(() -> assertThat(ids(search("海珠 政务", "440105"))).containsExactly(hallId.toString()));
    }

    @Test
    void unsignedOrForgedEventIsRecordedAsRejectedAndNeverIndexed() throws Exception {
        UUID hallId = UUID.randomUUID();
        PublishedHall hall = new PublishedHall(hallId, "440106", "天河区", "天河区政务服务中心", 1);
        UUID unsigned = UUID.randomUUID();
        redis.opsForStream().add(StreamRecords.string(fields(unsigned, "hall.changed", "440106", "hall", hallId.toString(),
                hall.payload())).withStreamKey(STREAM));
        UUID forged = UUID.randomUUID();
        Map<String, String> fields = fields(forged, "hall.changed", "440106", "hall", hallId.toString(), hall.payload());
        fields.put(EventSignature.FIELD, new EventSignature("a-key-the-services-do-not-hold-0123456789", null).sign(fields));
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(STREAM));
        UUID good = UUID.randomUUID();
        UUID goodHall = UUID.randomUUID();
        publish(good, new PublishedHall(goodHall, "440106", "天河区", "天河区猎德街道便民服务站", 1));
        eventually(() -> assertThat(processed(good)).isTrue());

        assertThat(failure(unsigned)).isEqualTo("rejected: unsigned event (no sig field)");
        assertThat(failure(forged)).isEqualTo("rejected: invalid event signature");
        verify(indexer, never()).handle(argThat(e -> e.id().equals(unsigned) || e.id().equals(forged)));
        eventually(() -> assertThat(ids(search("天河", "440106"))).containsExactly(goodHall.toString()));
    }

    private String failure(UUID eventId) {
        return jdbc.queryForObject("select failure from processed_event where consumer_group = 'search-indexer' and event_id = ?",
                String.class, eventId);
    }

    @Test
    void searchAlwaysScopedToRegion_T2() {
        UUID guangdong = UUID.randomUUID();
        UUID henan = UUID.randomUUID();
        publish(UUID.randomUUID(), new PublishedHall(guangdong, "441825", "连山壮族瑶族自治县", "连山县便民服务中心", 1));
        publish(UUID.randomUUID(), new PublishedHall(henan, "410102", "中原区", "中原区便民服务中心", 1));
        eventually(() -> {
            assertThat(ids(search("便民服务中心", "44"))).containsExactly(guangdong.toString());
            assertThat(ids(search("便民服务中心", "41"))).containsExactly(henan.toString());
        });
        assertThat(ids(search("便民服务中心", "441825"))).containsExactly(guangdong.toString());
        assertThat(ids(search("便民服务中心", "4101"))).containsExactly(henan.toString());
        assertThat(ids(search("便民服务中心", "4401"))).isEmpty();
    }

    @Test
    void pagesThroughResultsWithCursors() {
        Set<String> published = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            UUID id = UUID.randomUUID();
            published.add(id.toString());
            publish(UUID.randomUUID(), new PublishedHall(id, "450102", "兴宁区", "兴宁区第" + i + "便民服务站", 1));
        }
        eventually(() -> assertThat(search("兴宁 服务站", "4501").path("totalCount").asLong()).isEqualTo(3));
        JsonNode first = get(Map.of("text", "兴宁 服务站", "regionPrefix", "4501", "first", "2")).getBody();
        assertThat(first.path("items").size()).isEqualTo(2);
        assertThat(first.path("hasNextPage").asBoolean()).isTrue();

        String cursor = first.path("items").get(1).path("cursor").asString();
        JsonNode second = get(Map.of("text", "兴宁 服务站", "regionPrefix", "4501", "first", "2", "after", cursor)).getBody();
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("hasNextPage").asBoolean()).isFalse();

        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void invalidSearchRequestsAreRefused() {
        assertRefused(Map.of("text", "政务"), "regionPrefix");
        assertThat(get(Map.of("text", "政务")).getBody().path("rule").asString()).isEqualTo("T2");
        assertRefused(Map.of("text", "政务", "regionPrefix", "441"), "regionPrefix");
        assertRefused(Map.of("text", "政务", "regionPrefix", "44a8"), "regionPrefix");
        assertRefused(Map.of("regionPrefix", "44"), "text");
        assertRefused(Map.of("text", "   ", "regionPrefix", "44"), "text");
        assertRefused(Map.of("text", "政".repeat(101), "regionPrefix", "44"), "text");
        assertRefused(Map.of("text", "政务", "regionPrefix", "44", "first", "0"), "first");
        assertRefused(Map.of("text", "政务", "regionPrefix", "44", "first", "101"), "first");
        assertRefused(Map.of("text", "政务", "regionPrefix", "44", "first", "abc"), "first");
        assertRefused(Map.of("text", "政务", "regionPrefix", "44", "after", "not-a-cursor"), "after");
    }

    private void assertRefused(Map<String, String> params, String field) {
        ResponseEntity<JsonNode> r = get(params);
        assertThat(r.getStatusCode()).as("%s", params).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().path("code").asString()).isEqualTo("VALIDATION");
        assertThat(r.getBody().path("field").asString()).as("%s", params).isEqualTo(field);
    }

    private JsonNode search(String text, String regionPrefix) {
        ResponseEntity<JsonNode> r = get(Map.of("text", text, "regionPrefix", regionPrefix));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private ResponseEntity<JsonNode> get(Map<String, String> params) {
        String query = params.keySet().stream().map(k -> k + "={" + k + "}").collect(Collectors.joining("&"));
        return rest.getForEntity("/api/halls/search?" + query, JsonNode.class, params);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(i -> i.path("node").path("id").asString()).toList();
    }

    private static List<Long> versions(JsonNode page) {
        return page.path("items").valueStream().map(i -> i.path("node").path("version").asLong()).toList();
    }

    private boolean processed(UUID eventId) {
        return !jdbc.queryForList("select 1 from processed_event where consumer_group = 'search-indexer' and event_id = ?",
                eventId).isEmpty();
    }

    /** A hall as tenant-service's HallService publishes it: the payload is its HallDocument. */
    private record PublishedHall(UUID id, String regionCode, String regionName, String name, int version) {
        String payload() {
            List<String> path = new ArrayList<>();
            for (int len : new int[] {2, 4, 6, 9, 12}) {
                if (len <= regionCode.length()) path.add('"' + regionCode.substring(0, len) + '"');
            }
            return """
                    {"hallId":"%s","tenantCode":"%s","tenantName":"%s","regionCode":"%s","regionPath":%s,"regionName":"%s",\
                    "level":"COUNTY","main":true,"name":"%s","address":"%s人民路1号","phone":"0763-1234567",\
                    "openingHours":[{"weekday":"MONDAY","periods":[{"opens":"08:30","closes":"11:30"},{"opens":"14:30","closes":"17:30"}]}],\
                    "version":%d,"updatedAt":"2025-03-01T08:00:00Z"}"""
                    .formatted(id, regionCode, regionName, regionCode, path, regionName, name, regionName, version);
        }
    }

    private void publish(UUID eventId, PublishedHall hall) {
        publish(eventId, "hall.changed", hall.regionCode(), "hall", hall.id().toString(), hall.payload());
    }

    /** With the fields OutboxRelay writes, signed as it signs them. */
    private void publish(UUID eventId, String type, String tenant, String aggregateType, String aggregateId, String payload) {
        new StreamEvents(redis, signature, STREAM).publish(eventId, type, tenant, aggregateType, aggregateId, payload);
    }
}
