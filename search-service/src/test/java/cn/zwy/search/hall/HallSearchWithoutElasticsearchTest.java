package cn.zwy.search.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Elasticsearch down (nothing listens on port 1): the service still starts and is ready, searches get 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_SEARCH_DB:zwy_test_search}", "zwy.search.elasticsearch-url=http://127.0.0.1:1"})
@AutoConfigureTestRestTemplate
class HallSearchWithoutElasticsearchTest {

    private static final String STREAM = "zwy:test:events:" + UUID.randomUUID();

    @DynamicPropertySource
    static void isolatedRun(DynamicPropertyRegistry registry) {
        registry.add("zwy.events.stream", () -> STREAM);
    }

    @Autowired TestRestTemplate rest;
    @LocalManagementPort int managementPort;

    @AfterAll
    static void dropStream(@Autowired StringRedisTemplate redis) {
        redis.delete(STREAM);
    }

    @Test
    void startsReadyAndAnswers503WhileElasticsearchIsDown() {
        ResponseEntity<JsonNode> readiness = rest.getForEntity(
                "http://127.0.0.1:" + managementPort + "/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody().path("status").asString()).isEqualTo("UP");

        ResponseEntity<JsonNode> r = rest.getForEntity("/api/halls/search?text={t}&regionPrefix=44", JsonNode.class, "政务");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody().path("detail").asString()).startsWith("搜索服务暂不可用，请稍后再试");
        assertThat(r.getBody().path("code").asString()).isEqualTo("SEARCH_UNAVAILABLE");
    }
}
