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
    public record StaffAccount(String id, String username, boolean enabled, Map<String, List<String>> attributes,
                               String firstName, String lastName, Long createdTimestamp) {

        /** The single value of an attribute (tenant, site), or null. */
        public String attribute(String name) {
            List<String> values = attributes == null ? null : attributes.get(name);
            return values == null || values.size() != 1 ? null : values.get(0);
        }
    }

    private record TokenResponse(String access_token, long expires_in) {}

    private record Role(String id, String name) {}

    private static final ParameterizedTypeReference<List<Role>> ROLES = new ParameterizedTypeReference<>() {};

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
        List<StaffAccount> found = http.get().uri("/admin/realms/{realm}/users?username={u}&exact=true&briefRepresentation=false", props.realm(), username)
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

    /**
     * Creates an enabled account that must set its password at first sign-in. With a one-time
     * secret (temporary password) the person can sign in once with it; without one the account
     * has no credential at all and nobody can sign in until an invitation is issued.
     */
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

    /**
     * Grants a realm role. The role is looked up among the roles still available to the user:
     * that needs only view-users, whereas GET /roles/{name} needs view-realm, which the service
     * account does not have (it answered 403 there, so onboarded administrators never got
     * their role). Already granted: nothing to do.
     */
    public void grantRealmRole(String userId, String roleName) {
        setRealmRoles(userId, java.util.Set.of(roleName), java.util.Set.of(roleName));
    }

    /** The user's directly mapped realm roles. */
    public java.util.Set<String> realmRoles(String userId) {
        List<Role> mapped = http.get().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", props.realm(), userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(ROLES);
        return mapped == null ? java.util.Set.of() : mapped.stream().map(Role::name).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Makes the user's realm roles among {@code managed} exactly {@code wanted}: grants what is
     * missing, removes the rest; roles outside {@code managed} are left alone. Repeating it is harmless.
     */
    public void setRealmRoles(String userId, java.util.Set<String> wanted, java.util.Set<String> managed) {
        List<Role> mapped = http.get().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", props.realm(), userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(ROLES);
        List<Role> remove = mapped == null ? List.of()
                : mapped.stream().filter(r -> managed.contains(r.name()) && !wanted.contains(r.name())).toList();
        java.util.Set<String> have = mapped == null ? java.util.Set.of()
                : mapped.stream().map(Role::name).collect(java.util.stream.Collectors.toSet());
        if (!have.containsAll(wanted)) {
            List<Role> available = http.get().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm/available", props.realm(), userId)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(ROLES);
            List<Role> add = available == null ? List.of()
                    : available.stream().filter(r -> wanted.contains(r.name()) && !have.contains(r.name())).toList();
            if (add.size() + have.stream().filter(wanted::contains).count() < wanted.size()) {
                throw new IllegalStateException("Keycloak realm " + props.realm() + " lacks one of the roles " + wanted);
            }
            if (!add.isEmpty()) {
                http.post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", props.realm(), userId)
                        .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                        .body(add).retrieve().toBodilessEntity();
            }
        }
        if (!remove.isEmpty()) {
            http.method(org.springframework.http.HttpMethod.DELETE)
                    .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", props.realm(), userId)
                    .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                    .body(remove).retrieve().toBodilessEntity();
        }
    }

    public void setEnabled(String userId, boolean enabled) {
        http.put().uri("/admin/realms/{realm}/users/{id}", props.realm(), userId).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", enabled)).retrieve().toBodilessEntity();
    }

    /**
     * Replaces the account's password by a one-time secret that must be changed at first sign-in
     * (Keycloak adds the required action UPDATE_PASSWORD to a temporary password) and ends its
     * sessions, so an earlier password or session stops working.
     */
    public void setTemporaryPassword(String userId, String secret) {
        http.put().uri("/admin/realms/{realm}/users/{id}/reset-password", props.realm(), userId).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", "password", "value", secret, "temporary", true))
                .retrieve().toBodilessEntity();
        logout(userId);
    }

    /** Ends the account's sessions: its refresh tokens stop working. */
    public void logout(String userId) {
        http.post().uri("/admin/realms/{realm}/users/{id}/logout", props.realm(), userId).headers(h -> h.setBearerAuth(token()))
                .retrieve().toBodilessEntity();
    }

    /** One page of the realm's accounts (service accounts are not listed by Keycloak). */
    public List<StaffAccount> page(int first, int max) {
        List<StaffAccount> found = http.get().uri("/admin/realms/{realm}/users?first={f}&max={m}&briefRepresentation=false",
                props.realm(), first, max).headers(h -> h.setBearerAuth(token())).retrieve().body(ACCOUNTS);
        return found == null ? List.of() : found;
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
