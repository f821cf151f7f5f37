package cn.zwy.gateway.security;

import cn.zwy.common.security.VerifiedTokens;
import java.util.function.Function;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's token check on the shared cache of verified tokens ({@link VerifiedTokens}, the same one the services use):
 * a token's signature is verified once by its trusted issuer's decoder, a cached token validated on every use.
 * Revocation is checked separately on every request ({@link RevokedStaffTokens}).
 */
final class ReactiveVerifiedTokens implements ReactiveJwtDecoder {

    /** One trusted issuer: its signature-checking decoder and the claims validator it applies. */
    record Issuer(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {}

    private final Function<String, Issuer> issuers;
    private final VerifiedTokens verified;

    /** @param issuers the trusted issuer of that name, or null for any other */
    ReactiveVerifiedTokens(Function<String, Issuer> issuers) {
        this.issuers = issuers;
        this.verified = new VerifiedTokens(name -> issuers.apply(name).validator());
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known;
        Issuer issuer;
        try {
            known = verified.known(token);
            if (known != null) return Mono.just(known);
            issuer = issuers.apply(VerifiedTokens.issuerOf(token));
        } catch (RuntimeException e) {
            return Mono.error(e);
        }
        if (issuer == null) return Mono.error(new BadJwtException("令牌的签发者不受信任"));
        return issuer.verifier().decode(token).map(jwt -> verified.verified(token, jwt));
    }
}
