package cn.zwy.gateway.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cache of parsed and validated GraphQL documents and the persisted queries (APQ).
 *
 * @param maxDocuments    how many distinct documents stay parsed and validated (the apps send a few
 *                        hundred at most; anything beyond is evicted, least used first)
 * @param maxPersisted    how many persisted-query hashes registered by clients are remembered
 * @param manifest        an Apollo persisted-query manifest ({@code apollo-persisted-query-manifest},
 *                        the documents the apps are built with), registered at start-up; optional
 * @param allowListOnly   production mode: only the manifest's documents run, whether sent by hash or
 *                        as text, and clients cannot register new ones; off by default
 */
@ConfigurationProperties("zwy.graphql.documents")
public record DocumentCacheProperties(Integer maxDocuments, Integer maxPersisted, String manifest, boolean allowListOnly) {
    public DocumentCacheProperties {
        if (maxDocuments == null) maxDocuments = 2_000;
        if (maxPersisted == null) maxPersisted = 10_000;
        if (manifest != null && manifest.isBlank()) manifest = null;
        if (allowListOnly && manifest == null) {
            throw new IllegalStateException("zwy.graphql.documents.allow-list-only needs zwy.graphql.documents.manifest");
        }
    }
}
