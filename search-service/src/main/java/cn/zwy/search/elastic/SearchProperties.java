package cn.zwy.search.elastic;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param elasticsearchUrl where Elasticsearch listens
 * @param indexPrefix      prefix of every index name of this service (lets environments, and test
 *                         runs, share one cluster without seeing each other's data)
 */
@ConfigurationProperties("zwy.search")
public record SearchProperties(String elasticsearchUrl, String indexPrefix) {}
