package cn.zwy.gateway.security;

import cn.zwy.common.security.Realm;
import cn.zwy.common.security.RevokedStaff;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.graphql.GraphQlErrors;
import cn.zwy.gateway.web.RequestLoop;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refuses a staff token whose account tenant-service has disabled (disableStaff, a suspended
 * tenant, the T7 reconciliation) before anything else looks at the request: the subject is on
 * the revocation list in Redis ({@link RevokedStaff}), and the answer is 401 UNAUTHENTICATED in
 * the GraphQL error format. Without it a disabled person's token works until it expires.
 * Fails closed for staff tokens: if Redis cannot answer, the staff request is refused with
 * UNAVAILABLE (503) rather than served unchecked; citizens and anonymous callers are not affected.
 */
@Component
public class RevokedStaffTokens implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RevokedStaffTokens.class);

    private final ReactiveStringRedisTemplate redis;

    public RevokedStaffTokens(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public int getOrder() {
        // after Spring Security's WebFilterChainProxy (-100), which validated the token; before GraphQL and the routes
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // no bearer token (the only way a token reaches the gateway), nothing to look up: most citizen
        // reads pass without a single Reactor operator spent here
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        Mono<Verdict> verdict = ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Jwt j ? j : null)
                .flatMap(this::verdict)
                .defaultIfEmpty(Verdict.PASS);
        return onRequestLoop(verdict, exchange).flatMap(v -> switch (v) {
            case PASS -> chain.filter(exchange);
            case REVOKED -> refuse(exchange, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, "账号已停用，登录已失效");
            case UNKNOWN -> refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE, "暂时无法核实登录状态，请稍后重试");
        });
    }

    /**
     * A staff token's verdict comes from Redis and arrives on a Redis client thread. The request goes on on its
     * connection's event loop instead (ADR 0045): the calls to the services then take that loop's connections and
     * the answer is written without being handed from one thread to another. Verdicts reached on the loop (citizens'
     * tokens) go on at once.
     */
    static Mono<Verdict> onRequestLoop(Mono<Verdict> verdict, ServerWebExchange exchange) {
        EventLoop loop = RequestLoop.of(exchange);
        if (loop == null) return verdict;
        return verdict.flatMap(v -> loop.inEventLoop() ? Mono.just(v) : Mono.just(v).publishOn(Schedulers.fromExecutor(loop)));
    }

    enum Verdict { PASS, REVOKED, UNKNOWN }

    /** Whether a validated token may be used: PASS for citizens, REVOKED for a disabled staff account, UNKNOWN if Redis cannot say. */
    Mono<Verdict> verdict(Jwt j) {
        if (!isStaff(j)) return Mono.just(Verdict.PASS);
        return redis.hasKey(RevokedStaff.key(j.getSubject()))
                .map(revoked -> revoked ? Verdict.REVOKED : Verdict.PASS)
                .onErrorResume(e -> {
                    log.warn("revocation list unreadable, staff request refused: {}", e.toString());
                    return Mono.just(Verdict.UNKNOWN);
                });
    }

    private static boolean isStaff(Jwt jwt) {
        try {
            return jwt.getIssuer() != null && Realm.fromIssuer(jwt.getIssuer().toString()) == Realm.STAFF;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, ErrorCode code, String message) {
        var res = exchange.getResponse();
        res.setStatusCode(status);
        res.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            res.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"account disabled\"");
        }
        byte[] body = GraphQlErrors.body(code, message);
        return res.writeWith(Mono.just(res.bufferFactory().wrap(body)));
    }
}
