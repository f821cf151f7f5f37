package cn.zwy.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.gateway.web.ForwardedClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * ADR 0046: Keycloak's paths proxied by a Netty handler ahead of Reactor Netty's HTTP server. Real servers on real
 * sockets: a "Keycloak", and a gateway-like Reactor Netty server with the handler, whose other requests Reactor Netty
 * answers. Requests are written by hand, so that pipelining and keep-alive are what is sent.
 */
class KeycloakProxyTest {

    private static final byte[] BIG = new byte[2 * 1024 * 1024];

    static {
        for (int i = 0; i < BIG.length; i++) BIG[i] = (byte) ('a' + i % 26);
    }

    private final Queue<String> reachedKeycloak = new ConcurrentLinkedQueue<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<DisposableServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(DisposableServer::disposeNow);
    }

    private DisposableServer keycloak() {
        DisposableServer kc = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> {
            reachedKeycloak.add(req.method() + " " + req.uri() + " host=" + req.requestHeaders().get("Host"));
            if (req.uri().endsWith("/big.css")) return res.header("Content-Type", "text/css").sendByteArray(Mono.just(BIG)).then();
            return req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                    .flatMap(body -> res.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"keycloak\":\"" + req.uri() + "\",\"body\":\"" + body + "\"}")).then());
        }).bindNow();
        servers.add(kc);
        return kc;
    }

    /** The gateway's server: the handler in front, and Reactor Netty answering everything else ("spring"). */
    private DisposableServer gateway(String keycloakUrl) {
        KeycloakProxy proxy = new KeycloakProxy(keycloakUrl, null, null, new ForwardedClients(List.of()), meters);
        DisposableServer gw = proxy.apply(HttpServer.create().host("127.0.0.1").port(0))
                .handle((req, res) -> req.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> res.header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"spring\":\"" + req.uri() + "\"}")).then()))
                .bindNow();
        servers.add(gw);
        return gw;
    }

    /** Sends the bytes on one connection and reads until the server closes it. */
    private static String exchange(int port, String requests) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static List<String> answers(String raw) {
        List<String> bodies = new ArrayList<>();
        Matcher m = Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(raw);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) starts.add(new int[] {m.start(), Integer.parseInt(m.group(1))});
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : raw.length();
            String part = raw.substring(starts.get(i)[0], end);
            int body = part.indexOf("\r\n\r\n");
            String text = new String(part.substring(body + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            bodies.add(starts.get(i)[1] + " " + text.trim());
        }
        return bodies;
    }

    private static String get(String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\n" + String.join("", Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n";
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhoeverServesThem_ADR0046() throws Exception {
        DisposableServer kc = keycloak();
        DisposableServer gw = gateway("http://127.0.0.1:" + kc.port());
        String raw = exchange(gw.port(), get("/realms/staff/protocol/openid-connect/certs")
                + post("/graphql", "{\"query\":\"{ ping }\"}")
                + get("/realms/staff/.well-known/openid-configuration")
                + post("/graphql", "{\"query\":\"{ pong }\"}")
                + get("/realms/citizen/protocol/openid-connect/certs", "Connection: close"));
        assertThat(answers(raw)).containsExactly(
                "200 {\"keycloak\":\"/realms/staff/protocol/openid-connect/certs\",\"body\":\"\"}",
                "200 {\"spring\":\"/graphql\"}",
                "200 {\"keycloak\":\"/realms/staff/.well-known/openid-configuration\",\"body\":\"\"}",
                "200 {\"spring\":\"/graphql\"}",
                "200 {\"keycloak\":\"/realms/citizen/protocol/openid-connect/certs\",\"body\":\"\"}");
        // Keycloak sees its own host name, never the gateway's (its hostname is fixed in its configuration)
        assertThat(reachedKeycloak).allSatisfy(r -> assertThat(r).endsWith("host=127.0.0.1:" + kc.port()));
        assertThat(meters.find("gateway.keycloak.requests").tag("status", "200").timer().count()).isEqualTo(3);
    }

    @Test
    void aPathOutsideTheSignInIsRefusedAndNeverReachesKeycloak() throws Exception {
        DisposableServer kc = keycloak();
        DisposableServer gw = gateway("http://127.0.0.1:" + kc.port());
        String raw = exchange(gw.port(), get("/realms/master/protocol/openid-connect/certs")
                + get("/realms/staff/../master/x") + get("/resources/x.css", "Connection: close"));
        List<String> answers = answers(raw);
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0)).startsWith("404 ").contains("此地址不对外开放");
        assertThat(answers.get(1)).startsWith("404 ");
        assertThat(answers.get(2)).startsWith("200 ");
        assertThat(reachedKeycloak).containsExactly("GET /resources/x.css host=127.0.0.1:" + kc.port());
    }

    @Test
    void aBodyIsPassedOnAndALargeAnswerArrivesWhole() throws Exception {
        DisposableServer kc = keycloak();
        DisposableServer gw = gateway("http://127.0.0.1:" + kc.port());
        String raw = exchange(gw.port(), post("/realms/staff/protocol/openid-connect/logout", "id_token_hint=x")
                + get("/resources/big.css", "Connection: close"));
        assertThat(raw).contains("{\"keycloak\":\"/realms/staff/protocol/openid-connect/logout\",\"body\":\"id_token_hint=x\"}");
        String big = raw.substring(raw.lastIndexOf("\r\n\r\n") + 4);
        assertThat(big.length()).isEqualTo(BIG.length);
        assertThat(big.getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(BIG);
    }

    @Test
    void anUnreachableKeycloakIsA502InTheSameFormat() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        DisposableServer gw = gateway("http://127.0.0.1:" + closed);
        String raw = exchange(gw.port(), get("/realms/staff/protocol/openid-connect/certs")
                + post("/graphql", "{\"query\":\"{ ping }\"}") + get("/realms/staff", "Connection: close"));
        assertThat(answers(raw)).containsExactly(
                "502 {\"error\":\"temporarily_unavailable\",\"error_description\":\"认证服务暂时无法访问，请稍后再试\"}",
                "200 {\"spring\":\"/graphql\"}",
                "502 {\"error\":\"temporarily_unavailable\",\"error_description\":\"认证服务暂时无法访问，请稍后再试\"}");
    }

    @Test
    void aSignInIsCountedForTheClientATrustedProxyForwarded() {
        KeycloakProxy behindIngress = new KeycloakProxy("http://127.0.0.1:1", null, null, new ForwardedClients(List.of("10.0.0.0/8")), meters);
        var ingress = new java.net.InetSocketAddress("10.1.2.3", 40000);
        var stranger = new java.net.InetSocketAddress("198.51.100.9", 40000);
        assertThat(behindIngress.signInAddress(ingress, headers("X-Forwarded-For", "203.0.113.7"))).isEqualTo("203.0.113.7");
        // a client naming another address in its own header is still itself
        assertThat(behindIngress.signInAddress(ingress, headers("X-Forwarded-For", "192.0.2.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(behindIngress.signInAddress(stranger, headers("X-Forwarded-For", "203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(behindIngress.signInAddress(ingress, headers())).isEqualTo("10.1.2.3");
    }

    private static io.netty.handler.codec.http.HttpHeaders headers(String... nameValue) {
        var h = new io.netty.handler.codec.http.DefaultHttpHeaders();
        for (int i = 0; i < nameValue.length; i += 2) h.add(nameValue[i], nameValue[i + 1]);
        return h;
    }
}
