package cn.zwy.tenant.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tenant-service reaches Keycloak's admin API for the staff realm, with its own service
 * account (client credentials, roles manage-users/view-users/query-users of realm-management).
 * There is deliberately no initial or default password: accounts are activated by a one-time
 * secret only the administrator who issued it sees (docs/adr/0007).
 */
@ConfigurationProperties("zwy.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret) {
    public KeycloakProperties {
        if (url == null) url = "http://127.0.0.1:8180";
        if (realm == null) realm = "staff";
        if (clientId == null) clientId = "tenant-service";
    }
}
