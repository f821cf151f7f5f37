package cn.zwy.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token's signature is checked once, not on every request: an app sends the same access token
 * with every call for its whole life (5 minutes for staff), and verifying the RS256 signature and
 * parsing the claims were most of the gateway's CPU for a signed-in request (docs/benchmarks/gateway.md),
 * and a large part of each service's (docs/benchmarks/cases.md: the services verify every token again).
 * The cache is keyed by the exact token text, which only the signature check put there, so a
 * token differing by one byte is verified anew. A cached token is still validated on every use
 * (expiry, not-before, issuer, audience: the validator is cheap and time moves on) and drops out of the
 * cache when it expires. Revocation is not a property of the token: the gateway reads the revocation
 * list on every staff request, as before. Used by the gateway's reactive decoder and by the services'
 * {@link CachingJwtDecoder}.
 */
public final class VerifiedTokens {

    /** Bounded: a flood of distinct valid tokens evicts old entries, it does not grow the heap. */
    public static final int MAX_TOKENS = 20_000;

    private final Function<String, OAuth2TokenValidator<Jwt>> validators;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
            .build();

    /** @param validators the claims validator of a trusted issuer, by its name */
    public VerifiedTokens(Function<String, OAuth2TokenValidator<Jwt>> validators) {
        this.validators = validators;
    }

    /**
     * The token, when its signature was verified before and it is still valid now; null when it was not verified
     * yet. A cached token no longer valid (expired) is dropped and refused.
     */
    public Jwt known(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) return null;
        // the issuer of a cached token was trusted when it was verified, and the claims cannot have changed
        OAuth2TokenValidatorResult result = validators.apply(known.getClaimAsString("iss")).validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("令牌已失效", result.getErrors());
        }
        return known;
    }

    /** Remembers a token whose signature and claims a trusted issuer's decoder has just checked. */
    public Jwt verified(String token, Jwt jwt) {
        verified.put(token, jwt);
        return jwt;
    }

    /** The issuer claim, read without trusting it: it only selects which issuer's keys verify the signature. */
    public static String issuerOf(String token) {
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
