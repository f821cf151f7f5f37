package cn.zwy.gateway.security;

import cn.zwy.common.security.ZwySecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import cn.zwy.common.security.TokenValidation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Tokens from the citizen and staff realms are validated here (and again by every service).
 * Requests without a token pass as anonymous: much of the API is public, and each GraphQL field
 * decides what it needs (UNAUTHENTICATED / FORBIDDEN in the GraphQL error format). A token that
 * is present but invalid is refused with 401.
 */
@Configuration
@EnableConfigurationProperties(ZwySecurityProperties.class)
public class GatewaySecurityConfig {

    /** The trusted issuers' decoders, built on first use; tokens must also name our audience. */
    private static ReactiveAuthenticationManager tokens(ZwySecurityProperties props) {
        Map<String, ReactiveVerifiedTokens.Issuer> issuers = new ConcurrentHashMap<>();
        return new JwtReactiveAuthenticationManager(new ReactiveVerifiedTokens(name -> name == null || !props.issuers().contains(name)
                ? null : issuers.computeIfAbsent(name, i -> {
                    NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(i).build();
                    OAuth2TokenValidator<Jwt> validator = TokenValidation.validator(i, props.audience());
                    decoder.setJwtValidator(validator);
                    return new ReactiveVerifiedTokens.Issuer(decoder, validator);
                })));
    }

    /** The one token check, shared by HTTP requests and the web apps' WebSocket sign-in ({@link SocketSignIn}). */
    @Bean
    GatewayTokens gatewayTokens(ZwySecurityProperties props) {
        return new GatewayTokens(tokens(props));
    }

    /** The trusted-token check as a bean of its own type (a bare ReactiveAuthenticationManager bean would change Boot's defaults). */
    public record GatewayTokens(ReactiveAuthenticationManager manager) {}

    /**
     * Spring Security's observations are off (management.observations.enable.spring.security: false), yet its web
     * filters were still wrapped one by one for them; with these settings they are not. The request's own observation
     * (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayTokens tokens) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // a stateless API: every request carries its token; no security context kept in a session,
                // no session-backed request cache, no logout endpoint
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(a -> a.anyExchange().permitAll())
                .oauth2ResourceServer(o -> o.jwt(j -> j.authenticationManager(tokens.manager())))
                .build();
    }
}
