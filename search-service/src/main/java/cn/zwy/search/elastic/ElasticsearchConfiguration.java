package cn.zwy.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.protocol.HttpClientContext;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    /**
     * Documents go through the application's own JSON mapper, so the index holds exactly the
     * JSON the REST API and the events use. Short timeouts: a public search should fail fast
     * with 503 rather than hold a request thread while Elasticsearch is unwell.
     *
     * <p>No authentication cache: RestClient hands every request a cache of a basic-auth scheme per node
     * (for preemptive authentication), and Apache HttpClient copies the scheme out of that cache by Java
     * deserialisation on every request — 4.5 % of search-service's CPU per guide search
     * (docs/benchmarks/search.md, 2026-12-06). The platform's Elasticsearch is reached without credentials
     * (a private network and its own security settings), so the cache is dropped before it is read.
     */
    @Bean
    ElasticsearchClient elasticsearchClient(SearchProperties props, JsonMapper json) {
        RestClient rest = RestClient.builder(HttpHost.create(props.elasticsearchUrl()))
                .setRequestConfigCallback(c -> c.setConnectTimeout(2_000).setSocketTimeout(10_000))
                .setHttpClientConfigCallback(c -> c.addInterceptorFirst(
                        (HttpRequestInterceptor) (request, context) -> context.removeAttribute(HttpClientContext.AUTH_CACHE)))
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new Jackson3JsonpMapper(json)));
    }
}
