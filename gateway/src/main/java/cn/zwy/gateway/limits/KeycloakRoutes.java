package cn.zwy.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * Which of Keycloak's paths the one public entry point passes on ({@link KeycloakProxy}): only what
 * the apps' sign-in needs, the OIDC endpoints, discovery and the login pages of the platform's
 * realms (staff, citizen), and the login pages' static resources. Never the master realm, the
 * admin API or console, client registration or the account console. The decision is taken on the
 * decoded path, and a path that could be read two ways (dot segments, encoded slashes or dots,
 * backslashes, matrix parameters, double slashes) is not routed at all, so what is checked here is
 * what Keycloak serves.
 */
public final class KeycloakRoutes {

    static final Set<String> REALMS = Set.of("staff", "citizen");
    private static final List<String> AMBIGUOUS = List.of("%2f", "%5c", "%2e", "%00", "%25", "\\", ";", "//");

    private KeycloakRoutes() {}

    /** Whether a request for this raw (still encoded) path may be passed to Keycloak. */
    static boolean routed(String raw, HttpMethod method) {
        if (raw == null) return false;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (AMBIGUOUS.stream().anyMatch(lower::contains)) return false;
        String path = UriUtils.decode(raw, StandardCharsets.UTF_8);
        String[] s = path.split("/", -1);
        for (int i = 1; i < s.length; i++) {
            if (s[i].equals(".") || s[i].equals("..") || (s[i].isEmpty() && i < s.length - 1)) return false;
        }
        if (s.length >= 2 && s[0].isEmpty() && s[1].equals("resources")) {
            return method == HttpMethod.GET || method == HttpMethod.HEAD;
        }
        if (s.length < 3 || !s[0].isEmpty() || !s[1].equals("realms") || !REALMS.contains(s[2])) return false;
        if (s.length == 3) return true; // the realm's public key and endpoints
        return switch (s[3]) {
            case ".well-known", "login-actions" -> true;
            case "protocol" -> s.length > 4 && s[4].equals("openid-connect");
            default -> false;
        };
    }

    /** Sign-in requests (token endpoint, login form posts): limited per client address. */
    static boolean isSignIn(String raw, HttpMethod method) {
        if (method != HttpMethod.POST) return false;
        String path = UriUtils.decode(raw, StandardCharsets.UTF_8);
        return path.endsWith("/protocol/openid-connect/token") || path.contains("/login-actions/");
    }
}
