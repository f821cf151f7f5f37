package cn.zwy.gateway.graphql;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * A subscription's stream that fails after it started (a service refused it, e.g. NOT_FOUND for another
 * citizen's case, or went away) ends with a graphql-ws {@code error} message in the one error format,
 * as {@link GraphQlErrors} does for fields.
 */
@Component
public class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        Map<String, Object> ext = new LinkedHashMap<>();
        if (ex instanceof ApiException e) {
            ext.put("code", e.code().name());
            if (e.field() != null) ext.put("field", e.field());
            if (e.rule() != null) ext.put("rule", e.rule());
            return GraphqlErrorBuilder.newError().message(e.getMessage()).extensions(ext).build();
        }
        if (ex instanceof AuthenticationException) {
            // no or anonymous authentication reaching a subscription that needs a caller
            ext.put("code", ErrorCode.UNAUTHENTICATED.name());
            return GraphqlErrorBuilder.newError().message("需要登录后访问").extensions(ext).build();
        }
        if (ex instanceof AccessDeniedException) {
            ext.put("code", ErrorCode.FORBIDDEN.name());
            return GraphqlErrorBuilder.newError().message("无权执行此操作").extensions(ext).build();
        }
        log.warn("subscription ended by a failure: {}", ex.toString());
        ext.put("code", "UNAVAILABLE");
        return GraphqlErrorBuilder.newError().message("实时更新暂时不可用，请稍后重新订阅").extensions(ext).build();
    }
}
