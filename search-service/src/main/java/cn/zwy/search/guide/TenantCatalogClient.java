package cn.zwy.search.guide;

import cn.zwy.tenant.api.catalog.CatalogApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * tenant-service's catalog as its typed contract (tenant-api's {@link CatalogApi}, ADR 0008), for a rebuild
 * of the guides index only: the public reads of published guides, paths from the contract's constants and
 * tenant codes from this service's own records, never from a request.
 */
@Configuration
class TenantCatalogClient {

    @Bean
    CatalogApi tenantCatalog(@Value("${zwy.search.tenant-service-url:http://127.0.0.1:8081}") String tenantServiceUrl) {
        WebClient web = WebClient.builder().baseUrl(tenantServiceUrl).clientConnector(new JdkClientHttpConnector())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(web)).build().createClient(CatalogApi.class);
    }
}
