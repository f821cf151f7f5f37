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

    /** The account, or null. */
    static JsonNode find(String username) {
        try {
            String token = Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                                    + "/realms/staff/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id=tenant-service&client_secret=tenant-service-demo-secret"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asString();
            JsonNode users = Api.JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK
                            + "/admin/realms/staff/users?exact=true&briefRepresentation=false&username=" + username))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            return users.isEmpty() ? null : users.get(0);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
