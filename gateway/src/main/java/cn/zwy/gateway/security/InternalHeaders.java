package cn.zwy.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Headers that only the gateway may set on its calls to the services. Any a client sends is
 * removed before anything else looks at the request, so they can never be spoofed from outside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InternalHeaders implements WebFilter {

    public static final String PREFIX = "X-Zwy-";
    /** The tenant the gateway resolved for the call (informational for logs; services check the token). */
    public static final String CALLER_TENANT = PREFIX + "Caller-Tenant";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean spoofed = exchange.getRequest().getHeaders().headerNames().stream()
                .anyMatch(h -> h.regionMatches(true, 0, PREFIX, 0, PREFIX.length()));
        if (!spoofed) return chain.filter(exchange);
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
            h.headerNames().stream().filter(n -> n.regionMatches(true, 0, PREFIX, 0, PREFIX.length()))
                    .toList().forEach(h::remove);
        })).build());
    }
}
