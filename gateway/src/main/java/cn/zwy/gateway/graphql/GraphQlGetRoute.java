package cn.zwy.gateway.graphql;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.limits.TransportLimits;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP GET (cacheable reads for the mini-program), as the GraphQL-over-HTTP
 * spec describes: {@code ?query=…&variables=…&operationName=…}. Only queries: a mutation
 * over GET is refused with 405, so a link or a prefetch can never change data.
 */
@Configuration
public class GraphQlGetRoute {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    /** Ahead of Spring GraphQL's own route, which answers GET with 405. */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlGet(WebGraphQlHandler handler, JsonMapper json) {
        return RouterFunctions.route().GET("/graphql", req -> handle(req, handler, json)).build();
    }

    private Mono<ServerResponse> handle(ServerRequest req, WebGraphQlHandler handler, JsonMapper json) {
        String query = req.queryParam("query").orElse(null);
        if (query == null || query.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "缺少 query 参数");
        }
        Document doc;
        try {
            doc = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return error(HttpStatus.BAD_REQUEST, "GraphQL 语法错误: " + e.getMessage());
        }
        String opName = req.queryParam("operationName").filter(s -> !s.isBlank()).orElse(null);
        boolean mutates = doc.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> opName == null || opName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
        if (mutates) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", HttpMethod.POST.name())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(GraphQlErrors.body(ErrorCode.VALIDATION, "GET 只能用于查询，修改请使用 POST"));
        }
        Map<String, Object> variables;
        try {
            variables = req.queryParam("variables").filter(s -> !s.isBlank())
                    .map(s -> json.readValue(s, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {}))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "variables 不是合法的 JSON 对象");
        }
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("query", query);
        if (opName != null) body.put("operationName", opName);
        body.put("variables", variables);
        WebGraphQlRequest request = new WebGraphQlRequest(req.uri(), req.headers().asHttpHeaders(),
                req.cookies(), req.remoteAddress().orElse(null), req.attributes(), body,
                UUID.randomUUID().toString(), req.exchange().getLocaleContext().getLocale());
        return handler.handleRequest(request).flatMap(res -> ServerResponse
                .status(TransportLimits.statusOf(res).orElse(HttpStatus.OK))
                .headers(h -> h.putAll(res.getResponseHeaders()))
                .contentType(acceptsLegacyJson(req) ? MediaType.APPLICATION_JSON : GRAPHQL_RESPONSE)
                .bodyValue(json.writeValueAsString(res.toMap())));
    }

    private static boolean acceptsLegacyJson(ServerRequest req) {
        return req.headers().accept().stream().anyMatch(m -> m.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                && req.headers().accept().stream().noneMatch(m -> m.equalsTypeAndSubtype(GRAPHQL_RESPONSE));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(GRAPHQL_RESPONSE).bodyValue(GraphQlErrors.body(ErrorCode.VALIDATION, message));
    }


}
