package cn.zwy.gateway.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Fixed-window request limit per tenant and user (per client address when signed out), counted
 * in Redis so that every gateway instance shares it. Keys carry the tenant:
 * {@code zwy:rl:<tenant|citizen|anon>:<user|ip>:<minute>}. If Redis is unreachable the
 * request is let through: the limit protects capacity and must not take the API down.
 */
@Component
public class RateLimiter implements WebFilter, Ordered {

    private final ReactiveStringRedisTemplate redis;
    private final long perMinute;

    public RateLimiter(ReactiveStringRedisTemplate redis, @Value("${zwy.rate-limit.per-minute:600}") long perMinute) {
        this.redis = redis;
        this.perMinute = perMinute;
    }

    @Override
    public int getOrder() {
        // after Spring Security's WebFilterChainProxy (-100), so that the caller is known
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/graphql")) return chain.filter(exchange);
        long minute = Instant.now().getEpochSecond() / 60;
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Jwt j ? j : null)
                .map(j -> (j.getClaimAsString("tenant") != null ? j.getClaimAsString("tenant") : "citizen") + ":" + j.getSubject())
                .defaultIfEmpty("anon:" + clientAddress(exchange))
                .flatMap(who -> {
                    String key = "zwy:rl:" + who + ":" + minute;
                    return redis.opsForValue().increment(key)
                            .flatMap(n -> n == 1 ? redis.expire(key, Duration.ofSeconds(70)).thenReturn(n) : Mono.just(n))
                            .onErrorResume(e -> Mono.just(0L));
                })
                .flatMap(n -> n > perMinute ? tooMany(exchange) : chain.filter(exchange));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        var addr = exchange.getRequest().getRemoteAddress();
        return addr == null ? "unknown" : addr.getAddress().getHostAddress();
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange) {
        var res = exchange.getResponse();
        res.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        res.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        res.getHeaders().set("Retry-After", "60");
        byte[] body = "{\"errors\":[{\"message\":\"请求过于频繁，请稍后再试\",\"extensions\":{\"code\":\"RATE_LIMITED\"}}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return res.writeWith(Mono.just(res.bufferFactory().wrap(body)));
    }
}
