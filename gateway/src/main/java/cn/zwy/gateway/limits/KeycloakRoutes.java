package cn.zwy.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Keycloak through the one public entry point, but only what the apps' sign-in needs: the OIDC
 * endpoints, discovery and the login pages of the platform's realms (staff, citizen), and the
 * login pages' static resources. Never the master realm, the admin API or console, client
 * registration or the account console. The decision is taken on the decoded path, and a path
 * that could be read two ways (dot segments, encoded slashes or dots, backslashes, matrix
 * parameters, double slashes) is not routed at all, so what is checked here is what Keycloak
 * serves. Sign-in requests (token endpoint, login form posts) are limited per client address,
 * counted in Redis across instances, so that passwords cannot be guessed at speed nor accounts
 * locked out from one address.
 */
@Configuration
public class KeycloakRoutes {

    static final Set<String> REALMS = Set.of("staff", "citizen");
    private static final List<String> AMBIGUOUS = List.of("%2f", "%5c", "%2e", "%00", "%25", "\\", ";", "//");

    @Bean
    RouteLocator keycloakRoute(RouteLocatorBuilder routes, @Value("${zwy.keycloak-url}") String keycloak,
                               RedisLimits limits, LimitsProperties props) {
        GatewayFilter signInLimit = (exchange, chain) -> !isSignIn(exchange) ? chain.filter(exchange)
                : limits.countSignIn(CallerKey.address(exchange.getRequest().getRemoteAddress()))
                        .flatMap(n -> n > props.tokenPerMinute() ? tooMany(exchange) : chain.filter(exchange));
        return routes.routes()
                .route("keycloak", r -> r.predicate(KeycloakRoutes::routed).filters(f -> f.filter(signInLimit)).uri(keycloak))
                .build();
    }

    static boolean routed(ServerWebExchange exchange) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (raw == null) return false;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (AMBIGUOUS.stream().anyMatch(lower::contains)) return false;
        String path = UriUtils.decode(raw, StandardCharsets.UTF_8);
        String[] s = path.split("/", -1);
        for (int i = 1; i < s.length; i++) {
            if (s[i].equals(".") || s[i].equals("..") || (s[i].isEmpty() && i < s.length - 1)) return false;
        }
        if (s.length >= 2 && s[0].isEmpty() && s[1].equals("resources")) {
            HttpMethod m = exchange.getRequest().getMethod();
            return m == HttpMethod.GET || m == HttpMethod.HEAD;
        }
        if (s.length < 3 || !s[0].isEmpty() || !s[1].equals("realms") || !REALMS.contains(s[2])) return false;
        if (s.length == 3) return true; // the realm's public key and endpoints
        return switch (s[3]) {
            case ".well-known", "login-actions" -> true;
            case "protocol" -> s.length > 4 && s[4].equals("openid-connect");
            default -> false;
        };
    }

    private static boolean isSignIn(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST) return false;
        String path = UriUtils.decode(exchange.getRequest().getURI().getRawPath(), StandardCharsets.UTF_8);
        return path.endsWith("/protocol/openid-connect/token") || path.contains("/login-actions/");
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange) {
        var res = exchange.getResponse();
        res.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        res.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        res.getHeaders().set("Retry-After", "60");
        byte[] body = "{\"error\":\"too_many_requests\",\"error_description\":\"登录请求过于频繁，请一分钟后再试\"}"
                .getBytes(StandardCharsets.UTF_8);
        return res.writeWith(Mono.just(res.bufferFactory().wrap(body)));
    }
}
