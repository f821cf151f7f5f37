package cn.zwy.gateway.limits;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.gateway.security.SocketSignIn;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL operation passes here, whatever the transport (POST, GET, each {@code subscribe}
 * message on a WebSocket) and whatever spelling of the path reached the endpoint, so the limits
 * cannot be sidestepped by the URL: each operation is counted per caller and minute, its cost
 * budget is read from the caller's bucket (shared through Redis: {@link CallerLedger}) and debited after it ran, and the
 * cost is reported in {@code extensions.cost}. On a WebSocket at most
 * {@code ws-operations-per-connection} operations (subscriptions) run at once. Also sets, per
 * operation, the parser's token limit and whether introspection is allowed (staff always; others
 * only where {@code zwy.limits.public-introspection} is on, i.e. the local demo).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OperationLimits implements WebSocketGraphQlInterceptor {

    /** Enough for any real document of this API (the largest are a few hundred); 100k aliases are refused while parsing. */
    static final int MAX_TOKENS = 5_000;
    private static final ParserOptions PARSER = ParserOptions.getDefaultOperationParserOptions()
            .transform(b -> b.maxTokens(MAX_TOKENS));

    private final CallerLedger limits;
    private final LimitsProperties props;
    /** There is one WebSocket interceptor per application (Spring GraphQL): the sign-in of a browser's socket is asked from here. */
    private final SocketSignIn signIn;
    /** Operations running per WebSocket connection of this instance. */
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    public OperationLimits(CallerLedger limits, LimitsProperties props, SocketSignIn signIn) {
        this.limits = limits;
        this.signIn = signIn;
        this.props = props;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return jwt(request).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(token -> {
            Jwt jwt = token.orElse(null);
            String caller = CallerKey.of(jwt, request instanceof WebSocketGraphQlRequest ws
                    ? ws.getSessionInfo().getRemoteAddress() : request.getRemoteAddress());
            return limits.admit(caller).flatMap(admission -> {
                if (admission.operationsThisMinute() > props.perMinute()) {
                    return Mono.just(refused(request, "请求过于频繁（每分钟最多 " + props.perMinute() + " 次），请稍后再试"));
                }
                AtomicInteger onConnection = request instanceof WebSocketGraphQlRequest ws
                        ? running.computeIfAbsent(ws.getSessionInfo().getId(), id -> new AtomicInteger()) : null;
                if (onConnection != null && onConnection.incrementAndGet() > props.wsOperationsPerConnection()) {
                    onConnection.decrementAndGet();
                    return Mono.just(refused(request, "每个连接同时最多进行 " + props.wsOperationsPerConnection() + " 个订阅"));
                }
                CostBudget budget = new CostBudget(admission.available());
                boolean introspection = props.publicIntrospection() || (jwt != null && Caller.of(jwt).realm() == Realm.STAFF);
                request.configureExecutionInput((input, builder) -> {
                    input.getGraphQLContext().put(CostBudget.class, budget);
                    input.getGraphQLContext().put(ParserOptions.class, PARSER);
                    if (!introspection) input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
                    return input;
                });
                return chain.next(request)
                        .contextWrite(c -> request instanceof WebSocketGraphQlRequest ws ? SocketSignIn.withCaller(c, ws.getSessionInfo()) : c)
                        .doOnError(e -> release(onConnection))
                        .map(response -> completed(response, caller, budget, onConnection));
            });
        });
    }

    /** The web apps' WebSocket sign-in: the access token in the {@code connection_init} payload ({@link SocketSignIn}). */
    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
        return signIn.connectionInit(sessionInfo, payload);
    }

    private static Mono<Jwt> jwt(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest ws) {
            Jwt signedIn = SocketSignIn.jwt(ws.getSessionInfo());
            if (signedIn != null) return Mono.just(signedIn);
            return ws.getSessionInfo().getPrincipal()
                    .mapNotNull(p -> p instanceof JwtAuthenticationToken t ? t.getToken() : null);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Jwt j ? j : null);
    }

    private WebGraphQlResponse completed(WebGraphQlResponse response, String caller, CostBudget budget, AtomicInteger onConnection) {
        if (budget.admitted && budget.requested > 0) limits.debit(caller, budget.requested);
        boolean rewrite = response.getErrors().stream().anyMatch(OperationLimits::clearer);
        WebGraphQlResponse out = response.transform(b -> {
            if (rewrite) b.errors(response.getErrors().stream().map(OperationLimits::clear).toList());
            if (budget.requested >= 0) b.extensions(withCost(response.getExtensions(), budget));
            if (onConnection != null) {
                Object data = response.getData();
                if (data instanceof Publisher<?> stream) {
                    b.data(Flux.from(stream).doFinally(s -> release(onConnection)));
                } else {
                    release(onConnection);
                }
            }
        });
        if (out.getErrors().stream().anyMatch(e -> ErrorCode.RATE_LIMITED.name().equals(e.getExtensions().get("code")))) {
            out.getResponseHeaders().set("Retry-After", "60");
        }
        return out;
    }

    private static void release(AtomicInteger onConnection) {
        if (onConnection != null) onConnection.decrementAndGet();
    }

    private Map<Object, Object> withCost(Map<Object, Object> extensions, CostBudget budget) {
        Map<Object, Object> ext = new LinkedHashMap<>(extensions);
        long left = budget.admitted ? budget.available - budget.requested : budget.available;
        ext.put("cost", Map.of(
                "requestedQueryCost", budget.requested,
                "maximumQueryCost", props.costMax(),
                "throttleStatus", Map.of(
                        "maximumAvailable", props.costBucket(),
                        "currentlyAvailable", Math.max(0, left),
                        "restoreRate", props.costRestorePerSecond())));
        return ext;
    }

    /** Errors of the GraphQL engine that deserve our specific code rather than a generic VALIDATION. */
    private static boolean clearer(ResponseError e) {
        String type = String.valueOf(e.getErrorType());
        return type.equals("IntrospectionDisabled")
                || (type.equals("InvalidSyntax") && e.getMessage() != null && e.getMessage().contains("parsing has been cancelled"));
    }

    private static GraphQLError clear(ResponseError e) {
        if (!clearer(e)) return toError(e, e.getMessage(), e.getExtensions());
        boolean introspection = String.valueOf(e.getErrorType()).equals("IntrospectionDisabled");
        Map<String, Object> ext = new LinkedHashMap<>(e.getExtensions());
        ext.put("code", introspection ? ErrorCode.FORBIDDEN.name() : ErrorCode.REQUEST_TOO_LARGE.name());
        return toError(e, introspection ? "此环境只向工作人员开放 schema 内省；公开的 schema 见 graphql-schema 模块的 SDL"
                : "GraphQL 文档过大（最多 " + MAX_TOKENS + " 个词法单元），请拆分查询", ext);
    }

    private static GraphQLError toError(ResponseError e, String message, Map<String, Object> ext) {
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(message).extensions(ext).errorType(e.getErrorType());
        if (e.getLocations() != null) b.locations(e.getLocations());
        if (e.getParsedPath() != null && !e.getParsedPath().isEmpty()) b.path(e.getParsedPath());
        return b.build();
    }

    /** An operation refused before it was parsed: nothing ran. */
    private static WebGraphQlResponse refused(WebGraphQlRequest request, String message) {
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .message(message).extensions(Map.of("code", ErrorCode.RATE_LIMITED.name())).build()).build();
        WebGraphQlResponse response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
        response.getResponseHeaders().set("Retry-After", "60");
        return response;
    }

    @Override
    public void handleConnectionClosed(WebSocketSessionInfo sessionInfo, int statusCode, Map<String, Object> payload) {
        running.remove(sessionInfo.getId());
    }
}
