package cn.zwy.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * ADR 0045: a call the gateway makes to a service while it serves a request comes back on the event loop that read
 * the request, so the answer is written without a task handed from one loop to another. Real servers: a service and
 * a "gateway" on Reactor Netty's own event loops, called by many clients at once so that every loop holds idle
 * connections a shared pool would hand to the others.
 */
class PerLoopConnectionsTest {

    @Test
    void aServiceCallIsAnsweredOnTheLoopThatReadTheRequest_ADR0045() {
        Set<String> crossings = answeredOnAnotherLoop(UpstreamConfig.perLoop("test-service"));
        assertThat(crossings).as("calls answered on another event loop than the request's").isEmpty();
    }

    /** The measurement can fail: one pool shared by the loops answers many calls on another loop (ADR 0039's finding). */
    @Test
    void aSharedPoolAnswersOnWhicheverLoopOpenedTheConnection() {
        Set<String> crossings = answeredOnAnotherLoop(new ReactorClientHttpConnector(
                HttpClient.create(UpstreamConfig.connections("test-shared").build())));
        assertThat(crossings).isNotEmpty();
    }

    private static Set<String> answeredOnAnotherLoop(ClientHttpConnector connector) {
        DisposableServer service = HttpServer.create().host("127.0.0.1").port(0)
                .handle((req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just("{\"ok\":true}")))
                .bindNow();
        WebClient calls = WebClient.builder().clientConnector(connector)
                .baseUrl("http://127.0.0.1:" + service.port()).build();
        Set<String> crossings = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        DisposableServer gateway = HttpServer.create().host("127.0.0.1").port(0).handle((req, res) -> {
            String readOn = Thread.currentThread().getName();
            return res.sendString(calls.get().uri("/hall").retrieve().bodyToMono(String.class).doOnNext(body -> {
                answered.incrementAndGet();
                String answeredOn = Thread.currentThread().getName();
                if (!answeredOn.equals(readOn)) crossings.add(readOn + " → " + answeredOn);
            }));
        }).bindNow();
        try {
            // a new connection per citizen request: they land on every loop in turn
            HttpClient citizens = HttpClient.create(ConnectionProvider.newConnection());
            Flux.range(0, 400).flatMap(i -> citizens.get().uri("http://127.0.0.1:" + gateway.port() + "/")
                    .responseContent().aggregate().asString(), 16).blockLast();
            assertThat(answered.get()).isEqualTo(400);
            return crossings;
        } finally {
            gateway.disposeNow();
            service.disposeNow();
        }
    }
}
