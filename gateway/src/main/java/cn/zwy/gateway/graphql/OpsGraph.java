package cn.zwy.gateway.graphql;

import java.time.Duration;
import java.time.Instant;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

@Controller
public class OpsGraph {

    @QueryMapping
    public boolean ping() {
        return true;
    }

    /** Proves the WebSocket transport end to end; bounded so a client cannot hold it open forever. */
    @SubscriptionMapping
    public Flux<Instant> clock(@Argument Integer count) {
        int n = count == null ? 3 : Math.max(1, Math.min(count, 10));
        return Flux.interval(Duration.ofSeconds(1)).take(n).map(i -> Instant.now());
    }
}
