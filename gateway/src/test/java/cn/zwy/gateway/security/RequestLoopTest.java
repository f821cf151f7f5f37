package cn.zwy.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.gateway.security.RevokedStaffTokens.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * ADR 0045: a staff request whose revocation check answered on another thread (Redis's client) goes on on the event
 * loop of its own connection, so its calls to the services take that loop's connections. Real Reactor Netty server
 * with Spring's WebFlux adapter; the verdict arrives on Reactor's parallel scheduler, as Redis's would on its own.
 */
class RequestLoopTest {

    @Test
    void aStaffRequestGoesOnOnItsConnectionsEventLoopAfterTheRevocationCheck_ADR0045() {
        List<String> strays = strays(true);
        assertThat(strays).as("requests that went on on another thread than their connection's event loop").isEmpty();
    }

    /** Without it the request goes on where the verdict arrived: the measurement above can fail. */
    @Test
    void withoutItTheRequestGoesOnWhereTheVerdictArrived() {
        assertThat(strays(false)).hasSize(40);
    }

    private static List<String> strays(boolean backOnLoop) {
        List<String> strays = new CopyOnWriteArrayList<>();
        var handler = WebHttpHandlerBuilder.webHandler((ServerWebExchange exchange) -> {
            Mono<Verdict> fromRedis = Mono.just(Verdict.PASS).delayElement(Duration.ofMillis(1));
            Mono<Verdict> verdict = backOnLoop ? RevokedStaffTokens.onRequestLoop(fromRedis, exchange) : fromRedis;
            return verdict.doOnNext(v -> {
                Connection connection = (Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
                if (!connection.channel().eventLoop().inEventLoop()) strays.add(Thread.currentThread().getName());
            }).then();
        }).build();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
        try {
            HttpClient staff = HttpClient.create(ConnectionProvider.newConnection());
            Flux.range(0, 40).flatMap(i -> staff.get().uri("http://127.0.0.1:" + server.port() + "/graphql")
                    .responseSingle((res, body) -> Mono.just(res.status().code())), 8)
                    .doOnNext(status -> assertThat(status).isEqualTo(200)).blockLast();
            return strays;
        } finally {
            server.disposeNow();
        }
    }
}
