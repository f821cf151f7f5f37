package cn.zwy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the benchmark: GraphQL through the gateway, REST to tenant-service, Keycloak tokens. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    Http(String keycloak) {
        this.keycloak = keycloak;
    }

    /** The platform operator's token (local demo account), renewed before it expires. */
    synchronized String operatorToken() {
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            JsonNode t = send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/staff/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo-cli&username=platform.operator&password=demo"))
                    .build());
            token = t.get("access_token").asString();
            tokenExpires = Instant.now().plusSeconds(t.get("expires_in").asLong() - 60);
        }
        return token;
    }

    /** Staff accounts with exactly this username (Keycloak admin API, tenant-service's local demo service account). */
    JsonNode keycloakUsers(String username) {
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/staff/users?exact=true&username=" + username))
                .header("Authorization", "Bearer " + serviceToken()).GET().build());
    }

    /**
     * Deletes the staff administrator accounts ({@code <6-digit code>.admin}) an earlier run created,
     * so that provisioning is measured creating accounts, not finding them. Returns how many.
     */
    int deleteCountyAdminAccounts() {
        String admin = serviceToken();
        JsonNode users = send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/staff/users?search=*.admin&briefRepresentation=true&max=100000"))
                .header("Authorization", "Bearer " + admin).GET().build());
        int n = 0;
        for (JsonNode u : users) {
            if (!u.get("username").asString().matches("\\d{6}\\.admin")) continue;
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/staff/users/" + u.get("id").asString()))
                        .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 300) n++;
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private String serviceToken() {
        return send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/staff/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=tenant-service&client_secret=tenant-service-demo-secret"))
                .build()).get("access_token").asString();
    }

    JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    JsonNode postJson(String url, Object body, String bearer) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return send(b.build());
    }

    JsonNode graphql(String gateway, String query, Map<String, Object> variables) {
        JsonNode r = postJson(gateway + "/graphql", Map.of("query", query, "variables", variables), null);
        if (r.has("errors")) throw new IllegalStateException("GraphQL errors: " + r.get("errors"));
        return r.get("data");
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(request.uri() + " → " + r.statusCode() + " " + r.body());
            return JSON.readTree(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        }
    }
}
