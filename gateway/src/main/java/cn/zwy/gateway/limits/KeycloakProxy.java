package cn.zwy.gateway.limits;

import cn.zwy.gateway.upstream.LoopLocal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.resources.ConnectionProvider;

/**
 * Keycloak's sign-in endpoints through the one public entry point, proxied by Reactor Netty itself,
 * in front of Spring's web stack: a proxied request is Keycloak's work plus a header copy, not a
 * pass through Spring WebFlux, Spring Security and Spring Cloud Gateway's filter chains (which cost
 * 5–9× what nginx adds per request: docs/benchmarks/gateway.md, ADR 0011). What may pass is decided
 * by {@link KeycloakRoutes} on the raw path; anything else under {@code /realms/} or
 * {@code /resources/} is answered 404 here and never reaches Keycloak. Sign-in posts are counted
 * per client address in Redis across instances ({@code token-per-minute}); every proxied request is
 * timed ({@code gateway.keycloak.requests}). Each event loop has its own connections to Keycloak ({@link LoopLocal}), and
 * a small answer goes back in one write: together a third less CPU per proxied request (ADR 0039).
 */
@Component
public class KeycloakProxy implements NettyRouteProvider {

    private static final Logger log = LoggerFactory.getLogger(KeycloakProxy.class);

    /** Connection-level headers of one hop, never passed on (RFC 9110 §7.6.1), and Host, which is the upstream's. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private static final byte[] TOO_MANY = "{\"error\":\"too_many_requests\",\"error_description\":\"登录请求过于频繁，请一分钟后再试\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_ROUTED = "{\"error\":\"not_found\",\"error_description\":\"此地址不对外开放\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNREACHABLE = "{\"error\":\"temporarily_unavailable\",\"error_description\":\"认证服务暂时无法访问，请稍后再试\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** Answers up to this size are read whole and written in one go (small()). */
    private static final int BUFFERED_MAX = 64 * 1024;

    private final LoopLocal<HttpClient> keycloak;
    private final RedisLimits limits;
    private final LimitsProperties props;
    private final MeterRegistry meters;
    /** One timer per status code, registered once (registering sorts tags: not on every request). */
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    public KeycloakProxy(@Value("${zwy.keycloak-url}") String keycloakUrl, RedisLimits limits, LimitsProperties props,
                         MeterRegistry meters) {
        URI base = URI.create(keycloakUrl);
        // a pool per event loop: the request, its call to Keycloak and the answer stay on one thread (LoopLocal)
        this.keycloak = new LoopLocal<>("keycloak", pool -> HttpClient.create(ConnectionProvider.builder(pool)
                        .maxConnections(200).maxIdleTime(Duration.ofSeconds(30)).build())
                .baseUrl(keycloakUrl)
                .responseTimeout(Duration.ofSeconds(30))
                // the request's Host is Keycloak's own, as with any reverse proxy without forwarded headers:
                // Keycloak's hostname is fixed in its configuration, so it never builds URLs from ours
                .headers(h -> h.set(HttpHeaderNames.HOST, base.getAuthority())));
        this.limits = limits;
        this.props = props;
        this.meters = meters;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(KeycloakProxy::isKeycloakPath, this::handle);
    }

    private static boolean isKeycloakPath(HttpServerRequest request) {
        String uri = request.uri();
        return uri.startsWith("/realms/") || uri.startsWith("/resources/");
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        HttpMethod method = HttpMethod.valueOf(request.method().name());
        if (!KeycloakRoutes.routed(rawPath, method)) return answer(response, HttpResponseStatus.NOT_FOUND, NOT_ROUTED);
        if (!KeycloakRoutes.isSignIn(rawPath, method)) return proxy(request, response, uri);
        return limits.countSignIn(CallerKey.address(request.remoteAddress())).flatMap(n -> {
            if (n > props.tokenPerMinute()) {
                response.header("Retry-After", "60");
                return answer(response, HttpResponseStatus.TOO_MANY_REQUESTS, TOO_MANY);
            }
            return proxy(request, response, uri);
        });
    }

    private Mono<Void> proxy(HttpServerRequest request, HttpServerResponse response, String uri) {
        long start = System.nanoTime();
        HttpHeaders in = request.requestHeaders();
        String length = in.get(HttpHeaderNames.CONTENT_LENGTH);
        boolean hasBody = length != null ? !length.trim().equals("0") : in.containsValue(HttpHeaderNames.TRANSFER_ENCODING, "chunked", true);
        return keycloak.get()
                .request(request.method())
                .uri(uri)
                .send((out, body) -> {
                    copy(request.requestHeaders(), out.requestHeaders());
                    return hasBody ? body.send(request.receive().retain()) : body;
                })
                .response((upstream, body) -> {
                    response.status(upstream.status());
                    copy(upstream.responseHeaders(), response.responseHeaders());
                    // a small answer of known length (keys, tokens, discovery) goes out in one write with its
                    // headers, as nginx does, instead of a write and a flush per chunk; larger ones stream
                    boolean whole = !"HEAD".equals(request.method().name()) && small(upstream.responseHeaders());
                    return response.send(whole ? body.aggregate().retain() : body.retain());
                })
                .then()
                .doOnTerminate(() -> timer(response.status().code()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS))
                .onErrorResume(e -> {
                    log.warn("Keycloak unreachable for {} {}: {}", request.method(), uri, e.toString());
                    return response.hasSentHeaders() ? Mono.error(e)
                            : answer(response, HttpResponseStatus.BAD_GATEWAY, UNREACHABLE);
                });
    }

    /** At most {@link #BUFFERED_MAX} bytes, by the upstream's Content-Length (none, or not a number: streamed). */
    private static boolean small(HttpHeaders headers) {
        Integer length = headers.getInt(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && length >= 0 && length <= BUFFERED_MAX;
    }

    private Timer timer(int status) {
        return timers.computeIfAbsent(status, s -> Timer.builder("gateway.keycloak.requests")
                .description("requests passed to Keycloak").tag("status", String.valueOf(s)).register(meters));
    }

    /** The end-to-end headers, replacing any default of the same name (a client's own user agent, accept…). */
    private static void copy(HttpHeaders from, HttpHeaders to) {
        for (String name : from.names()) {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) to.set(name, from.getAll(name));
        }
    }

    private static Mono<Void> answer(HttpServerResponse response, HttpResponseStatus status, byte[] body) {
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
                .sendByteArray(Mono.just(body)).then();
    }
}
