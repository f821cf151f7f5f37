package cn.zwy.gateway.security;

import cn.zwy.common.security.ZwySecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
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

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ZwySecurityProperties props) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(a -> a.anyExchange().permitAll())
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(
                        JwtIssuerReactiveAuthenticationManagerResolver.fromTrustedIssuers(props.issuers())))
                .build();
    }
}
