package cn.zwy.gateway.web;

import io.netty.channel.EventLoop;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * WebSocket handshakes run on the connection's own event loop. A staff request used to reach the
 * upgrade on a Redis client thread (the revocation check answers there; since ADR 0045 it goes back
 * to the loop itself), and any other answer on another thread would do the same; Reactor Netty then
 * switches the connection to WebSocket from that thread, and a frame the client sends right after
 * the 101 (graphql-ws sends {@code connection_init} at once) could reach the connection's old HTTP
 * handling and be dropped: no {@code connection_ack}, ever (about 1 in 150 staff connections on the
 * local demo; citizens, whose requests stay on the event loop, never). On the event loop the switch
 * and the next read cannot interleave.
 */
@Configuration
public class WebSocketUpgrade implements WebFluxConfigurer {

    @Override
    public WebSocketService getWebSocketService() {
        return new HandshakeWebSocketService(new OnEventLoop(new ReactorNettyRequestUpgradeStrategy()));
    }

    private record OnEventLoop(RequestUpgradeStrategy delegate) implements RequestUpgradeStrategy {
        @Override
        public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
                                  Supplier<HandshakeInfo> handshakeInfoFactory) {
            Mono<Void> upgrade = Mono.defer(() -> delegate.upgrade(exchange, handler, subProtocol, handshakeInfoFactory));
            EventLoop loop = RequestLoop.of(exchange);
            if (loop != null && !loop.inEventLoop()) {
                return upgrade.subscribeOn(Schedulers.fromExecutor(loop));
            }
            return upgrade;
        }
    }
}
