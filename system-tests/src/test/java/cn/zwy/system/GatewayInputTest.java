package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the public gateway does with hostile input (issue 6): clear errors before any service is
 * called instead of 500s, the query's cost by the size of what it asks for, and only the
 * platform's realms of Keycloak routed.
 */
@ExtendWith(PlatformUnderTest.class)
class GatewayInputTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEARCH = "query($text: String!) { searchHalls(text: $text, regionPrefix: \"44\") { totalCount } }";

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> postRaw(String body) {
        return send(HttpRequest.newBuilder(URI.create(Service.GATEWAY.url() + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String code(HttpResponse<String> r) {
        return Api.JSON.readTree(r.body()).path("errors").path(0).path("extensions").path("code").asString(null);
    }

    @Test
    void aliasedListFieldsAreCostedByTheirSize() {
        // one connection of 100 costs 100, reported; nine fit the budget of 1000, 140 (the attack) do not
        Api.Response one = Api.graphql(null, "{ searchHalls(text: \"连山\", regionPrefix: \"44\", first: 100) { totalCount } }", Map.of());
        assertThat(one.errors()).as(one.body().toString()).isNull();
        assertThat(one.body().at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(100);
        Api.Response nine = Api.graphql(null, aliases(9), Map.of());
        assertThat(nine.errors()).as(nine.body().toString()).isNull();
        Api.Response many = Api.graphql(null, aliases(140), Map.of());
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.errorCode()).isEqualTo("QUERY_TOO_COSTLY");
        assertThat(many.errors().get(0).get("message").asString()).contains("14000").contains("1000");
        assertThat(many.data() == null || many.data().isNull()).as("nothing ran").isTrue();
    }

    private static String aliases(int n) {
        return IntStream.range(0, n).mapToObj(i -> "s" + i + ": searchHalls(text: \"连山\", regionPrefix: \"44\", first: 100) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    @Test
    void costIsReportedInExtensionsOfEveryAnswer() {
        Api.Response r = Api.graphql(null, "{ searchHalls(text: \"连山\", regionPrefix: \"44\", first: 10) "
                + "{ edges { node { name openingHours { weekday } } } } }", Map.of());
        // 10 results, each with one list of opening days (1): 10 + 10 × 1
        assertThat(r.body().at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(20);
        assertThat(r.body().at("/extensions/cost/maximumQueryCost").asInt()).isEqualTo(1000);
        assertThat(r.body().at("/extensions/cost/throttleStatus/restoreRate").isNumber()).isTrue();
    }

    @Test
    void oversizedBodyIs413() {
        HttpResponse<String> r = postRaw(Api.JSON.writeValueAsString(Map.of("query", SEARCH, "variables", Map.of("text", "政".repeat(100_000)))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(code(r)).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void manyAliasesAreRefusedClearly() {
        String hundredThousand = IntStream.range(0, 100_000).mapToObj(i -> "a" + i + ":ping").collect(Collectors.joining(" ", "{", "}"));
        HttpResponse<String> huge = postRaw(Api.JSON.writeValueAsString(Map.of("query", hundredThousand)));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(code(huge)).isEqualTo("REQUEST_TOO_LARGE");
        // small enough for the body limit, too many for the parser: refused while parsing, nothing ran
        String twentyThousand = IntStream.range(0, 20_000).mapToObj(i -> "a" + i + ":ping").collect(Collectors.joining(" ", "{", "}"));
        HttpResponse<String> many = postRaw(Api.JSON.writeValueAsString(Map.of("query", twentyThousand)));
        assertThat(many.statusCode()).as(many.body()).isEqualTo(413);
        assertThat(code(many)).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(Api.JSON.readTree(many.body()).path("errors").path(0).path("message").asString()).contains("5000");
    }

    @Test
    void nulCharactersAreRefused() {
        Api.Response text = Api.graphql(null, SEARCH, Map.of("text", "连山\u0000"));
        assertThat(text.errorCode()).as(text.body().toString()).isEqualTo("VALIDATION");
        assertThat(text.errorField()).isEqualTo("text");
        Api.Response cursor = Api.graphql(Tokens.staff("lianshan.clerk"), Halls.CHANGES.replace("first: $first", "first: $first, after: \"x\\u0000\""),
                Map.of("t", "441825", "first", 5));
        assertThat(cursor.errorCode()).as(cursor.body().toString()).isEqualTo("VALIDATION");
        assertThat(cursor.errorField()).isEqualTo("after");
        int version = Halls.hall("441825").get("version").asInt();
        Api.Response input = Halls.update(Tokens.staff("lianshan.admin"), Map.of("tenantCode", "441825", "address", "鹿鸣东路\u0000116号"));
        assertThat(input.errorCode()).isEqualTo("VALIDATION");
        assertThat(input.errorField()).isEqualTo("address");
        assertThat(Halls.hall("441825").get("version").asInt()).isEqualTo(version);
    }

    @Test
    void bracesInSearchTextAreSearched() {
        for (String text : new String[] {"{x}", "{", "连山}", "a&regionPrefix=11", "100%"}) {
            Api.Response r = Api.graphql(null, SEARCH, Map.of("text", text));
            assertThat(r.errors()).as(text + ": " + r.body()).isNull();
            assertThat(r.data().at("/searchHalls/totalCount").isNumber()).isTrue();
        }
    }

    @Test
    void dotDotTenantCodeIsRefused() {
        for (String code : new String[] {"..", ".", "../441825", "441825/..", "%2e%2e"}) {
            Api.Response r = Api.graphql(null, "query($t: ID!) { hall(tenantCode: $t) { name } }", Map.of("t", code));
            assertThat(r.errorCode()).as(code + ": " + r.body()).isEqualTo("VALIDATION");
            assertThat(r.errorField()).isEqualTo("tenantCode");
        }
        // an id without a format rule of its own still never moves the service URL
        Api.Response region = Api.graphql(null, "{ region(code: \"..\") { name } }", Map.of());
        assertThat(region.errorCode()).as(region.body().toString()).isIn("VALIDATION", "NOT_FOUND");
    }

    private static HttpResponse<String> gateway(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(Service.GATEWAY.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")));
    }

    @Test
    void masterRealmIsNotRouted() {
        assertThat(gateway("GET", "/realms/staff/.well-known/openid-configuration").statusCode()).isEqualTo(200);
        assertThat(gateway("GET", "/realms/citizen/protocol/openid-connect/certs").statusCode()).isEqualTo(200);
        for (String[] probe : new String[][] {
                {"POST", "/realms/master/protocol/openid-connect/token"},
                {"GET", "/realms/master/.well-known/openid-configuration"},
                {"GET", "/realms/master"},
                {"GET", "/admin/master/console/"},
                {"GET", "/admin/realms/staff/users"},
                {"POST", "/realms/staff/clients-registrations/openid-connect"},
                {"GET", "/realms/staff/account"}}) {
            HttpResponse<String> r = gateway(probe[0], probe[1]);
            assertThat(r.statusCode()).as(probe[0] + " " + probe[1]).isEqualTo(404);
            assertThat(r.body()).doesNotContain("access_token");
        }
    }

    /**
     * Keycloak's answers pass the gateway byte for byte: a small one of known length (the keys) is read whole and
     * written with its headers in one go, a large one (the login page's style sheet, 1.5 MB) is streamed.
     */
    @Test
    void keycloakAnswersPassUnchangedWholeOrStreamed() {
        HttpResponse<byte[]> keys = bytes(Service.GATEWAY.url(), "/realms/citizen/protocol/openid-connect/certs");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.headers().firstValue("content-length")).hasValue(String.valueOf(keys.body().length));
        assertThat(keys.body()).isEqualTo(bytes(Tokens.KEYCLOAK, "/realms/citizen/protocol/openid-connect/certs").body());

        // the sign-in page of the citizen realm, as an app opens it (PKCE), names its resources
        HttpResponse<byte[]> page = bytes(Service.GATEWAY.url(), "/realms/citizen/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&redirect_uri=" + URLEncoder.encode(Tokens.KEYCLOAK + "/realms/citizen/account/", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> sheets = Pattern.compile("/resources/[^\"]+\\.css").matcher(
                new String(page.body(), StandardCharsets.UTF_8)).results().map(MatchResult::group).toList();
        assertThat(sheets).isNotEmpty();
        boolean streamed = false;
        for (String sheet : sheets) {
            HttpResponse<byte[]> through = bytes(Service.GATEWAY.url(), sheet);
            assertThat(through.statusCode()).as(sheet).isEqualTo(200);
            assertThat(through.body()).as(sheet).isEqualTo(bytes(Tokens.KEYCLOAK, sheet).body());
            streamed |= through.body().length > 64 * 1024;
        }
        assertThat(streamed).as("one of " + sheets + " is larger than what the gateway reads whole").isTrue();
    }

    private static HttpResponse<byte[]> bytes(String base, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void encodedMasterRealmPathIsNotRouted() {
        for (String path : new String[] {
                "/realms/%6Daster/protocol/openid-connect/token",
                "/realms/%6d%61%73%74%65%72/protocol/openid-connect/token",
                "/realms/staff/../master/protocol/openid-connect/token",
                "/realms/staff/%2e%2e/master/protocol/openid-connect/token",
                "/realms/staff/%2E%2E/master/protocol/openid-connect/token",
                "/realms/staff%2f..%2fmaster/protocol/openid-connect/token",
                "/realms/staff/protocol/openid-connect/../../../master/protocol/openid-connect/token",
                "/realms//master/protocol/openid-connect/token",
                "/realms/staff;x/../master/protocol/openid-connect/token"}) {
            HttpResponse<String> r = gateway("POST", path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("access_token");
        }
    }

    @Test
    void introspectionIsOnInTheLocalDemo() {
        Api.Response r = Api.graphql(null, "{ __schema { queryType { name } } }", Map.of());
        assertThat(r.errors()).isNull();
        assertThat(r.data().at("/__schema/queryType/name").asString()).isEqualTo("Query");
    }
}
