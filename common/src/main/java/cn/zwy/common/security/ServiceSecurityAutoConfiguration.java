package cn.zwy.common.security;

import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.error.ProblemDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security defaults of every internal service: stateless JWT resource server trusting only the
 * platform's realms (each service validates the token again; it does not trust the gateway),
 * health and metrics open, declared ({@link PublicGetPaths}) and listed public GETs open, everything else authenticated, errors as
 * problem details.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ZwySecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain zwyServiceSecurity(HttpSecurity http, ZwySecurityProperties props, JsonMapper json,
                                           ObjectProvider<PublicGetPaths> declared) throws Exception {
        List<String> publicGets = new ArrayList<>(props.publicGetPaths());
        declared.orderedStream().forEach(d -> publicGets.addAll(d.paths()));
        http.csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                .requestMatchers(HttpMethod.GET, publicGets.toArray(String[]::new)).permitAll()
                .anyRequest().authenticated())
            .exceptionHandling(e -> e
                .authenticationEntryPoint((req, res, ex) -> write(res, json, ErrorCode.UNAUTHENTICATED, "需要有效的登录令牌"))
                .accessDeniedHandler((req, res, ex) -> write(res, json, ErrorCode.FORBIDDEN, "无权访问")))
            .oauth2ResourceServer(o -> o
                .jwt(j -> j.decoder(new CachingJwtDecoder(props)))
                .authenticationEntryPoint((req, res, ex) -> write(res, json, ErrorCode.UNAUTHENTICATED, "登录令牌无效或已过期")));
        return http.build();
    }

    /**
     * Spring Security's observations are off (management.observations.enable.spring.security: false), yet its filter
     * chain was still wrapped filter by filter for them (about 1 % of search-service's CPU on a guide search,
     * docs/benchmarks/search.md); with these settings it is not wrapped at all. The request's own observation
     * (http.server.requests: metric and span) stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static void write(HttpServletResponse res, JsonMapper json, ErrorCode code, String detail) throws IOException {
        ProblemDetail p = ProblemDetails.of(code, detail, null, null);
        res.setStatus(code.status());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(json.writeValueAsString(p));
    }
}
