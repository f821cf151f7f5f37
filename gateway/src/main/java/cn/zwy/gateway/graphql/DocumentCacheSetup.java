package cn.zwy.gateway.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link DocumentCache} in front of graphql-java's parser and validator. */
@Configuration
public class DocumentCacheSetup {

    @Bean
    DocumentCache documentCache(DocumentCacheProperties props, ResourceLoader resources, JsonMapper json,
                                MeterRegistry meters) throws IOException {
        Map<String, String> manifest = props.manifest() == null ? Map.of() : manifest(resources.getResource(props.manifest()), json);
        DocumentCache cache = new DocumentCache(props.maxDocuments(), props.maxPersisted(), manifest, props.allowListOnly());
        cache.bindMetrics(meters);
        return cache;
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCacheCustomizer(DocumentCache cache) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /**
     * An Apollo persisted-query manifest ({@code {"format": "apollo-persisted-query-manifest",
     * "operations": [{"id", "body", …}]}}), as the apps' build writes it. An id that is not the
     * SHA-256 of its body stops the start: the clients would never hit it.
     */
    static Map<String, String> manifest(Resource resource, JsonMapper json) throws IOException {
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = json.readTree(in);
        }
        if (!"apollo-persisted-query-manifest".equals(root.path("format").asString(null))) {
            throw new IllegalStateException(resource + " is not an apollo-persisted-query-manifest");
        }
        Map<String, String> documents = new LinkedHashMap<>();
        for (JsonNode op : root.path("operations")) {
            String id = op.path("id").asString(null);
            String body = op.path("body").asString(null);
            if (id == null || body == null || !id.equals(DocumentCache.sha256(body))) {
                throw new IllegalStateException(resource + ": operation " + op.path("name").asString("?")
                        + " has an id that is not the SHA-256 of its body");
            }
            documents.put(id, body);
        }
        return documents;
    }
}
