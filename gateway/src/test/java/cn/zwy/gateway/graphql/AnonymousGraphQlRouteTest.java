package cn.zwy.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The route for anonymous GraphQL POSTs (ADR 0044) on a real Reactor Netty server, with Spring GraphQL's real handler
 * over a small schema: which requests it takes (the rest must reach Spring's stack, where credentials are checked),
 * what it answers, the security context the fields see, and the observation the alerts count. The system test
 * {@code GraphQlOverHttpTest.anonymousPostsAnswerAsTheSpringPathDoes} compares it with the Spring path on the platform.
 */
class AnonymousGraphQlRouteTest {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static DisposableServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        String sdl = "type Query { who: String  ping: Boolean }";
        // the field reports the authentication the request runs with, as a resolver's @AuthenticationPrincipal would see it
        DataFetcher<Mono<String>> who = env -> ReactiveSecurityContextHolder.getContext()
                .map(c -> c.getAuthentication().getClass().getSimpleName() + ":" + c.getAuthentication().getName())
                .defaultIfEmpty("none");
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(sdl.getBytes()))
                .configureRuntimeWiring(b -> b.type("Query", t -> t.dataFetcher("who", who).dataFetcher("ping", env -> true)))
                .build();
        WebGraphQlHandler handler = WebGraphQlHandler.builder(new DefaultExecutionGraphQlService(source)).build();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(METERS));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("handler", handler, "observations", observations));
        AnonymousGraphQlRoute route = new AnonymousGraphQlRoute(beans.getBeanProvider(WebGraphQlHandler.class), JSON,
                beans.getBeanProvider(ObservationRegistry.class));
        server = HttpServer.create().host("127.0.0.1").port(0).route(route::apply).bindNow();
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
    }

    private static HttpResponse<String> post(String body, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) b.header("Accept", accept);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) h.add(pairs[i], pairs[i + 1]);
        return h;
    }

    private static final String[] PLAIN = {"Content-Type", "application/json", "Content-Length", "40"};

    @Test
    void takesOnlyPlainJsonPostsWithoutCredentials() {
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers(PLAIN))).isTrue();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql",
                headers("Content-Type", "application/json; charset=UTF-8", "Content-Length", "40",
                        "Accept", "application/graphql-response+json"))).isTrue();
        // anything carrying a credential, or from a browser's page, goes through Spring Security and CORS
        for (String[] credential : new String[][] {{"Authorization", "Bearer x"}, {"Authorization", "Basic eDp4"},
                {"Cookie", "a=b"}, {"Origin", "https://evil.example"}}) {
            HttpHeaders h = headers(PLAIN);
            h.add(credential[0], credential[1]);
            assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", h)).as(credential[0]).isFalse();
        }
        // other paths, methods, bodies the codec would refuse or read otherwise, and answers Spring would refuse
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.GET, "/graphql", headers(PLAIN))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql?x=1", headers(PLAIN))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql/", headers(PLAIN))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json",
                "Content-Length", String.valueOf(AnonymousGraphQlRoute.MAX_BODY + 1)))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json",
                "Transfer-Encoding", "chunked"))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json"))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json",
                "Content-Length", "40", "Content-Length", "41"))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/graphql",
                "Content-Length", "40"))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json;charset=ISO-8859-1",
                "Content-Length", "40"))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json",
                "Content-Length", "40", "Accept", "application/xml"))).isFalse();
        assertThat(AnonymousGraphQlRoute.takes(HttpMethod.POST, "/graphql", headers("Content-Type", "application/json",
                "Content-Length", "40", "Accept", "not a type"))).isFalse();
    }

    /** The answer's media type as Spring GraphQL's GraphQlHttpHandler picks it. */
    @Test
    void answersInTheMediaTypeSpringGraphQlWouldChoose() {
        assertThat(AnonymousGraphQlRoute.answerType(List.of())).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(AnonymousGraphQlRoute.answerType(List.of("*/*"))).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(AnonymousGraphQlRoute.answerType(List.of("application/graphql-response+json")))
                .isEqualTo(MediaType.parseMediaType("application/graphql-response+json"));
        assertThat(AnonymousGraphQlRoute.answerType(List.of("application/json, application/graphql-response+json")))
                .isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(AnonymousGraphQlRoute.answerType(List.of("application/graphql-response+json;q=0.9, application/json")))
                .isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void fieldsRunWithSpringSecuritysAnonymousCaller() throws Exception {
        HttpResponse<String> r = post("{\"query\":\"{ who }\"}", "application/graphql-response+json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/graphql-response+json");
        assertThat(JSON.readTree(r.body()).at("/data/who").asString()).isEqualTo("AnonymousAuthenticationToken:anonymousUser");
        // Spring Security's headers and the Vary of Spring's CORS handling, as on the Spring path
        for (Map.Entry<String, String> h : AnonymousGraphQlRoute.HEADERS) {
            assertThat(r.headers().allValues(h.getKey())).as(h.getKey()).contains(h.getValue());
        }
    }

    @Test
    void aRequestErrorIs400InGraphqlResponseJsonAnd200InJson() throws Exception {
        HttpResponse<String> strict = post("{\"query\":\"{ nosuch }\"}", "application/graphql-response+json");
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(strict.body()).at("/errors/0/message").asString()).contains("nosuch");
        HttpResponse<String> legacy = post("{\"query\":\"{ nosuch }\"}", "application/json");
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(legacy.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void aBodyThatIsNoGraphqlRequestIs400WithItsReason() throws Exception {
        for (String body : new String[] {"{\"query\":", "[1]", "null", "", "{\"variables\":{}}"}) {
            HttpResponse<String> r = post(body, null);
            assertThat(r.statusCode()).as(body + ": " + r.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body()).at("/errors/0");
            assertThat(error.at("/extensions/code").asString()).as(body).isEqualTo("VALIDATION");
            assertThat(error.at("/message").asString()).as(body).contains("GraphQL");
        }
    }

    /** The meter the Helm chart's alerts read, with the tag keys Spring's own server observation gives it. */
    @Test
    void everyRequestIsObservedAsHttpServerRequests() throws Exception {
        post("{\"query\":\"{ ping }\"}", null);
        Meter timer = METERS.find("http.server.requests").tag("uri", "/graphql").tag("status", "200").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("error", "exception", "method", "outcome", "status", "uri");
        assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
        assertThat(timer.getId().getTag("method")).isEqualTo("POST");
    }
}
