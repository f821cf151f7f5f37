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

/** Real access tokens from the real Keycloak (password grant of the local-demo client). */
public final class Tokens {

    public static final String KEYCLOAK = System.getenv().getOrDefault("ZWY_KC_URL", "http://127.0.0.1:8180");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    public static String staff(String username) {
        return CACHE.computeIfAbsent("staff/" + username, k -> fetch("staff", username));
    }

    public static String citizen(String username) {
        return CACHE.computeIfAbsent("citizen/" + username, k -> fetch("citizen", username));
    }

    private static String fetch(String realm, String username) {
        String form = "grant_type=password&client_id=demo-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("token for " + username + ": " + r.statusCode() + " " + r.body());
            return JSON.readTree(r.body()).get("access_token").asString();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak not reachable at " + KEYCLOAK, e);
        }
    }
}
