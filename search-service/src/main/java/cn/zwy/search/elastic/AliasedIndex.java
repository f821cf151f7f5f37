package cn.zwy.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index read and written through an alias (halls, guides): created with its mapping when the alias is
 * missing, at start-up when Elasticsearch answers, otherwise on first use (an outage must not keep the
 * service from starting); another instance creating it at the same time is fine.
 */
public final class AliasedIndex {

    private static final Logger log = LoggerFactory.getLogger(AliasedIndex.class);

    private AliasedIndex() {}

    /** Creates {@code index} with the mapping resource as the write index of {@code alias}, unless the alias exists. */
    public static void createIfMissing(ElasticsearchClient es, String alias, String index, String mapping) throws IOException {
        if (es.indices().exists(e -> e.index(alias)).value()) return;
        try (InputStream json = AliasedIndex.class.getResourceAsStream(mapping)) {
            es.indices().create(c -> c.withJson(json).index(index).aliases(alias, a -> a.isWriteIndex(true)));
            log.info("created index {} as {}", index, alias);
        } catch (ElasticsearchException e) {
            // another instance was quicker
            if (!"resource_already_exists_exception".equals(e.error().type())) throw e;
        }
    }

    /** At start-up: tries, and leaves it to the first use when Elasticsearch does not answer yet. */
    public static boolean tryAtStartup(String alias, IoAction create) {
        try {
            create.run();
            return true;
        } catch (IOException | ElasticsearchException e) {
            log.warn("index {} not created yet, will be on first use: {}", alias, e.toString());
            return false;
        }
    }

    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }
}
