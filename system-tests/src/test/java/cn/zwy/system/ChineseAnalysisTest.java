package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Chinese analysis inside the real Elasticsearch (issue 10, ADR 0018): the zwy-analysis plugin
 * installed by ./platform, used by the guide index's own mapping ({@code guides-index.json}). Real
 * phrases through {@code _analyze} on the index's fields, and the citizen's words finding the
 * official guide with a plain query on those fields.
 */
class ChineseAnalysisTest {

    private static final String ES = System.getenv().getOrDefault("ZWY_ES_URL", "http://127.0.0.1:9200");
    private static final Path MAPPING = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("search-service/src/main/resources/elasticsearch/guides-index.json");
    private static final String INDEX = System.getenv().getOrDefault("ZWY_ES_INDEX_PREFIX", "zwy-test-local") + "-analysis-"
            + UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> GUIDES = List.of("社会保障卡申领", "居民身份证补领", "居民身份证换领", "普通护照签发",
            "食品经营许可（新办）", "个体工商户设立登记", "最低生活保障审核确认", "林木采伐许可证核发");

    @BeforeAll
    static void guideIndex() throws IOException {
        JsonNode created = es("PUT", "/" + INDEX, Files.readString(MAPPING));
        assertThat(created.path("acknowledged").asBoolean()).as(created.toString()).isTrue();
        StringBuilder bulk = new StringBuilder();
        for (String name : GUIDES) {
            bulk.append("{\"index\":{}}\n").append(Api.JSON.writeValueAsString(Map.of("name", name, "scope", List.of("all"),
                    "suggest", Map.of("input", List.of(name), "contexts", Map.of("scope", List.of("all")))))).append('\n');
        }
        JsonNode r = es("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString());
        assertThat(r.path("errors").asBoolean()).as(r.toString()).isFalse();
    }

    @AfterAll
    static void drop() {
        es("DELETE", "/" + INDEX, null);
    }

    @Test
    void theNodeRunsTheAnalysisPlugin() {
        JsonNode plugins = es("GET", "/_nodes/plugins", null);
        assertThat(plugins.findValuesAsString("name")).contains("zwy-analysis");
    }

    @Test
    void nameFieldCutsWordsAndFoldsTraditionalCharacters() {
        assertThat(analyze("name", "社会保障卡申领")).containsExactly("社会", "保障", "卡", "申", "领");
        assertThat(analyze("name", "社會保障卡申領")).containsExactly("社会", "保障", "卡", "申", "领");
        assertThat(analyze("name.bigram", "居民身份證")).containsExactly("居民", "民身", "身份", "份证");
    }

    @Test
    void searchSideReadsCitizenPhrasingsAsOfficialTerms() {
        assertThat(analyzeWith("zwy_words_search", "我要办社保卡")).contains("社会", "保障", "卡").doesNotContain("我", "要");
        assertThat(analyzeWith("zwy_words_search", "身份证丢了怎么办")).contains("居民", "身份证", "补", "领");
        assertThat(analyzeWith("zwy_words_search", "开饭店")).contains("食品", "经营", "许可");
        assertThat(analyzeWith("zwy_words_search", "shebaoka")).containsExactly("社会", "保障", "卡");
        assertThat(analyzeWith("zwy_words_search", "hz")).contains("普通", "护照");
    }

    @Test
    void pinyinAndInitialsSubfieldsOfTheName() {
        assertThat(analyze("name.pinyin", "社保卡")).containsExactly("she", "shebao", "bao", "ka");
        assertThat(analyze("name.pinyin", "shebaoka")).containsExactly("she", "shebaoka", "bao", "ka");
        assertThat(analyze("name.initials", "社保卡")).contains("sbk");
        assertThat(analyze("name.initials", "普通护照签发")).contains("hz", "pthzqf");
    }

    @Test
    void citizenWordsFindTheOfficialGuide() {
        assertThat(top("办社保卡")).isEqualTo("社会保障卡申领");
        assertThat(top("身份证丢了")).isEqualTo("居民身份证补领");
        assertThat(top("开饭店")).isEqualTo("食品经营许可（新办）");
        assertThat(top("shebaoka")).isEqualTo("社会保障卡申领");
        assertThat(top("sbk")).isEqualTo("社会保障卡申领");
        assertThat(top("hz")).isEqualTo("普通护照签发");
        assertThat(top("低保")).isEqualTo("最低生活保障审核确认");
        assertThat(top("砍树")).isEqualTo("林木采伐许可证核发");
        assertThat(top("護照")).isEqualTo("普通护照签发");
        assertThat(top("社报卡")).isEqualTo("社会保障卡申领");
    }

    @Test
    void suggestionsTolerateAHomophoneTypo() {
        JsonNode r = es("POST", "/" + INDEX + "/_search", """
                {"size":0,"suggest":{"s":{"prefix":"社报卡","completion":{"field":"suggest",
                 "fuzzy":{"fuzziness":"AUTO","unicode_aware":true},"contexts":{"scope":["all"]}}}}}""");
        assertThat(r.at("/suggest/s/0/options").findValuesAsString("text")).contains("社会保障卡申领");
        JsonNode sbk = es("POST", "/" + INDEX + "/_search", """
                {"size":0,"suggest":{"s":{"prefix":"sbk","completion":{"field":"suggest","contexts":{"scope":["all"]}}}}}""");
        assertThat(sbk.at("/suggest/s/0/options").findValuesAsString("text")).containsExactly("社会保障卡申领");
    }

    @Test
    void aLongQueryIsCutBeforeAnalysis() {
        JsonNode r = es("POST", "/" + INDEX + "/_analyze", Api.JSON.writeValueAsString(Map.of("analyzer", "zwy_words_search",
                "text", "社保".repeat(5_000))));
        assertThat(r.path("tokens").isEmpty()).as(r.toString()).isFalse();
        // nothing after the 64th character of the 10,000 sent was analysed
        assertThat(r.path("tokens").findValues("end_offset")).allSatisfy(o -> assertThat(o.asInt()).isLessThanOrEqualTo(64));
    }

    // ------------------------------------------------------------------

    private static String top(String text) {
        JsonNode r = es("POST", "/" + INDEX + "/_search", Api.JSON.writeValueAsString(Map.of("size", 1, "query", Map.of("bool", Map.of(
                "should", List.of(
                        Map.of("multi_match", Map.of("query", text, "fields", List.of("name^3", "name.bigram"), "auto_generate_synonyms_phrase_query", false)),
                        Map.of("match", Map.of("name.pinyin", Map.of("query", text, "operator", "and"))),
                        Map.of("match", Map.of("name.initials", text))))))));
        return r.at("/hits/hits/0/_source/name").asString(null);
    }

    private static List<String> analyze(String field, String text) {
        return tokens(es("POST", "/" + INDEX + "/_analyze", Api.JSON.writeValueAsString(Map.of("field", field, "text", text))));
    }

    private static List<String> analyzeWith(String analyzer, String text) {
        return tokens(es("POST", "/" + INDEX + "/_analyze", Api.JSON.writeValueAsString(Map.of("analyzer", analyzer, "text", text))));
    }

    private static List<String> tokens(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("tokens").forEach(t -> out.add(t.path("token").asString()));
        assertThat(r.has("tokens")).as(r.toString()).isTrue();
        return out;
    }

    private static JsonNode es(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ES + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", path.contains("_bulk") ? "application/x-ndjson" : "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return Api.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
