package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway's document cache and automatic persisted queries (Apollo's protocol): the app and the
 * mini-program send a document's SHA-256 instead of its text, and a document the gateway has seen
 * is not parsed and validated again.
 */
@ExtendWith(PlatformUnderTest.class)
class PersistedQueryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A document no other test sends (the alias makes it unique), so that its first use is a registration. */
    private static String freshHallQuery() {
        return "{ h" + UUID.randomUUID().toString().replace("-", "") + ": hall(tenantCode: \"440781\") { name } }";
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void persistedQueryIsServedByHash() {
        String query = freshHallQuery();
        String hash = sha256(query);
        Api.Response registered = Api.graphql(null, Map.of("query", query, "extensions", persisted(hash)));
        assertThat(registered.errors()).isNull();
        String alias = query.substring(2, query.indexOf(':'));
        assertThat(registered.data().get(alias).get("name").asString()).isEqualTo("台山市人民政府行政服务中心");

        Api.Response byHash = Api.graphql(null, Map.of("extensions", persisted(hash)));
        assertThat(byHash.status()).isEqualTo(200);
        assertThat(byHash.errors()).isNull();
        assertThat(byHash.data().get(alias).get("name").asString()).isEqualTo("台山市人民政府行政服务中心");
    }

    @Test
    void unknownPersistedQueryAsksForTheDocument() {
        Api.Response r = Api.graphql(null, Map.of("extensions", persisted(sha256(freshHallQuery()))));
        assertThat(r.data() == null || r.data().isNull()).isTrue();
        // what Apollo clients look for before they resend the hash with the text
        assertThat(r.errors().get(0).get("message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(r.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void persistedQueryWhoseHashIsNotTheDocumentsIsRefused() {
        String query = freshHallQuery();
        String otherHash = sha256(freshHallQuery());
        Api.Response r = Api.graphql(null, Map.of("query", query, "extensions", persisted(otherHash)));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("extensions.persistedQuery.sha256Hash");
        // and nothing was registered under the wrong hash
        Api.Response byHash = Api.graphql(null, Map.of("extensions", persisted(otherHash)));
        assertThat(byHash.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void invalidDocumentIsNeverRegistered() {
        String query = "{ hall(tenantCode: \"440781\") { noSuchField" + UUID.randomUUID().toString().replace("-", "") + " } }";
        String hash = sha256(query);
        Api.Response r = Api.graphql(null, Map.of("query", query, "extensions", persisted(hash)));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(Api.graphql(null, Map.of("extensions", persisted(hash))).errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void repeatedDocumentIsParsedAndValidatedOnce() {
        String query = freshHallQuery();
        double hitsBefore = documentCache("hit");
        double missesBefore = documentCache("miss");
        assertThat(Api.graphql(null, query, Map.of()).errors()).isNull();
        assertThat(documentCache("miss")).isEqualTo(missesBefore + 1);
        assertThat(Api.graphql(null, query, Map.of()).errors()).isNull();
        assertThat(Api.graphql(null, query, Map.of()).errors()).isNull();
        assertThat(documentCache("hit")).isGreaterThanOrEqualTo(hitsBefore + 2);
        assertThat(documentCache("miss")).isEqualTo(missesBefore + 1);
    }

    @Test
    void cachedDocumentStillObeysTheQueryLimits() {
        // costlier than a document may be (20 connections of 100 = 2,000 > 1,000): the cost is checked
        // when it runs, not when it is parsed, so the second request (its document now cached) is refused as well
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 20; i++) q.append(" s").append(i).append(": searchHalls(text: \"连山\", regionPrefix: \"44\", first: 100) { totalCount }");
        String query = q.append(" }").toString();
        for (int i = 0; i < 2; i++) {
            Api.Response r = Api.graphql(null, query, Map.of());
            assertThat(r.errorCode()).as("request %s: %s", i + 1, r.body()).isEqualTo("QUERY_TOO_COSTLY");
            assertThat(r.data() == null || r.data().isNull()).as("request %s", i + 1).isTrue();
        }
    }

    /** cache_gets_total of the gateway's document cache, as an operator reads it on /actuator/prometheus. */
    private static double documentCache(String result) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(Service.GATEWAY.managementUrl() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^cache_gets_total\\{(?=[^}]*cache=\"graphql\\.documents\")(?=[^}]*result=\"" + result
                    + "\")[^}]*} ([0-9.eE+-]+)$").matcher(body);
            assertThat(m.find()).as("cache_gets_total of graphql.documents (%s) on /actuator/prometheus", result).isTrue();
            return Double.parseDouble(m.group(1));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String getUrl(Map<String, Object> extensions) {
        String json = Api.JSON.writeValueAsString(extensions);
        return Service.GATEWAY.url() + "/graphql?extensions=" + java.net.URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** The mini-program's cacheable reads: a short GET naming the document by its hash. */
    @Test
    void persistedQueryIsServedByHashOverGet() {
        String query = freshHallQuery();
        String hash = sha256(query);
        assertThat(Api.get(getUrl(persisted(hash)), null).errors().get(0).get("message").asString())
                .isEqualTo("PersistedQueryNotFound");
        assertThat(Api.graphql(null, Map.of("query", query, "extensions", persisted(hash))).errors()).isNull();

        Api.Response byHash = Api.get(getUrl(persisted(hash)), null);
        assertThat(byHash.status()).isEqualTo(200);
        assertThat(byHash.errors()).isNull();
        String alias = query.substring(2, query.indexOf(':'));
        assertThat(byHash.data().get(alias).get("name").asString()).isEqualTo("台山市人民政府行政服务中心");
    }

    /** GET never changes data, also when the mutation is named by the hash of a registered document. */
    @Test
    void persistedMutationIsRefusedOverGet() {
        String mutation = "mutation M" + UUID.randomUUID().toString().replace("-", "") + " { reconcileStaff { checkedAccounts } }";
        String hash = sha256(mutation);
        Api.graphql(null, Map.of("query", mutation, "extensions", persisted(hash))); // registers it (and is refused: no operator)
        Api.Response r = Api.get(getUrl(persisted(hash)), null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
