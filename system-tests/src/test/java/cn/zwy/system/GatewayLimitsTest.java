package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's limits as production has them (issue 6): a second gateway started with small
 * limits, no public introspection and its own Redis counters, because the shared test gateway
 * must let the other tests make many requests. Anonymous callers share one counter (the client
 * address), so the test that uses it up runs last.
 */
@ExtendWith(PlatformUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayLimitsTest {

    static final int PER_MINUTE = 30;
    static final int BUCKET = 300;
    static final int CONNECTIONS = 3;
    static final int OPERATIONS_PER_CONNECTION = 3;
    static final int SIGN_INS = 5;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String url;
    /** A second instance with the same settings and the same Redis counters. */
    private static String secondUrl;

    @BeforeAll
    static void startProductionLikeGateway() throws Exception {
        String stream = System.getenv().getOrDefault("ZWY_EVENTS_STREAM", "zwy-test:local:events");
        Map<String, String> settings = Map.of(
                "ZWY_RATE_LIMIT_PER_MINUTE", String.valueOf(PER_MINUTE),
                "ZWY_RATE_LIMIT_KEY_PREFIX", stream.replaceFirst("events$", "") + "limits-" + UUID.randomUUID() + ":",
                "ZWY_QUERY_COST_BUCKET", String.valueOf(BUCKET),
                "ZWY_QUERY_COST_RESTORE_PER_SECOND", "1",
                "ZWY_WS_CONNECTIONS_PER_CALLER", String.valueOf(CONNECTIONS),
                "ZWY_WS_OPERATIONS_PER_CONNECTION", String.valueOf(OPERATIONS_PER_CONNECTION),
                "ZWY_TOKEN_RATE_LIMIT_PER_MINUTE", String.valueOf(SIGN_INS),
                "ZWY_PUBLIC_INTROSPECTION", "false");
        url = PlatformUnderTest.startExtraGateway("limits", 5, settings);
        secondUrl = PlatformUnderTest.startExtraGateway("limits-2", 6, settings);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String path, String token, String query) {
        return post(url, path, token, query);
    }

    private static HttpResponse<String> post(String gateway, String path, String token, String query) {
        // a request the gateway never answers fails the test within a minute instead of hanging the run
        var b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("query", query))));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Api.JSON.readTree(r.body());
    }

    private static String code(JsonNode body) {
        return body.path("errors").path(0).path("extensions").path("code").asString(null);
    }

    @Test
    @Order(1)
    void introspectionIsOffForAnonymousInProduction() {
        HttpResponse<String> anonymous = post("/graphql", null, "{ __schema { queryType { name } } }");
        assertThat(code(json(anonymous))).as(anonymous.body()).isEqualTo("FORBIDDEN");
        assertThat(json(anonymous).path("data").path("__schema").isMissingNode() || json(anonymous).path("data").isNull()).isTrue();
        HttpResponse<String> citizen = post("/graphql", Tokens.citizen("citizen.zhang"), "{ __type(name: \"Hall\") { name } }");
        assertThat(code(json(citizen))).isEqualTo("FORBIDDEN");
        // staff may read the schema (tools, the cross-tenant matrix); __typename is never introspection
        HttpResponse<String> staff = post("/graphql", Tokens.staff("lianshan.clerk"), "{ __schema { queryType { name } mutationType { name } } }");
        assertThat(json(staff).at("/data/__schema/queryType/name").asString()).as(staff.body()).isEqualTo("Query");
        assertThat(json(post("/graphql", null, "{ __typename ping }")).at("/data/ping").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void costIsReportedInExtensions() {
        String token = Tokens.citizen("citizen.zhang");
        String tenHalls = "{ searchHalls(text: \"连山\", regionPrefix: \"44\", first: 10) { edges { node { name openingHours { weekday } } } } }";
        JsonNode first = json(post("/graphql", token, tenHalls));
        assertThat(first.at("/extensions/cost/requestedQueryCost").asInt()).as(first.toString()).isEqualTo(20);
        assertThat(first.at("/extensions/cost/throttleStatus/maximumAvailable").asInt()).isEqualTo(BUCKET);
        assertThat(first.at("/extensions/cost/throttleStatus/restoreRate").asInt()).isEqualTo(1);
        int left = first.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt();
        assertThat(left).isBetween(BUCKET - 20 - 5, BUCKET - 20);
        JsonNode second = json(post("/graphql", token, tenHalls));
        assertThat(second.at("/extensions/cost/throttleStatus/currentlyAvailable").asInt()).isLessThan(left);
    }

    @Test
    @Order(3)
    void emptyCostBucketIsRateLimited() {
        // 200 each: the bucket of 300 (1 point back per second) takes one, not two in a row
        String token = Tokens.staff("taishan.clerk");
        String hundredHalls = "{ searchHalls(text: \"台山\", regionPrefix: \"44\", first: 100) { edges { node { openingHours { weekday } } } } }";
        HttpResponse<String> ok = post("/graphql", token, hundredHalls);
        assertThat(json(ok).path("errors").isMissingNode()).as(ok.body()).isTrue();
        HttpResponse<String> refused = post("/graphql", token, hundredHalls);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(code(json(refused))).isEqualTo("RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        // a cheap query still fits
        assertThat(json(post("/graphql", token, "{ ping }")).at("/data/ping").asBoolean()).isTrue();
    }

    /** A graphql-transport-ws client that records every message. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder buf = new StringBuilder();
        WebSocket socket;
        OrderedSends sends;

        static Client open(String token) throws Exception {
            Client c = new Client();
            var b = HTTP.newWebSocketBuilder().subprotocols("graphql-transport-ws");
            if (token != null) b.header("Authorization", "Bearer " + token);
            c.socket = b.buildAsync(URI.create(url.replace("http:", "ws:") + "/graphql"), c).get(10, TimeUnit.SECONDS);
            c.sends = new OrderedSends(c.socket);
            c.sends.text("{\"type\":\"connection_init\"}");
            return c;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                messages.add(Api.JSON.readTree(buf.toString()));
                buf.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
        }

        void subscribe(String id, String query) {
            sends.text(Api.JSON.writeValueAsString(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query))));
        }

        JsonNode next(String type) throws InterruptedException {
            while (true) {
                JsonNode m = messages.poll(15, TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no " + type + " message");
                if (m.path("type").asString().equals(type)) return m;
            }
        }

        /** The first message of the given types for the given operation. */
        JsonNode nextFor(String id, List<JsonNode> others) throws InterruptedException {
            while (true) {
                JsonNode m = messages.poll(15, TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no message for " + id);
                if (id.equals(m.path("id").asString(null)) && !m.path("type").asString().equals("complete")) return m;
                others.add(m);
            }
        }

        void close() {
            sends.close();
        }
    }

    @Test
    @Order(4)
    void webSocketOperationsAreRateLimited() throws Exception {
        Client c = Client.open(Tokens.citizen("citizen.li"));
        c.next("connection_ack");
        // the limit counts per calendar minute: operations that straddle a minute's end are counted
        // in two windows, so such an attempt proves nothing and is made again (once at most)
        for (int attempt = 0; attempt < 2; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            int served = 0;
            int refused = 0;
            for (int i = 0; i < PER_MINUTE + 10; i++) {
                c.subscribe("q" + attempt + "-" + i, "{ ping }");
                JsonNode m = c.nextFor("q" + attempt + "-" + i, new ArrayList<>());
                if (m.at("/payload/data/ping").asBoolean(false)) served++;
                else if ("RATE_LIMITED".equals(m.at("/payload/errors/0/extensions/code").asString(null))) refused++;
            }
            if (System.currentTimeMillis() / 60_000 != minute && attempt == 0) continue;
            assertThat(refused).as("operations refused on one connection").isPositive();
            assertThat(served).isLessThan(PER_MINUTE + 10);
            break;
        }
        c.close();
    }

    @Test
    @Order(5)
    void subscriptionsPerConnectionAreCapped() throws Exception {
        Client c = Client.open(Tokens.staff("luoshan.clerk"));
        c.next("connection_ack");
        for (int i = 1; i <= OPERATIONS_PER_CONNECTION + 1; i++) c.subscribe("s" + i, "subscription { clock(count: 5) }");
        List<JsonNode> seen = new ArrayList<>();
        // three run (ticks arrive), the fourth is refused at once
        JsonNode refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            JsonNode m = c.messages.poll(15, TimeUnit.SECONDS);
            assertThat(m).isNotNull();
            seen.add(m);
            if ("RATE_LIMITED".equals(m.at("/payload/errors/0/extensions/code").asString(null))
                    || "RATE_LIMITED".equals(m.at("/payload/0/extensions/code").asString(null))) refused = m;
        }
        assertThat(refused).as(seen.toString()).isNotNull();
        assertThat(seen.stream().filter(m -> m.path("type").asString().equals("next") && m.at("/payload/data/clock").isString())
                .map(m -> m.path("id").asString()).distinct().count()).isLessThanOrEqualTo(OPERATIONS_PER_CONNECTION);
        c.close();
    }

    @Test
    @Order(6)
    void connectionsPerCallerAreCapped() throws Exception {
        String token = Tokens.staff("lianshan.approver");
        List<Client> open = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Client c = Client.open(token);
            c.next("connection_ack");
            open.add(c);
        }
        Client extra = Client.open(token);
        assertThat(extra.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4429);
        assertThat(extra.messages).noneMatch(m -> m.path("type").asString().equals("connection_ack"));
        // counted per caller: another user from the same address still connects
        Client other = Client.open(Tokens.staff("lianshan.admin"));
        assertThat(other.next("connection_ack")).isNotNull();
        other.close();
        // a closed connection frees its place
        open.removeFirst().close();
        Thread.sleep(500);
        Client again = Client.open(token);
        assertThat(again.next("connection_ack")).isNotNull();
        again.close();
        open.forEach(Client::close);
    }

    @Test
    @Order(7)
    void tokenEndpointIsRateLimitedPerClientAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < SIGN_INS * 2 + 2 && !statuses.contains(429); i++) {
            statuses.add(send(HttpRequest.newBuilder(URI.create(url + "/realms/citizen/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=demo-cli&username=nobody-gwsec&password=guess" + i))
                    .build()).statusCode());
        }
        assertThat(statuses.getFirst()).isEqualTo(401); // Keycloak answered the first guesses
        assertThat(statuses).contains(429);
        assertThat(statuses.indexOf(429)).isLessThanOrEqualTo(SIGN_INS * 2);
    }

    /**
     * The operation limit is one count across instances: each instance admits from its own ledger
     * only below half of the limit and lets Redis decide past it (CallerLedger), so two instances
     * together serve the limit, not twice it, and at most what one instance held back beyond it.
     */
    @Test
    @Order(50)
    void rateLimitIsSharedByEveryInstance() {
        String token = Tokens.staff("henan.admin"); // a caller no other test here uses
        for (int attempt = 0; attempt < 2; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            int served = 0;
            int refusedInARow = 0;
            for (int i = 0; i < PER_MINUTE * 3 && refusedInARow < 4; i++) {
                HttpResponse<String> r = post(i % 2 == 0 ? url : secondUrl, "/graphql", token, "{ ping }");
                if (r.statusCode() == 200) {
                    served++;
                    refusedInARow = 0;
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
                    refusedInARow++;
                }
            }
            if (System.currentTimeMillis() / 60_000 != minute) continue; // a new window opened meanwhile: again
            assertThat(refusedInARow).as("both instances refuse once the shared limit is used up").isEqualTo(4);
            assertThat(served).isBetween(PER_MINUTE, PER_MINUTE + PER_MINUTE / 2);
            return;
        }
        throw new AssertionError("could not finish within one minute window");
    }

    @Test
    @Order(8)
    void uploadsAreCountedLikeOperations() {
        // a caller no other test here uses: its GraphQL operations use up the minute, then an upload is refused too
        String token = Tokens.staff("jitian.agent");
        for (int attempt = 0; attempt < 2; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            int n = 0;
            while (post("/graphql", token, "{ ping }").statusCode() != 429) {
                assertThat(++n).isLessThanOrEqualTo(PER_MINUTE + 1);
            }
            MaterialUploadTest.Answer upload = MaterialUploadTest.upload(url, token, "a.pdf", "application/pdf", MaterialUploadTest.pdf());
            if (System.currentTimeMillis() / 60_000 != minute) continue; // a new window opened meanwhile: again
            assertThat(upload.status()).as(upload.body().toString()).isEqualTo(429);
            assertThat(upload.code()).isEqualTo("RATE_LIMITED");
            return;
        }
        throw new AssertionError("could not finish within one minute window");
    }

    /** An anonymous request through an ingress: the client the ingress saw in X-Forwarded-For. */
    private static int forwarded(String gateway, String forwardedFor) {
        return send(HttpRequest.newBuilder(URI.create(gateway + "/graphql")).timeout(java.time.Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ ping }\"}")).build()).statusCode();
    }

    /**
     * Behind a trusted ingress (ZWY_TRUSTED_PROXIES, here the loopback address every test request comes
     * from) anonymous citizens are counted one by one, by the address the ingress appended to
     * X-Forwarded-For — not all together as the ingress; what a client wrote into the header itself
     * (left of it) picks no bucket.
     */
    @Test
    @Order(90)
    void clientsBehindATrustedIngressAreCountedApart() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "ZWY_RATE_LIMIT_PER_MINUTE", String.valueOf(PER_MINUTE),
                "ZWY_RATE_LIMIT_KEY_PREFIX", "zwy-test:local:limits-" + UUID.randomUUID() + ":",
                "ZWY_TRUSTED_PROXIES", "127.0.0.1/32"));
        String ingress = PlatformUnderTest.startExtraGateway("forwarded", 7, settings);
        for (int attempt = 0; attempt < 2; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            String a = "203.0.113." + (10 + attempt * 2);
            String b = "203.0.113." + (11 + attempt * 2);
            int n = 0;
            while (forwarded(ingress, a) != 429) assertThat(++n).isLessThanOrEqualTo(PER_MINUTE + 1);
            int other = forwarded(ingress, b);
            int spoofed = forwarded(ingress, b + ", " + a);
            if (System.currentTimeMillis() / 60_000 != minute) continue; // a new window opened meanwhile: again
            assertThat(n).as("the first client's own minute").isEqualTo(PER_MINUTE);
            assertThat(other).as("another client behind the same ingress").isEqualTo(200);
            assertThat(spoofed).as("a client naming another address in its own header is still itself").isEqualTo(429);
            return;
        }
        throw new AssertionError("could not finish within one minute window");
    }

    @Test
    @Order(100)
    void percentEncodedPathIsRateLimited() {
        // the limit applies to the operation, whatever spelling of the path reached it
        for (int attempt = 0; attempt < 2; attempt++) {
            long minute = System.currentTimeMillis() / 60_000;
            int n = 0;
            while (post("/graphql", null, "{ ping }").statusCode() != 429) {
                assertThat(++n).isLessThanOrEqualTo(PER_MINUTE + 1);
            }
            List<Integer> bypasses = new ArrayList<>();
            for (String path : new String[] {"/%67raphql", "/%67%72%61%70%68%71%6c", "/graphql/", "//graphql", "/./graphql"}) {
                bypasses.add(post(path, null, "{ ping }").statusCode());
            }
            HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(url + "/%67raphql?query=%7Bping%7D")).timeout(java.time.Duration.ofSeconds(60)).GET().build());
            bypasses.add(get.statusCode());
            if (System.currentTimeMillis() / 60_000 != minute) continue; // a new window opened meanwhile: again
            assertThat(bypasses).as("no spelling of the path is served").doesNotContain(200);
            assertThat(bypasses.getFirst()).isEqualTo(429);
            return;
        }
        throw new AssertionError("could not finish within one minute window");
    }
}
