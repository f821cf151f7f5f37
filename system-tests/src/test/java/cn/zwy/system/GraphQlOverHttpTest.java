package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The GraphQL-over-HTTP conventions of the public endpoint, and its WebSocket transport. */
@ExtendWith(PlatformUnderTest.class)
class GraphQlOverHttpTest {

    private static String url(String query) {
        return Service.GATEWAY.url() + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void postAnswersWithGraphqlResponseJson() {
        Api.Response r = Api.graphql(null, "{ ping }", Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/graphql-response+json");
        assertThat(r.data().get("ping").asBoolean()).isTrue();
    }

    @Test
    void getRunsQueries() {
        Api.Response r = Api.get(url("{ hall(tenantCode: \"440781\") { name } }"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().at("/hall/name").asString()).isEqualTo("台山市人民政府行政服务中心");
    }

    @Test
    void getNeverRunsMutations() {
        Api.Response r = Api.get(url("mutation { updateHall(input: {tenantCode: \"441825\", phone: \"12345\"}) { hall { phone } } }"),
                Tokens.staff("lianshan.admin"));
        assertThat(r.status()).isEqualTo(405);
    }

    @Test
    void regionTreeShowsWhichRegionsAreTenants_T1() {
        Api.Response provinces = Api.graphql(null, "{ regions { code name level } }", Map.of());
        assertThat(provinces.data().get("regions").size()).isEqualTo(31);
        Api.Response counties = Api.graphql(null, "{ regions(parentCode: \"4418\") { code name level tenant { code status } } }", Map.of());
        JsonNode lianshan = null;
        for (JsonNode n : counties.data().get("regions")) if (n.get("code").asString().equals("441825")) lianshan = n;
        assertThat(lianshan).isNotNull();
        assertThat(lianshan.get("level").asString()).isEqualTo("COUNTY");
        assertThat(lianshan.at("/tenant/status").asString()).isEqualTo("ACTIVE");
        Api.Response towns = Api.graphql(null, "{ regions(parentCode: \"441825\") { code name level tenant { code } } }", Map.of());
        assertThat(towns.data().get("regions").toString()).contains("441825104").contains("吉田镇");
    }

    @Test
    void subscriptionsRunOverWebSocket() throws Exception {
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        CountDownLatch complete = new CountDownLatch(1);
        java.util.concurrent.CompletableFuture<OrderedSends> sends = new java.util.concurrent.CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://127.0.0.1:" + Service.GATEWAY.port + "/graphql"), new WebSocket.Listener() {
                    private final StringBuilder buf = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        buf.append(data);
                        if (last) {
                            JsonNode msg = Api.JSON.readTree(buf.toString());
                            buf.setLength(0);
                            messages.add(msg);
                            String type = msg.get("type").asString();
                            if (type.equals("connection_ack")) {
                                sends.join().text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { clock(count: 2) }\"}}");
                            } else if (type.equals("complete") || type.equals("error")) {
                                complete.countDown();
                            }
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        sends.complete(new OrderedSends(ws));
        sends.join().text("{\"type\":\"connection_init\"}");
        assertThat(complete.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(messages.stream().filter(m -> m.get("type").asString().equals("next")).count()).isEqualTo(2);
        sends.join().close();
    }

    /**
     * graphql-ws sends connection_init the moment the socket opens. A staff handshake finishes on a
     * Redis client thread (revocation check); before WebSocketUpgrade moved it to the connection's
     * event loop, about 1 in 150 such first frames was dropped and the client never got its ack.
     */
    @Test
    void everyStaffConnectionIsAcknowledgedAtOnce() throws Exception {
        String token = Tokens.staff("taishan.admin");
        HttpClient http = HttpClient.newHttpClient();
        int unacknowledged = 0;
        for (int i = 0; i < 400; i++) {
            java.util.concurrent.CompletableFuture<Boolean> ack = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
            WebSocket ws = http.newWebSocketBuilder().subprotocols("graphql-transport-ws").header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + Service.GATEWAY.port + "/graphql"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            if (data.toString().contains("\"connection_ack\"")) ack.complete(true);
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            OrderedSends sends = new OrderedSends(ws);
            sends.text("{\"type\":\"connection_init\"}");
            try {
                ack.get(3, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                unacknowledged++;
            }
            sends.close();
            closed.get(5, TimeUnit.SECONDS);
        }
        assertThat(unacknowledged).as("connections of 400 that never got connection_ack").isZero();
    }

    /**
     * Anonymous POSTs are served in front of Spring WebFlux (ADR 0044); a request with an {@code Origin} still goes through
     * Spring's stack. Both must answer alike: status, media type, the security and Vary headers, and the body (but the
     * cost extension, whose bucket moves between the two requests). Bodies that are not GraphQL requests get the same
     * 400 in the GraphQL error format on both.
     */
    @Test
    void anonymousPostsAnswerAsTheSpringPathDoes() throws Exception {
        String[][] cases = {
                // body, Accept
                {"{\"query\":\"{ hall(tenantCode: \\\"441825\\\") { name phone } }\"}", "application/graphql-response+json"},
                {"{\"query\":\"{ hall(tenantCode: \\\"441825\\\") { name } }\"}", null},
                {"{\"query\":\"{ hall(tenantCode: \\\"441825\\\") { name } }\"}", "*/*"},
                {"{\"query\":\"{ nosuchField }\"}", "application/graphql-response+json"},
                {"{\"query\":\"{ nosuchField }\"}", "application/json"},
                {"{\"query\":\"query($t: ID!) { hall(tenantCode: $t) { name } }\",\"variables\":{\"t\":\"..\"}}", null},
                {"{\"query\":\"{ me { username } }\"}", "application/graphql-response+json"},
                {"{\"query\":\"mutation { updateHall(input: {tenantCode: \\\"441825\\\", phone: \\\"1\\\"}) { hall { phone } } }\"}", null},
                {"{\"query\":", null},
                {"{\"variables\":{}}", null},
                {"[1]", "application/graphql-response+json"},
                {"", null},
        };
        HttpClient http = HttpClient.newHttpClient();
        for (String[] c : cases) {
            HttpResponse<String> route = post(http, c[0], c[1], null);
            HttpResponse<String> spring = post(http, c[0], c[1], Service.GATEWAY.url());
            String what = c[0] + " (Accept " + c[1] + ")";
            assertThat(route.statusCode()).as(what + ": " + route.body()).isEqualTo(spring.statusCode());
            assertThat(route.headers().firstValue("Content-Type")).as(what).isEqualTo(spring.headers().firstValue("Content-Type"));
            for (String h : List.of("Vary", "Cache-Control", "Pragma", "Expires", "X-Content-Type-Options", "X-Frame-Options",
                    "X-XSS-Protection", "Referrer-Policy")) {
                assertThat(route.headers().allValues(h)).as(what + ": " + h).isEqualTo(spring.headers().allValues(h)).isNotEmpty();
            }
            assertThat(withoutCost(route.body())).as(what).isEqualTo(withoutCost(spring.body()));
        }
        // the malformed bodies: our error format, not Spring Boot's error page
        HttpResponse<String> malformed = post(http, "{\"query\":", null, null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Api.JSON.readTree(malformed.body()).at("/errors/0/extensions/code").asString()).isEqualTo("VALIDATION");
    }

    /**
     * The route's requests are counted in {@code http.server.requests} like the Spring path's, with the same tags: the
     * Helm chart's error-rate and p99 alerts read that meter.
     */
    @Test
    void anonymousPostsAreCountedForTheAlerts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double before = graphqlPosts(http);
        for (int i = 0; i < 5; i++) {
            assertThat(post(http, "{\"query\":\"{ ping }\"}", null, null).statusCode()).isEqualTo(200);
        }
        assertThat(graphqlPosts(http) - before).isEqualTo(5.0);
    }

    private static double graphqlPosts(HttpClient http) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(Service.GATEWAY.managementUrl() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(?=[^}]*error=\"none\")"
                + "(?=[^}]*exception=\"none\")(?=[^}]*method=\"POST\")(?=[^}]*outcome=\"SUCCESS\")(?=[^}]*status=\"200\")"
                + "(?=[^}]*uri=\"/graphql\")[^}]*} ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static HttpResponse<String> post(HttpClient http, String body, String accept, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Service.GATEWAY.url() + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) b.header("Accept", accept);
        if (origin != null) b.header("Origin", origin);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body without {@code extensions.cost}, or the text itself when it is not JSON. */
    private static String withoutCost(String body) {
        try {
            JsonNode node = Api.JSON.readTree(body);
            if (node instanceof tools.jackson.databind.node.ObjectNode o && o.get("extensions") instanceof tools.jackson.databind.node.ObjectNode e) {
                e.remove("cost");
                if (e.isEmpty()) o.remove("extensions");
            }
            return node.toString();
        } catch (RuntimeException e) {
            return body;
        }
    }
}
