package cn.zwy.gateway.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Errors raised by the GraphQL engine itself (a malformed document, an unknown field, a wrong
 * argument type, a missing required argument) get {@code extensions.code = VALIDATION} too, so
 * that clients handle one vocabulary.
 */
@Component
public class ErrorCodeInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().allMatch(e -> e.getExtensions().containsKey("code"))) return response;
            return response.transform(b -> b.errors(response.getErrors().stream().map(ErrorCodeInterceptor::withCode).toList()));
        });
    }

    private static GraphQLError withCode(ResponseError e) {
        Map<String, Object> ext = new LinkedHashMap<>(e.getExtensions());
        ext.putIfAbsent("code", "VALIDATION");
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message(e.getMessage()).extensions(ext)
                .errorType(e.getErrorType());
        if (e.getLocations() != null) b.locations(e.getLocations());
        if (e.getParsedPath() != null && !e.getParsedPath().isEmpty()) b.path(e.getParsedPath());
        return b.build();
    }

}
