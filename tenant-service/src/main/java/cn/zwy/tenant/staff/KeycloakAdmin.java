package cn.zwy.tenant.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** The few calls of Keycloak's admin REST API that staff administration needs. */
@Component
public class KeycloakAdmin {

    /** A staff account as Keycloak returns it (the fields we use). */
    public record StaffAccount(String id, String username, boolean enabled, Map<String, List<String>> attributes) {}

    private record TokenResponse(String access_token, long expires_in) {}

    private record Role(String id, String name) {}

    private static final ParameterizedTypeReference<List<StaffAccount>> ACCOUNTS = new ParameterizedTypeReference<>() {};

    private final RestClient http;
    private final KeycloakProperties props;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public KeycloakAdmin(RestClient.Builder builder, KeycloakProperties props) {
        this.http = builder.baseUrl(props.url()).build();
        this.props = props;
    }

    public Optional<StaffAccount> find(String username) {
        List<StaffAccount> found = http.get().uri("/admin/realms/{realm}/users?username={u}&exact=true", props.realm(), username)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(ACCOUNTS);
        return found == null ? Optional.empty() : found.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** Every staff account whose {@code tenant} attribute is this code. */
    public List<StaffAccount> staffOf(String tenantCode) {
        List<StaffAccount> found = http.get().uri("/admin/realms/{realm}/users?q=tenant:{t}&max=10000&briefRepresentation=false",
                props.realm(), tenantCode).headers(h -> h.setBearerAuth(token())).retrieve().body(ACCOUNTS);
        return found == null ? List.of() : found.stream()
                .filter(a -> a.attributes() != null && a.attributes().getOrDefault("tenant", List.of()).contains(tenantCode)).toList();
    }

    public void create(String username, String firstName, String lastName, Map<String, List<String>> attributes,
                       String temporaryPassword) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "enabled", true,
                "firstName", firstName, "lastName", lastName, "attributes", attributes,
                "requiredActions", List.of("UPDATE_PASSWORD")));
        if (temporaryPassword != null && !temporaryPassword.isBlank()) {
            body.put("credentials", List.of(Map.of("type", "password", "value", temporaryPassword, "temporary", true)));
        }
        http.post().uri("/admin/realms/{realm}/users", props.realm()).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    public void grantRealmRole(String userId, String roleName) {
        Role role = http.get().uri("/admin/realms/{realm}/roles/{role}", props.realm(), roleName)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(Role.class);
        http.post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", props.realm(), userId)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(role)).retrieve().toBodilessEntity();
    }

    public void setEnabled(String userId, boolean enabled) {
        http.put().uri("/admin/realms/{realm}/users/{id}", props.realm(), userId).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", enabled)).retrieve().toBodilessEntity();
    }

    /** Forgets the cached token (e.g. after Keycloak answered 401/403 because the realm changed). */
    public synchronized void forgetToken() {
        token = null;
    }

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", props.clientId());
            form.add("client_secret", props.clientSecret());
            TokenResponse t = http.post().uri("/realms/{realm}/protocol/openid-connect/token", props.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(TokenResponse.class);
            token = t.access_token();
            tokenExpires = Instant.now().plusSeconds(Math.max(5, t.expires_in() - 30));
        }
        return token;
    }
}
