package cn.zwy.gateway.limits;

import cn.zwy.gateway.graphql.GraphQlErrors;
import cn.zwy.common.error.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The two transports with their limits: over HTTP, RATE_LIMITED answers 429 and a body over
 * the codec's 256 KB (or a document with too many tokens) 413, in the GraphQL error format; a
 * WebSocket connection is counted per caller across instances (Redis) and refused beyond
 * {@code ws-connections-per-caller} with close status 4429.
 */
@Configuration
public class TransportLimits {

    /** The HTTP status for a GraphQL response: the limits' own codes get theirs, the rest as Spring GraphQL decides. */
    public static Optional<HttpStatus> statusOf(WebGraphQlResponse response) {
        for (ResponseError e : response.getErrors()) {
            Object code = e.getExtensions().get("code");
            if (ErrorCode.RATE_LIMITED.name().equals(code)) return Optional.of(HttpStatus.TOO_MANY_REQUESTS);
            if (ErrorCode.REQUEST_TOO_LARGE.name().equals(code)) return Optional.of(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        return Optional.empty();
    }

    /**
     * The status of a GraphQL answer over HTTP POST: the limits' own, else Spring GraphQL's rule (GraphQlHttpHandler):
     * 400 for an answer without data in {@code application/graphql-response+json}, 200 otherwise. One rule for the
     * Spring path and the route in front of it (AnonymousGraphQlRoute).
     */
    public static HttpStatus statusOf(WebGraphQlResponse response, MediaType mediaType) {
        return statusOf(response).orElseGet(() -> !response.getExecutionResult().isDataPresent()
                && MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(mediaType) ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
    }

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        return new GraphQlHttpHandler(handler) {
            @Override
            public Mono<ServerResponse> handleRequest(ServerRequest request) {
                // an empty body: Spring GraphQL would answer an empty 200
                return super.handleRequest(request).switchIfEmpty(Mono.error(() -> new ServerWebInputException("empty body")))
                        .onErrorResume(TransportLimits::tooLarge, e -> ServerResponse
                        .status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(GraphQlErrors.body(ErrorCode.REQUEST_TOO_LARGE, "请求体超过 256 KB")))
                        .onErrorResume(TransportLimits::malformed, e -> ServerResponse.status(HttpStatus.BAD_REQUEST)
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(GraphQlErrors.body(ErrorCode.VALIDATION, MALFORMED)));
            }

            @Override
            protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
                return statusOf(response, mediaType);
            }
        };
    }

    /** A body that is not a GraphQL request, answered alike by both paths (instead of Spring Boot's error page). */
    public static final String MALFORMED = "请求体不是合法的 GraphQL 请求：应为含 query 的 JSON 对象";

    private static boolean malformed(Throwable e) {
        return e instanceof ServerWebInputException || e instanceof DecodingException;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException) return true;
        }
        return false;
    }

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
                                                    GraphQlProperties properties, RedisLimits limits) {
        String instance = UUID.randomUUID().toString();
        return new GraphQlWebSocketHandler(handler, codecs, properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive()) {
            @Override
            public Mono<Void> handle(WebSocketSession session) {
                HandshakeInfo info = session.getHandshakeInfo();
                String member = instance + ":" + session.getId();
                return info.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(p -> CallerKey.of(p.orElse(null), info.getRemoteAddress()))
                        .flatMap(caller -> limits.connect(caller, member).flatMap(open -> {
                            if (!open) return session.close(new CloseStatus(4429, "Too many connections"));
                            // keeps the connection counted while it lives; a dead instance's connections drop out
                            Disposable alive = Flux.interval(RedisLimits.CONNECTION_STALE_AFTER.dividedBy(3))
                                    .concatMap(i -> limits.touch(caller, member)).subscribe();
                            return super.handle(session).doFinally(s -> {
                                alive.dispose();
                                limits.disconnect(caller, member).subscribe();
                            });
                        }));
            }
        };
    }
}
