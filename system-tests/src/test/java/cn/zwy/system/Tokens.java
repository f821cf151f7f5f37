package cn.zwy.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the real Keycloak (password grant of the local-demo client), cached
 * until a minute before they expire (staff tokens live 5 minutes, a run takes longer).
 */
public final class Tokens {

    public static final String KEYCLOAK = System.getenv().getOrDefault("ZWY_KC_URL", "http://127.0.0.1:8180");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private record Cached(String token, java.time.Instant renewAfter) {}

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    public static String staff(String username) {
        return cached("staff", username, "demo");
    }

    public static String citizen(String username) {
        return cached("citizen", username, "demo");
    }

    /** A token of an account with its own password (accounts the tests activate themselves). */
    public static String staff(String username, String password) {
        return cached("staff", username, password);
    }

    /** A token of a citizen account with its own password (accounts the tests make for themselves). */
    public static String citizen(String username, String password) {
        return cached("citizen", username, password);
    }

    private static String cached(String realm, String username, String password) {
        return CACHE.compute(realm + "/" + username, (k, c) -> c != null && java.time.Instant.now().isBefore(c.renewAfter()) ? c
                : fetch(realm, username, password)).token();
    }

    private static Cached fetch(String realm, String username, String password) {
        String form = "grant_type=password&client_id=demo-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("token for " + username + ": " + r.statusCode() + " " + r.body());
            var body = JSON.readTree(r.body());
            return new Cached(body.get("access_token").asString(),
                    java.time.Instant.now().plusSeconds(Math.max(10, body.get("expires_in").asLong() - 60)));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak not reachable at " + KEYCLOAK, e);
        }
    }
}
