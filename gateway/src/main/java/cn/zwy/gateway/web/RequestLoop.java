package cn.zwy.gateway.web;

import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The event loop of the connection a request came on. Work that resumed on another thread (a Redis or JWK answer)
 * goes back to it: the WebSocket switch (WebSocketUpgrade) and the rest of a staff request (RevokedStaffTokens,
 * ADR 0045) run there.
 */
public final class RequestLoop {

    private RequestLoop() {}

    /** The loop, or null when the request is not on Reactor Netty (a mock exchange in a test). */
    public static @Nullable EventLoop of(ServerWebExchange exchange) {
        return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof reactor.netty.Connection c
                ? c.channel().eventLoop() : null;
    }
}
