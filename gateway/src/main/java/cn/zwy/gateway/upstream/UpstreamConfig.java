package cn.zwy.gateway.upstream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
public class UpstreamConfig {

    /** The builder is Boot's, so calls carry trace context and are measured. */
    @Bean
    ServiceClient tenantService(WebClient.Builder builder, ServicesProperties props) {
        return new ServiceClient(builder.clone().baseUrl(props.tenantUrl()).build(), "tenant-service");
    }

    @Bean
    ServiceClient searchService(WebClient.Builder builder, ServicesProperties props) {
        return new ServiceClient(builder.clone().baseUrl(props.searchUrl()).build(), "search-service");
    }
}
