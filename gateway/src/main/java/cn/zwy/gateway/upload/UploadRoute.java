package cn.zwy.gateway.upload;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.error.ProblemDetails;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.limits.CallerKey;
import cn.zwy.gateway.limits.LimitsProperties;
import cn.zwy.gateway.limits.CallerLedger;
import cn.zwy.gateway.upstream.ServicesProperties;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /uploads}: the one REST endpoint of the public API beside GraphQL (ADR 0009), a
 * multipart upload of one material passed on to case-service's {@code POST /api/uploads}, which
 * sniffs, caps, hashes and stores it and answers the upload id.
 * <ul>
 * <li>Signed-in callers only (a citizen's or a staff token; the gateway has validated it, and
 *     case-service validates it again: it is passed on as it came).</li>
 * <li>Counted in the caller's per-minute operations like every GraphQL operation (the same
 *     ledger and Redis counter, {@link CallerLedger}), 429 beyond {@code zwy.limits.per-minute}.</li>
 * <li>The body is streamed, not buffered, so the GraphQL codec's 256 KB limit does not apply
 *     here; instead this path alone admits up to the upload cap {@code zwy.uploads.max-bytes}
 *     plus the multipart framing: a larger declared Content-Length is refused before the body is
 *     read (a client that sends {@code Expect: 100-continue}, as curl does, sends nothing), and a
 *     body without a length is counted as it streams and cut off at the cap.</li>
 * <li>The service URL is fixed: the configured case-service address and the constant path
 *     {@code /api/uploads}; nothing of the request's path or query reaches it.</li>
 * </ul>
 */
@Configuration
public class UploadRoute {

    /** Room for the multipart boundary and part headers around the file itself. */
    static final long MULTIPART_FRAMING = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    RouteLocator uploadRouteLocator(RouteLocatorBuilder routes, ServicesProperties services, CallerLedger limits,
                                    LimitsProperties limitProps, @Value("${zwy.uploads.max-bytes:20MB}") DataSize maxBytes) {
        URI caseService = URI.create(services.caseUrl());
        // the whole service URL is configuration and a constant: nothing of the request (path, query, Host) is in it
        URI upstreamUri = caseService.resolve("/api/uploads");
        long maxBody = maxBytes.toBytes() + MULTIPART_FRAMING;
        GatewayFilter guard = (exchange, chain) -> exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance).cast(JwtAuthenticationToken.class)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(token -> {
                    if (token.isEmpty() || !signedIn(token.get())) {
                        return problem(exchange, ErrorCode.UNAUTHENTICATED, "上传材料需要先登录（群众或工作人员）", null);
                    }
                    String caller = CallerKey.of(token.get().getToken(), exchange.getRequest().getRemoteAddress());
                    return limits.admit(caller).flatMap(admission -> {
                        if (admission.operationsThisMinute() > limitProps.perMinute()) {
                            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
                            return problem(exchange, ErrorCode.RATE_LIMITED,
                                    "请求过于频繁（每分钟最多 " + limitProps.perMinute() + " 次），请稍后再试", null);
                        }
                        long declared = exchange.getRequest().getHeaders().getContentLength();
                        if (declared > maxBody) return tooLarge(exchange, maxBytes);
                        ServerHttpRequest upstream = counted(exchange.getRequest().mutate().uri(upstreamUri).build(), maxBody);
                        return chain.filter(exchange.mutate().request(upstream).build())
                                .onErrorResume(TooLarge.class, e -> exchange.getResponse().isCommitted()
                                        ? Mono.error(e) : tooLarge(exchange, maxBytes));
                    });
                });
        return routes.routes()
                .route("uploads", r -> r.path("/uploads").and().method(HttpMethod.POST)
                        .filters(f -> f.filter(guard)).uri(caseService))
                .build();
    }

    private static boolean signedIn(JwtAuthenticationToken token) {
        try {
            Caller.of(token.getToken());   // a token of the citizen or staff realm (the gateway trusts no other issuer)
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ServerHttpRequest counted(ServerHttpRequest request, long max) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        throw new TooLarge();
                    }
                    return buffer;
                });
            }
        };
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, DataSize max) {
        return problem(exchange, ErrorCode.REQUEST_TOO_LARGE, "文件超过 " + max.toMegabytes() + " MB 上限", "file");
    }

    /** An RFC 9457 problem in the services' format (code, field), as case-service's own refusals come back. */
    private static Mono<Void> problem(ServerWebExchange exchange, ErrorCode code, String detail, String field) {
        var p = ProblemDetails.of(code, detail, field, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        if (p.getProperties() != null) body.putAll(p.getProperties());
        var res = exchange.getResponse();
        res.setStatusCode(HttpStatus.valueOf(code.status()));
        res.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // the client may still be sending: tell it this connection is done
        res.getHeaders().setConnection("close");
        return res.writeWith(Mono.just(res.bufferFactory().wrap(JSON.writeValueAsBytes(body))));
    }
}
