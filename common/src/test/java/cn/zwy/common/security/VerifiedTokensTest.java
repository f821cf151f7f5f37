package cn.zwy.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A token's RS256 signature is checked once (real keys, Nimbus's decoder): the same text is then answered from the
 * cache, but still refused the moment it expires; a token differing by one byte is verified anew and refused.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/citizen";

    @Test
    void aTokenIsVerifiedOnceAndStillRefusedOnceItExpires() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        // no clock skew allowed, so that the test need not wait the default minute past expiry
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(Duration.ZERO),
                new JwtIssuerValidator(ISSUER));
        nimbus.setJwtValidator(validator);
        AtomicInteger signatureChecks = new AtomicInteger();
        VerifiedTokens cache = new VerifiedTokens(issuer -> validator);
        java.util.function.Function<String, Jwt> decode = token -> {
            Jwt known = cache.known(token);
            if (known != null) return known;
            signatureChecks.incrementAndGet();
            return cache.verified(token, nimbus.decode(token));
        };

        String token = token(keys, Instant.now().plusSeconds(2));
        assertThat(decode.apply(token).getSubject()).isEqualTo("citizen-1");
        assertThat(decode.apply(token).getSubject()).isEqualTo("citizen-1");
        assertThat(signatureChecks).as("RS256 checks for two uses of one token").hasValue(1);

        // one full character of the signature changed (the last one holds only two of the signature's bits)
        char replaced = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (replaced == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(tampered).isNotEqualTo(token);
        assertThatThrownBy(() -> decode.apply(tampered)).isInstanceOf(BadJwtException.class);

        // expiry is checked on every use: the token verified above is refused once its time is up
        Thread.sleep(2500);
        assertThatThrownBy(() -> decode.apply(token)).isInstanceOf(JwtValidationException.class);
        assertThat(cache.known(token)).as("an expired token is not in the cache").isNull();
    }

    private static String token(KeyPair keys, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("citizen-1").audience("zwy").issueTime(new Date())
                .expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
