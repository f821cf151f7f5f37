package cn.zwy.common.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The services' token check: only the platform's realms are trusted (each service validates the token again; it does
 * not trust the gateway), each issuer's decoder built on first use (Keycloak may start later), and a token's
 * signature verified once ({@link VerifiedTokens}); expiry, not-before, issuer and audience on every use.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final ZwySecurityProperties props;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private final Map<String, OAuth2TokenValidator<Jwt>> validators = new ConcurrentHashMap<>();
    private final VerifiedTokens verified;

    CachingJwtDecoder(ZwySecurityProperties props) {
        this.props = props;
        this.verified = new VerifiedTokens(this::validator);
    }

    private OAuth2TokenValidator<Jwt> validator(String issuer) {
        return validators.computeIfAbsent(issuer, i -> TokenValidation.validator(i, props.audience()));
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.known(token);
        if (known != null) return known;
        String issuer = VerifiedTokens.issuerOf(token);
        if (issuer == null || !props.issuers().contains(issuer)) throw new BadJwtException("令牌的签发者不受信任");
        JwtDecoder decoder = decoders.computeIfAbsent(issuer, i -> {
            NimbusJwtDecoder d = NimbusJwtDecoder.withIssuerLocation(i).build();
            d.setJwtValidator(validator(i));
            return d;
        });
        return verified.verified(token, decoder.decode(token));
    }
}
