package cn.zwy.gateway.slice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Callers of the resolver slices: validated tokens as the gateway's security would put them in
 * the request's Reactor context (where the resolvers and the ServiceCalls filter read them).
 */
final class TestCallers {

    static final String LIANSHAN = "441825";
    static final String YANGSHAN = "441823";
    /** The slices touch no Redis, but the gateway's start-up check wants its password named. */
    static final String NO_REDIS = "spring.data.redis.password=slices-use-no-redis";

    private TestCallers() {}

    static Jwt staff(String tenant, String... roles) {
        return token("http://kc/realms/staff", Map.of("tenant", tenant, "realm_access", Map.of("roles", List.of(roles))));
    }

    static Jwt provincialAdmin(String province) {
        return staff(province, "provincial_admin");
    }

    static Jwt citizen() {
        return token("http://kc/realms/citizen", Map.of("realm_access", Map.of("roles", List.of())));
    }

    private static Jwt token(String issuer, Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("token-" + claims.hashCode()).header("alg", "RS256").issuer(issuer)
                .subject("u-" + claims.hashCode()).claim("preferred_username", "tester")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(b::claim);
        return b.build();
    }

    /** A tester whose requests run as {@code caller}; null: anonymous. */
    static GraphQlTester as(ExecutionGraphQlService service, Jwt caller) {
        if (caller == null) return ExecutionGraphQlServiceTester.create(service);
        ExecutionGraphQlService withCaller = request -> service.execute(request)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new JwtAuthenticationToken(caller)));
        return ExecutionGraphQlServiceTester.create(withCaller);
    }
}
