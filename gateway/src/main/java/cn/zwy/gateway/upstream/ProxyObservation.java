package cn.zwy.gateway.upstream;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests proxied by a Spring Cloud Gateway route (the material uploads) are measured under their own name.
 * Spring Cloud Gateway names them {@code http.client.requests}, like the WebClient calls to the
 * services, but with other tag keys (route id and uri); Prometheus allows one set of tag keys per
 * name, so whichever came second failed to register — a warning on every request and, when a
 * proxied request came first after start-up, no metrics of the calls to the services at all.
 */
@Configuration
public class ProxyObservation {

    static final String NAME = "gateway.proxy.requests";

    @Bean
    GatewayObservationConvention proxyObservationConvention() {
        return new DefaultGatewayObservationConvention() {
            @Override
            public String getName() {
                return NAME;
            }
        };
    }
}
