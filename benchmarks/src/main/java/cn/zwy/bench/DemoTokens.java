package cn.zwy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens of the local demo accounts (password "demo", client demo-cli) for the harnesses: one per account,
 * kept until a minute before it expires, so the load measures the platform and not Keycloak.
 */
final class DemoTokens {

    /** No token: {@code code} says why (the token endpoint's HTTP status, or what broke the connection). */
    static final class Unavailable extends RuntimeException {
        final String code;

        Unavailable(String code, String detail) {
            super("token " + code + ": " + detail, null, false, false);
            this.code = code;
        }
    }

    private record Token(String value, Instant renewAfter) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String keycloak;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    DemoTokens(String keycloak) {
        this.keycloak = keycloak;
    }

    /** The account's token, from the cache while it is fresh. */
    String of(String realm, String username) {
        return cache.compute(realm + "/" + username,
                (k, t) -> t != null && Instant.now().isBefore(t.renewAfter) ? t : fetch(realm, username)).value;
    }

    /** A new sign-in, past the cache: its token. */
    String signIn(String realm, String username) {
        return fetch(realm, username).value;
    }

    private Token fetch(String realm, String username) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo-cli&username=" + username + "&password=demo"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new Unavailable("HTTP " + r.statusCode(), r.body());
            JsonNode t = Http.JSON.readTree(r.body());
            return new Token(t.get("access_token").asString(), Instant.now().plusSeconds(Math.max(10, t.get("expires_in").asLong() - 60)));
        } catch (IOException e) {
            throw new Unavailable(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", username);
        }
    }
}
