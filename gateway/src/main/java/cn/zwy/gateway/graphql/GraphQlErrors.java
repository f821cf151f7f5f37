package cn.zwy.gateway.graphql;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions of field resolvers into GraphQL errors in the one error format:
 * {@code extensions.code} always, {@code extensions.field} and {@code extensions.rule} where
 * known. Unexpected failures are logged and shown without internals.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException e) {
            return error(env, e.code(), e.getMessage(), e.field(), e.rule());
        }
        if (ex instanceof AuthenticationException) {
            // no or anonymous authentication reaching a field that needs a caller
            return error(env, ErrorCode.UNAUTHENTICATED, "需要登录后访问", null, null);
        }
        if (ex instanceof AccessDeniedException) {
            return error(env, ErrorCode.FORBIDDEN, "无权执行此操作", null, null);
        }
        if (cancelled(ex)) {
            // the caller went away (closed the connection): nothing failed, nobody reads the answer
            log.debug("field {} cancelled: {}", env.getExecutionStepInfo().getPath(), ex.toString());
            return error(env, ErrorCode.UNAVAILABLE, "请求已取消", null, null);
        }
        if (unreachable(ex)) {
            log.warn("field {}: a service could not be reached: {}", env.getExecutionStepInfo().getPath(), ex.toString());
            return error(env, ErrorCode.UNAVAILABLE, "服务暂时不可用，请稍后再试", null, null);
        }
        log.error("field {} failed", env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR)
                .message("服务暂时不可用，请稍后再试")
                .extensions(Map.of("code", "INTERNAL")).build();
    }

    private static boolean cancelled(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException || t instanceof reactor.netty.channel.AbortedException) return true;
        }
        return false;
    }

    private static boolean unreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof reactor.netty.http.client.PrematureCloseException
                    || t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message, String field, String rule) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code.name());
        if (field != null) ext.put("field", field);
        if (rule != null) ext.put("rule", rule);
        return GraphqlErrorBuilder.newError(env).errorType(classification(code)).message(message).extensions(ext).build();
    }

    private static ErrorType classification(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            default -> ErrorType.BAD_REQUEST;
        };
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The body of an error answered before GraphQL runs (a web filter, the HTTP transport): the
     * same shape and code vocabulary as the errors of an execution, so a client reads one format.
     */
    public static byte[] body(ErrorCode code, String message) {
        return JSON.writeValueAsBytes(Map.of("errors", java.util.List.of(Map.of("message", message, "extensions", Map.of("code", code.name())))));
    }
}
