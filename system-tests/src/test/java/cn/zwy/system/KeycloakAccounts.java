package cn.zwy.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** Reads the staff realm's accounts as tenant-service's service account does (local demo secret). */
final class KeycloakAccounts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAccounts() {}

    private static String adminToken() throws java.io.IOException, InterruptedException {
        return Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                                + "/realms/staff/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id=tenant-service&client_secret=tenant-service-demo-secret"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asString();
    }

    /** Names of the account's directly mapped realm roles. */
    static java.util.Set<String> realmRoles(String userId) {
        try {
            JsonNode roles = Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                            + "/admin/realms/staff/users/" + userId + "/role-mappings/realm"))
                    .header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString()).body());
            java.util.Set<String> out = new java.util.TreeSet<>();
            roles.forEach(r -> out.add(r.get("name").asString()));
            return out;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw answer of a password grant (status and body), for accounts that must not sign in yet. */
    static Api.Response passwordGrant(String username, String password) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                            + "/realms/staff/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo-cli&username="
                            + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password=" + password))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), "", Api.JSON.readTree(r.body()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account, or null. */
    static JsonNode find(String username) {
        try {
            String token = adminToken();
            JsonNode users = Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                            + "/admin/realms/staff/users?exact=true&briefRepresentation=false&username=" + username))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            return users.isEmpty() ? null : users.get(0);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
