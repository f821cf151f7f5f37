package cn.zwy.gateway.security;

import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.security.GatewaySecurityConfig.GatewayTokens;
import java.util.Map;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Sign-in of a browser's GraphQL WebSocket. A browser cannot put an Authorization header on a
 * WebSocket handshake, so the web apps (ADR 0025) send their access token in the graphql-ws
 * {@code connection_init} payload ({@code {"Authorization": "Bearer …"}}, as graphql-ws documents
 * it). The token is checked exactly as a request's is (same issuers, audience, signature cache,
 * staff revocation list); one that fails closes the connection (Spring GraphQL's 4401 Unauthorized
 * for a refused init) rather than leaving a silently anonymous socket. A valid one becomes the
 * caller of every operation on the connection, as a handshake's Authorization header would have
 * been. The token lives as long as the connection: like a handshake's token (ADR 0012), the app
 * reconnects with a fresh one.
 */
@Component
public class SocketSignIn {

    private static final String CALLER = SocketSignIn.class.getName() + ".caller";

    private final GatewayTokens tokens;
    private final RevokedStaffTokens revoked;

    public SocketSignIn(GatewayTokens tokens, RevokedStaffTokens revoked) {
        this.tokens = tokens;
        this.revoked = revoked;
    }

    /** Checks the token of a {@code connection_init} payload, if it has one, and keeps its caller with the session. */
    public Mono<Object> connectionInit(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        if (header == null) return Mono.empty();
        if (!(header instanceof String h) || !h.regionMatches(true, 0, "Bearer ", 0, 7) || h.length() <= 7) {
            return Mono.error(ApiException.unauthenticated());
        }
        return tokens.manager().authenticate(new BearerTokenAuthenticationToken(h.substring(7).strip()))
                .onErrorMap(e -> ApiException.unauthenticated())
                .flatMap(auth -> auth.getPrincipal() instanceof Jwt jwt
                        ? revoked.verdict(jwt).flatMap(v -> v == RevokedStaffTokens.Verdict.PASS
                                ? Mono.<Object>fromRunnable(() -> session.getAttributes().put(CALLER, auth))
                                : Mono.error(ApiException.unauthenticated()))
                        : Mono.error(ApiException.unauthenticated()));
    }

    /** The caller signed in by {@code connection_init}, or null (then the handshake's own principal applies). */
    public static Authentication caller(WebSocketSessionInfo session) {
        return session.getAttributes().get(CALLER) instanceof Authentication a ? a : null;
    }

    /** The token of the caller signed in by {@code connection_init}, or null. */
    public static Jwt jwt(WebSocketSessionInfo session) {
        return caller(session) instanceof JwtAuthenticationToken t ? t.getToken() : null;
    }

    /** Makes the connection's signed-in caller the security context of one operation on it (no change without one). */
    public static Context withCaller(Context context, WebSocketSessionInfo session) {
        Authentication a = caller(session);
        return a == null ? context : context.putAll(ReactiveSecurityContextHolder.withAuthentication(a).readOnly());
    }
}
