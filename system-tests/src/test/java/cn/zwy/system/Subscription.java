package cn.zwy.system;

import cn.zwy.system.PlatformUnderTest.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One GraphQL subscription over the gateway's WebSocket (graphql-transport-ws) with a real token, as the
 * app opens it: every {@code next}, {@code error} and {@code complete} message lands in a queue the test
 * reads with a timeout.
 */
final class Subscription implements AutoCloseable {

    private final OrderedSends sends;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    private Subscription(String gatewayUrl, String token, String query, Map<String, Object> variables) throws Exception {
        this(gatewayUrl, token, null, query, variables);
    }

    /**
     * @param token     sent as the handshake's Authorization header (as a server-side client does), or null
     * @param initToken sent in the connection_init payload instead (as a browser must: the web apps, ADR 0025), or null
     */
    private Subscription(String gatewayUrl, String token, String initToken, String query, Map<String, Object> variables) throws Exception {
        String subscribe = Api.JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
                "payload", Map.of("query", query, "variables", variables)));
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
        if (token != null) b.header("Authorization", "Bearer " + token);
        java.util.concurrent.CompletableFuture<OrderedSends> out = new java.util.concurrent.CompletableFuture<>();
        WebSocket ws = b.buildAsync(URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/graphql"), new WebSocket.Listener() {
            private final StringBuilder buf = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    JsonNode msg = Api.JSON.readTree(buf.toString());
                    buf.setLength(0);
                    String type = msg.get("type").asString();
                    if (type.equals("connection_ack")) out.join().text(subscribe);
                    else if (type.equals("ping")) out.join().text("{\"type\":\"pong\"}");
                    else received.add(msg);
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                // the server closed the connection (e.g. 4401 for a refused connection_init): a message of its own
                received.add(Api.JSON.valueToTree(Map.of("type", "closed", "code", statusCode, "reason", reason)));
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        sends = new OrderedSends(ws);
        out.complete(sends);
        sends.text(initToken == null ? "{\"type\":\"connection_init\"}"
                : Api.JSON.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + initToken))));
    }

    /** Signed in as a browser is: the token in the connection_init payload, no Authorization header on the handshake. */
    static Subscription openSignedInByInit(String initToken, String query, Map<String, Object> variables) throws Exception {
        return new Subscription(Service.GATEWAY.url(), null, initToken, query, variables);
    }

    static Subscription open(String token, String query, Map<String, Object> variables) throws Exception {
        return new Subscription(Service.GATEWAY.url(), token, query, variables);
    }

    /** The same over the WebSocket of the gateway at {@code gatewayUrl}. */
    static Subscription openAt(String gatewayUrl, String token, String query, Map<String, Object> variables) throws Exception {
        return new Subscription(gatewayUrl, token, query, variables);
    }

    /** The next message ({@code next}, {@code error} or {@code complete}), failing after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode m = received.poll(seconds, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("no subscription message within " + seconds + " s");
        return m;
    }

    @Override
    public void close() {
        sends.close();
    }
}
