package cn.zwy.gateway.security;

import cn.zwy.common.security.ZwySecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import cn.zwy.common.security.TokenValidation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Tokens from the citizen and staff realms are validated here (and again by every service).
 * Requests without a token pass as anonymous: much of the API is public, and each GraphQL field
 * decides what it needs (UNAUTHENTICATED / FORBIDDEN in the GraphQL error format). A token that
 * is present but invalid is refused with 401.
 */
@Configuration
@EnableConfigurationProperties(ZwySecurityProperties.class)
public class GatewaySecurityConfig {

    /** One manager per trusted issuer, built on first use; tokens must also name our audience. */
    private static ReactiveAuthenticationManagerResolver<String> managers(ZwySecurityProperties props) {
        Map<String, Mono<ReactiveAuthenticationManager>> managers = new ConcurrentHashMap<>();
        return issuer -> !props.issuers().contains(issuer) ? Mono.empty() : managers.computeIfAbsent(issuer, i -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(i).build();
            decoder.setJwtValidator(TokenValidation.validator(i, props.audience()));
            return Mono.just(new JwtReactiveAuthenticationManager(decoder));
        });
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ZwySecurityProperties props) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(a -> a.anyExchange().permitAll())
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(
                        new JwtIssuerReactiveAuthenticationManagerResolver(managers(props))))
                .build();
    }
}
