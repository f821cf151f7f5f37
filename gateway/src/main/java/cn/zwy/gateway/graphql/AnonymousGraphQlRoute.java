package cn.zwy.gateway.graphql;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.limits.TransportLimits;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL requests that carry no credential, served by Reactor Netty in front of Spring WebFlux (ADR 0044), as the
 * Keycloak route is (ADR 0011). They are most of the traffic: the app's and the mini-program's public reads. For them
 * Spring Security's chain decides nothing (every exchange is permitted, there is no token to check), yet WebFlux, the
 * chain and their codecs were a third of the gateway's CPU on a one-field read (docs/benchmarks/gateway.md).
 *
 * <p>Only a plain JSON {@code POST /graphql} without {@code Authorization}, {@code Cookie} or {@code Origin} (browsers
 * keep Spring's CORS handling), with a length the codec would accept, is taken here; everything else goes on to
 * Spring as before. What makes the decisions is the same: the request runs through Spring GraphQL's own
 * {@link WebGraphQlHandler}, so the rate limits, the cost and depth limits, the persisted queries and the error codes
 * apply unchanged, with the anonymous security context Spring Security would have set. The answer gets the status,
 * the media type and the headers the Spring path gives ({@code AnonymousGraphQlRouteTest} and the system test
 * {@code anonymousPostsAnswerAsTheSpringPathDoes} compare them), and the request its {@code http.server.requests}
 * observation, which the Helm chart's alerts count.
 */
@Component
public class AnonymousGraphQlRoute implements NettyRouteProvider {

    private static final Logger log = LoggerFactory.getLogger(AnonymousGraphQlRoute.class);

    static final String PATH = "/graphql";
    private static final URI URI_ = URI.create(PATH);
    /** Spring's codecs read at most this much of a body (the Spring path answers 413 beyond it: TransportLimits). */
    static final int MAX_BODY = 256 * 1024;

    /** The media types Spring GraphQL's HTTP handler answers with, in its order (GraphQlHttpHandler). */
    private static final List<MediaType> SUPPORTED = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/graphql"));

    /**
     * The headers the Spring path writes on every answer: Spring Security's defaults (GatewaySecurityConfig keeps them)
     * and the Vary of Spring's CORS handling. Compared with the Spring path's by the tests.
     */
    static final List<Map.Entry<String, String>> HEADERS = List.of(
            Map.entry("Vary", "Origin"),
            Map.entry("Vary", "Access-Control-Request-Method"),
            Map.entry("Vary", "Access-Control-Request-Headers"),
            Map.entry("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
            Map.entry("Pragma", "no-cache"),
            Map.entry("Expires", "0"),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-Frame-Options", "DENY"),
            Map.entry("X-XSS-Protection", "0"),
            Map.entry("Referrer-Policy", "no-referrer"));

    /** What Spring Security's anonymous filter puts in the context of a request without a token. */
    private static final SecurityContextImpl ANONYMOUS = new SecurityContextImpl(new AnonymousAuthenticationToken(
            UUID.randomUUID().toString(), "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

    private static final ObservationConvention<Exchange> OBSERVATION = new RequestConvention();

    private final ObjectProvider<WebGraphQlHandler> handlers;
    private final JsonMapper json;
    private final ObjectProvider<ObservationRegistry> observations;
    /** Looked up on the first request, not on every one. */
    private volatile WebGraphQlHandler handler;
    private volatile ObservationRegistry registry;

    public AnonymousGraphQlRoute(ObjectProvider<WebGraphQlHandler> handlers, JsonMapper json,
                                 ObjectProvider<ObservationRegistry> observations) {
        // providers: the web server asks for its routes before the GraphQL beans exist
        this.handlers = handlers;
        this.json = json;
        this.observations = observations;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(AnonymousGraphQlRoute::takes, this::handle);
    }

    /** A plain, credential-free JSON POST of a size Spring's codec accepts, to exactly {@value #PATH}. */
    static boolean takes(HttpServerRequest request) {
        return takes(request.method(), request.uri(), request.requestHeaders());
    }

    static boolean takes(HttpMethod method, String uri, HttpHeaders h) {
        if (!HttpMethod.POST.equals(method) || !PATH.equals(uri)) return false;
        // (an "Upgrade: h2c" offer, which Java's HTTP client makes, is declined here as on the Spring path: HTTP/1.1 only)
        if (h.contains(HttpHeaderNames.AUTHORIZATION) || h.contains(HttpHeaderNames.COOKIE) || h.contains(HttpHeaderNames.ORIGIN)
                || h.contains(HttpHeaderNames.TRANSFER_ENCODING)) return false;
        if (!plainJson(h.getAll(HttpHeaderNames.CONTENT_TYPE))) return false;
        List<String> lengths = h.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (lengths.size() != 1) return false;
        try {
            long length = Long.parseLong(lengths.get(0).trim());
            if (length < 0 || length > MAX_BODY) return false;
        } catch (NumberFormatException e) {
            return false;
        }
        return answerType(h.getAll(HttpHeaderNames.ACCEPT)) != null;
    }

    /** {@code application/json}, with no parameter but a UTF-8 charset. */
    static boolean plainJson(List<String> contentTypes) {
        if (contentTypes.size() != 1) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentTypes.get(0));
            if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) return false;
            for (Map.Entry<String, String> p : type.getParameters().entrySet()) {
                if (!p.getKey().equalsIgnoreCase("charset") || !p.getValue().replace("\"", "").equalsIgnoreCase("utf-8")) return false;
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The media type Spring GraphQL would answer with (the first accepted type it supports, else JSON), or null when
     * the Accept header is one the Spring path refuses or cannot parse: those requests go on to it.
     */
    static MediaType answerType(List<String> accept) {
        List<MediaType> accepted;
        try {
            accepted = accept.isEmpty() ? List.of() : MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return null;
        }
        if (!accepted.isEmpty() && accepted.stream().noneMatch(a -> a.isCompatibleWith(MediaType.APPLICATION_JSON)
                || a.isCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE))) return null;
        for (MediaType a : accepted) {
            if (SUPPORTED.contains(a)) return a;
        }
        return MediaType.APPLICATION_JSON;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        MediaType type = answerType(request.requestHeaders().getAll(HttpHeaderNames.ACCEPT));
        Exchange exchange = new Exchange(request);
        Observation observation = Observation.createNotStarted(OBSERVATION, () -> exchange, registry()).start();
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .flatMap(body -> execute(request, body))
                .flatMap(answer -> send(response, TransportLimits.statusOf(answer, type), type, answer.getResponseHeaders(),
                        json.writeValueAsBytes(answer.toMap())))
                .onErrorResume(BadRequest.class, e -> send(response, HttpStatus.BAD_REQUEST, MediaType.APPLICATION_JSON,
                        org.springframework.http.HttpHeaders.EMPTY, GraphQlErrors.body(ErrorCode.VALIDATION, e.getMessage())))
                .onErrorResume(e -> !response.hasSentHeaders(), e -> {
                    log.error("GraphQL request failed", e);
                    observation.error(e);
                    return send(response, HttpStatus.INTERNAL_SERVER_ERROR, MediaType.APPLICATION_JSON,
                            org.springframework.http.HttpHeaders.EMPTY, GraphQlErrors.body(ErrorCode.UNAVAILABLE, "服务暂时不可用，请稍后再试"));
                })
                .doFinally(signal -> {
                    exchange.setResponse(response);
                    observation.stop();
                })
                .contextWrite(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(ANONYMOUS)))
                .contextWrite(c -> c.put(ObservationThreadLocalAccessor.KEY, observation));
    }

    private Mono<WebGraphQlResponse> execute(HttpServerRequest request, byte[] body) {
        WebGraphQlRequest graphQl;
        try {
            // the type Spring GraphQL's codec reads, with the same mapper: the same fields, the same leniency
            SerializableGraphQlRequest read = json.readValue(body, SerializableGraphQlRequest.class);
            if (read == null) return Mono.error(new BadRequest());
            // the request's headers as Spring's own request wraps them, not copied
            graphQl = new WebGraphQlRequest(URI_, new org.springframework.http.HttpHeaders(new Netty4HeadersAdapter(request.requestHeaders())), null, request.remoteAddress(), new HashMap<>(),
                    read, request.requestId(), localeOf(request));
        } catch (JacksonException | ServerWebInputException | IllegalArgumentException | IllegalStateException e) {
            // not JSON, not an object, or no document (Spring GraphQL's own checks)
            return Mono.error(new BadRequest());
        }
        return handler().handleRequest(graphQl);
    }

    private WebGraphQlHandler handler() {
        WebGraphQlHandler h = handler;
        if (h == null) handler = h = handlers.getObject();
        return h;
    }

    private ObservationRegistry registry() {
        ObservationRegistry r = registry;
        if (r == null) registry = r = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        return r;
    }

    /** As Spring's Accept-Language resolver: the first language asked for, else the server's default. */
    static Locale localeOf(HttpServerRequest request) {
        String languages = request.requestHeaders().get(HttpHeaderNames.ACCEPT_LANGUAGE);
        if (languages != null) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(languages);
                if (!ranges.isEmpty() && !ranges.get(0).getRange().equals("*")) return Locale.forLanguageTag(ranges.get(0).getRange());
            } catch (IllegalArgumentException e) {
                // unparseable: as if none was sent
            }
        }
        return Locale.getDefault();
    }

    private static Mono<Void> send(HttpServerResponse response, HttpStatus status, MediaType type,
                                   org.springframework.http.HttpHeaders extra, byte[] body) {
        response.status(status.value());
        HttpHeaders out = response.responseHeaders();
        extra.forEach((name, values) -> out.add(name, values));
        for (Map.Entry<String, String> h : HEADERS) out.add(h.getKey(), h.getValue());
        out.set(HttpHeaderNames.CONTENT_TYPE, type.toString());
        out.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response.sendByteArray(Mono.just(body)).then();
    }

    /** A body that is not a GraphQL request: 400 in the GraphQL error format. */
    static final class BadRequest extends RuntimeException {
        BadRequest() {
            super(TransportLimits.MALFORMED, null, false, false);
        }
    }

    /** The request's observation context: the trace context is read from the request's headers, as Spring's is. */
    static final class Exchange extends RequestReplyReceiverContext<HttpServerRequest, HttpServerResponse> {
        Exchange(HttpServerRequest request) {
            super((carrier, key) -> carrier.requestHeaders().get(key));
            setCarrier(request);
        }
    }

    /**
     * {@code http.server.requests} with the keys of Spring's DefaultServerRequestObservationConvention, so that the meter
     * is the same one the Spring path records (a second set of tag keys under one name is refused by Prometheus).
     */
    static final class RequestConvention implements ObservationConvention<Exchange> {
        @Override
        public String getName() {
            return "http.server.requests";
        }

        @Override
        public String getContextualName(Exchange context) {
            return "http post " + PATH;
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(Exchange context) {
            HttpServerResponse response = context.getResponse();
            int status = response == null ? 0 : response.status().code();
            String outcome = Outcome.forStatus(status).name();
            Throwable error = context.getError();
            return KeyValues.of(KeyValue.of("exception", error == null ? "none" : error.getClass().getSimpleName()),
                    KeyValue.of("method", "POST"), KeyValue.of("outcome", outcome),
                    KeyValue.of("status", status == 0 ? "UNKNOWN" : String.valueOf(status)), KeyValue.of("uri", PATH));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(Exchange context) {
            return KeyValues.of(KeyValue.of("http.url", PATH));
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof Exchange;
        }
    }
}
