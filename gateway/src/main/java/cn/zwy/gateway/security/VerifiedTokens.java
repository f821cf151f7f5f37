package cn.zwy.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.security.oauth2.jwt.BadJwtException;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token's signature is checked once, not on every request: an app sends the same access token
 * with every call for its whole life (5 minutes for staff), and verifying the RS256 signature and
 * parsing the claims were most of the gateway's CPU for a signed-in request (docs/benchmarks/gateway.md).
 * The cache is keyed by the exact token text, which only the signature check put there, so a
 * token differing by one byte is verified anew. A cached token is still validated on every use
 * (expiry, not-before: the validator is cheap and time moves on) and drops out of the cache when
 * it expires. Revocation is checked separately on every request ({@link RevokedStaffTokens}).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    /** One trusted issuer: its signature-checking decoder and the claims validator it applies. */
    record Issuer(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {}

    /** Bounded: a flood of distinct valid tokens evicts old entries, it does not grow the heap. */
    static final int MAX_TOKENS = 20_000;

    private final Function<String, Issuer> issuers;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
            .build();

    /** @param issuers the trusted issuer of that name, or null for any other */
    VerifiedTokens(Function<String, Issuer> issuers) {
        this.issuers = issuers;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Issuer issuer = issuers.apply(issuerOf(token));
            if (issuer == null) return Mono.error(new BadJwtException("令牌的签发者不受信任"));
            return issuer.verifier().decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        // the issuer of a cached token was trusted when it was verified, and the claims cannot have changed
        OAuth2TokenValidatorResult result = issuers.apply(known.getClaimAsString("iss")).validator().validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("令牌已失效", result.getErrors()));
        }
        return Mono.just(known);
    }

    /** The issuer claim, read without trusting it: it only selects which issuer's keys verify the signature. */
    private static String issuerOf(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("令牌格式不正确", e);
        }
    }

    private static Duration untilExpiry(Jwt jwt) {
        Instant exp = jwt.getExpiresAt();
        if (exp == null) return Duration.ZERO;
        Duration left = Duration.between(Instant.now(), exp);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
