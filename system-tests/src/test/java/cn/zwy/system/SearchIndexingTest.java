package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zwy.system.PlatformUnderTest.Service;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A hall change reaches the search index through the one event path (outbox → Redis Streams →
 * idempotent consumer) within seconds, and nothing is lost while search-service is down.
 */
@ExtendWith(PlatformUnderTest.class)
class SearchIndexingTest {

    private static final String SEARCH = """
            query($text: String!, $region: String!) { searchHalls(text: $text, regionPrefix: $region) {
              totalCount edges { node { tenantCode name version } } } }""";

    /** A name part no other run used: "便民服务点" plus random digits. */
    private static String uniqueWord() {
        return "便民" + ThreadLocalRandom.current().nextInt(100000, 999999);
    }

    private static Api.Response search(String text, String region) {
        return Api.graphql(null, SEARCH, Map.of("text", text, "region", region));
    }

    private static void rename(String word) {
        Api.Response r = Halls.update(Tokens.staff("lianshan.admin"),
                Map.of("tenantCode", "441825", "name", "连山县政务服务中心" + word));
        assertThat(r.errors()).as(r.body().toString()).isNull();
    }

    @Test
    void hallUpdateIsSearchableWithinSeconds() {
        String word = uniqueWord();
        rename(word);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode hits = search(word, "4418").data().at("/searchHalls/edges");
            assertThat(hits.size()).isEqualTo(1);
            assertThat(hits.at("/0/node/tenantCode").asString()).isEqualTo("441825");
        });
    }

    @Test
    void searchIsAlwaysScopedToARegion_T2() {
        String word = uniqueWord();
        rename(word);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(search(word, "44").data().at("/searchHalls/totalCount").asInt()).isEqualTo(1));
        assertThat(search(word, "41").data().at("/searchHalls/totalCount").asInt()).isZero();
        Api.Response unscoped = Api.graphql(null, "{ searchHalls(text: \"连山\", regionPrefix: \"\") { totalCount } }", Map.of());
        assertThat(unscoped.errorCode()).isEqualTo("VALIDATION");
        assertThat(unscoped.errorField()).isEqualTo("regionPrefix");
    }

    @Test
    void changesMadeWhileSearchServiceIsDownAreIndexedAfterRestart() throws Exception {
        String word = uniqueWord();
        PlatformUnderTest.stop(Service.SEARCH);
        try {
            rename(word);
            // the change is committed and waiting in the stream; nobody indexes it yet
            assertThat(search(word, "4418").errorCode()).isNotNull();
        } finally {
            PlatformUnderTest.start(Service.SEARCH);
            PlatformUnderTest.awaitReady(Service.SEARCH);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(search(word, "4418").data().at("/searchHalls/totalCount").asInt()).isEqualTo(1));
    }
}
