package cn.zwy.gateway.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * The gateway keeps no HTTP sessions: every caller proves who it is with a bearer token on each
 * request. Spring Security still asks for the session on every request (to look for a stored
 * security context and a saved request), and WebFlux's in-memory session store creates one by
 * hopping to the bounded-elastic scheduler and then to the parallel one: two thread switches per
 * request for a session nobody uses (the gateway profile in docs/benchmarks/gateway.md found the
 * GraphQL execution running on "parallel" threads). Here each request gets a throw-away session
 * that is never stored, so nothing of a session can persist between requests either.
 */
@Configuration
public class NoWebSessions {

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager() {
        return exchange -> Mono.just(new ThrowAwaySession());
    }

    /** A session that is never started or saved: its attributes live as long as the request. */
    static final class ThrowAwaySession implements WebSession {

        private final Instant created = Instant.now();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();

        @Override public String getId() { return ""; }
        @Override public Map<String, Object> getAttributes() { return attributes; }
        @Override public void start() { /* never stored: there is nothing to start */ }
        @Override public boolean isStarted() { return false; }
        @Override public Mono<Void> changeSessionId() { return Mono.empty(); }
        @Override public Mono<Void> invalidate() { attributes.clear(); return Mono.empty(); }
        @Override public Mono<Void> save() { return Mono.empty(); }
        @Override public boolean isExpired() { return false; }
        @Override public Instant getCreationTime() { return created; }
        @Override public Instant getLastAccessTime() { return created; }
        @Override public void setMaxIdleTime(Duration maxIdleTime) { /* never stored */ }
        @Override public Duration getMaxIdleTime() { return Duration.ZERO; }
    }
}
