package cn.zwy.common.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuers        trusted token issuers (the Keycloak realms); a token from any other is refused
 * @param audience       the audience every accepted token must name (tokens Keycloak issues to other
 *                       clients of the same realm, e.g. service accounts, are refused)
 * @param publicGetPaths paths anyone may GET without a token (public hall data, the region tree)
 */
@ConfigurationProperties("zwy.security")
public record ZwySecurityProperties(List<String> issuers, String audience, List<String> publicGetPaths) {
    public ZwySecurityProperties {
        if (audience == null || audience.isBlank()) audience = "zwy-api";
        if (issuers == null || issuers.isEmpty()) {
            issuers = List.of("http://127.0.0.1:8180/realms/staff", "http://127.0.0.1:8180/realms/citizen");
        }
        if (publicGetPaths == null) publicGetPaths = List.of();
    }
}
