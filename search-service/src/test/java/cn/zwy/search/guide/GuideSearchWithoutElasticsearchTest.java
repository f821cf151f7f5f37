package cn.zwy.search.guide;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.common.events.EventSignature;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
 * Elasticsearch down (nothing listens on port 1; the shared cluster is not touched): guide search answers
 * 503 SEARCH_UNAVAILABLE with a Chinese message, and a catalog event is neither applied nor given up on — it
 * stays pending in the stream (no processed_event row), so it is indexed once Elasticsearch answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_SEARCH_DB:zwy_test_search}", "zwy.search.elasticsearch-url=http://127.0.0.1:1"})
@AutoConfigureTestRestTemplate
class GuideSearchWithoutElasticsearchTest {

    private static final String STREAM = "zwy:test:events:" + UUID.randomUUID();

    @DynamicPropertySource
    static void isolatedRun(DynamicPropertyRegistry registry) {
        registry.add("zwy.events.stream", () -> STREAM);
    }

    @Autowired TestRestTemplate rest;
    @Autowired StringRedisTemplate redis;
    @Autowired EventSignature signature;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    @AfterAll
    static void dropStream(@Autowired StringRedisTemplate redis) {
        redis.delete(STREAM);
    }

    @Test
    void searchAnswersSearchUnavailableAndEventsWaitForElasticsearch() throws InterruptedException {
        for (String url : new String[] {"/api/guides/search?text={t}&regionCode=441825", "/api/guides/suggest?prefix={t}&regionCode=441825"}) {
            ResponseEntity<JsonNode> r = rest.getForEntity(url, JsonNode.class, "社保卡");
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(r.getBody().path("code").asString()).isEqualTo("SEARCH_UNAVAILABLE");
            assertThat(r.getBody().path("detail").asString()).startsWith("搜索服务暂不可用");
        }

        GuideEvents events = new GuideEvents(redis, signature, json, STREAM);
        GuideEvents.Item item = GuideEvents.item("441825", "连山壮族瑶族自治县", "社会保障卡申领", CrossRegionScope.NONE);
        UUID id = events.publish(GuideEvents.version(item, 1, LocalDate.now().minusDays(1)));
        // the consumer has tried (and backs off); the event is neither marked done nor recorded as failed
        Thread.sleep(3_000);
        assertThat(jdbc.queryForList("select 1 from processed_event where event_id = ?", id)).isEmpty();
        Long pending = redis.opsForStream().pending(STREAM, "search-guides").getTotalPendingMessages();
        assertThat(pending).isEqualTo(1L);
    }
}
