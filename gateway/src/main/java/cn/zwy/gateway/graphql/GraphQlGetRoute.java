package cn.zwy.gateway.graphql;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.limits.TransportLimits;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
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
 * spec describes: {@code ?query=…&variables=…&operationName=…}, and as automatic persisted
 * query by hash alone ({@code ?extensions={"persistedQuery":{"version":1,"sha256Hash":"…"}}}:
 * a short URL a CDN can cache; an unknown hash answers {@code PersistedQueryNotFound} as over
 * POST). Only queries: a mutation over GET is refused with 405, so a link or a prefetch can
 * never change data — also when it is named by its hash.
 */
@Configuration
public class GraphQlGetRoute {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    /** Ahead of Spring GraphQL's own route, which answers GET with 405. */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlGet(WebGraphQlHandler handler, JsonMapper json, DocumentCache documents) {
        return RouterFunctions.route().GET("/graphql", req -> handle(req, handler, json, documents)).build();
    }

    private Mono<ServerResponse> handle(ServerRequest req, WebGraphQlHandler handler, JsonMapper json, DocumentCache documents) {
        Map<String, Object> extensions;
        try {
            extensions = req.queryParam("extensions").filter(s -> !s.isBlank())
                    .map(s -> json.readValue(s, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {}))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "extensions 不是合法的 JSON 对象");
        }
        String query = req.queryParam("query").filter(s -> !s.isBlank()).orElse(null);
        // by hash alone: the registered text decides whether it is a query; an unknown hash goes on
        // to the document cache, which answers PersistedQueryNotFound (or refuses a malformed hash)
        String checked = query != null ? query : documents.registeredText(hashOf(extensions)).orElse(null);
        if (query == null && extensions.get("persistedQuery") == null) {
            return error(HttpStatus.BAD_REQUEST, "缺少 query 参数");
        }
        String opName = req.queryParam("operationName").filter(s -> !s.isBlank()).orElse(null);
        if (checked != null) {
            Document doc;
            try {
                doc = Parser.parse(checked);
            } catch (InvalidSyntaxException e) {
                return error(HttpStatus.BAD_REQUEST, "GraphQL 语法错误: " + e.getMessage());
            }
            if (mutates(doc, opName)) {
                return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", HttpMethod.POST.name())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(GraphQlErrors.body(ErrorCode.VALIDATION, "GET 只能用于查询，修改请使用 POST"));
            }
        }
        return execute(req, handler, json, query, opName, extensions);
    }

    private static String hashOf(Map<String, Object> extensions) {
        return extensions.get("persistedQuery") instanceof Map<?, ?> pq && pq.get("sha256Hash") instanceof String h ? h : null;
    }

    private static boolean mutates(Document doc, String opName) {
        return doc.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> opName == null || opName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }

    private Mono<ServerResponse> execute(ServerRequest req, WebGraphQlHandler handler, JsonMapper json, String query,
                                         String opName, Map<String, Object> extensions) {
        Map<String, Object> variables;
        try {
            variables = req.queryParam("variables").filter(s -> !s.isBlank())
                    .map(s -> json.readValue(s, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {}))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "variables 不是合法的 JSON 对象");
        }
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("query", query != null ? query : PersistedQuerySupport.PERSISTED_QUERY_MARKER);
        if (opName != null) body.put("operationName", opName);
        body.put("variables", variables);
        if (!extensions.isEmpty()) body.put("extensions", extensions);
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
