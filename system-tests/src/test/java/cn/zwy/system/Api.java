package cn.zwy.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the platform as a client would: GraphQL through the gateway, or a service's REST directly. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {}

    public record Response(int status, String contentType, JsonNode body) {
        public JsonNode data() { return body.get("data"); }

        public JsonNode errors() { return body.get("errors"); }

        /** extensions.code of the first error, or null. */
        public String errorCode() {
            JsonNode e = errors();
            return e == null || e.isEmpty() ? null : e.get(0).path("extensions").path("code").asString(null);
        }

        public String errorField() {
            JsonNode e = errors();
            return e == null || e.isEmpty() ? null : e.get(0).path("extensions").path("field").asString(null);
        }

        /** extensions.rule of the first error (the rule id, e.g. A7), or null. */
        public String errorRule() {
            JsonNode e = errors();
            return e == null || e.isEmpty() ? null : e.get(0).path("extensions").path("rule").asString(null);
        }
    }

    public static Response graphql(String token, String query, Map<String, Object> variables) {
        return graphql(token, query, variables, Map.of());
    }

    public static Response graphql(String token, String query, Map<String, Object> variables, Map<String, String> headers) {
        return graphqlAt(PlatformUnderTest.Service.GATEWAY.url(), token, query, variables, headers);
    }

    /** A GraphQL POST to the gateway at {@code gatewayUrl} (a second gateway of the test, e.g.). */
    public static Response graphqlAt(String gatewayUrl, String token, String query, Map<String, Object> variables,
                                     Map<String, String> headers) {
        var b = HttpRequest.newBuilder(URI.create(gatewayUrl + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        return send(b.build());
    }

    /** A GraphQL POST with a body as given (e.g. only {@code extensions}, as persisted queries are sent). */
    public static Response graphql(String token, Map<String, Object> body) {
        var b = HttpRequest.newBuilder(URI.create(PlatformUnderTest.Service.GATEWAY.url() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    public static Response get(String url, String token) {
        var b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    public static Response patch(String url, String token, Object body) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    public static Response post(String url, String token, Object body) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    public static Response put(String url, String token, Object body) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    public static Response delete(String url, String token) {
        var b = HttpRequest.newBuilder(URI.create(url)).DELETE();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }
}
