package cn.zwy.tenant.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tenant-service reaches Keycloak's admin API for the staff realm, with its own service
 * account (client credentials, roles manage-users/view-users/query-users of realm-management).
 *
 * @param initialPassword temporary password of new staff administrators in local demo runs
 *                        (they must change it at first sign-in); empty in production, where the
 *                        account is an invitation (required action "update password")
 */
@ConfigurationProperties("zwy.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret, String initialPassword) {
    public KeycloakProperties {
        if (url == null) url = "http://127.0.0.1:8180";
        if (realm == null) realm = "staff";
        if (clientId == null) clientId = "tenant-service";
    }
}
