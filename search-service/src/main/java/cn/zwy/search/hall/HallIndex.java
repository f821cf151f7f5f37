package cn.zwy.search.hall;

import cn.zwy.search.elastic.AliasedIndex;
import cn.zwy.search.elastic.SearchProperties;
import cn.zwy.search.elastic.SearchUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The halls index, {@code <prefix>-halls}: an alias onto a versioned index, so that a changed
 * mapping can be built beside the old one and switched to. Created at startup when Elasticsearch
 * answers, otherwise on first use: an outage must not keep the service from starting.
 */
@Component
class HallIndex {

    /** Elasticsearch's default {@code index.max_result_window}: from + size may not exceed it. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private static final Logger log = LoggerFactory.getLogger(HallIndex.class);
    private static final String MAPPING = "/elasticsearch/halls-index.json";

    private final ElasticsearchClient es;
    private final String alias;
    private final String index;
    private volatile boolean ready;

    HallIndex(ElasticsearchClient es, SearchProperties props) {
        this.es = es;
        this.alias = props.indexPrefix() + "-halls";
        this.index = alias + "-v1";
    }

    @EventListener(ApplicationReadyEvent.class)
    void createAtStartup() {
        AliasedIndex.tryAtStartup(alias, this::ensureExists);
    }

    /**
     * Stores the hall unless the index already holds this or a newer version of it: with external
     * versioning a replayed or late event is refused by Elasticsearch itself, which is success here.
     */
    void put(HallDocument hall) throws IOException {
        ensureExists();
        try {
            es.index(i -> i.index(alias).id(hall.hallId().toString())
                    .versionType(VersionType.External).version(hall.version()).document(hall));
        } catch (ResponseException e) {
            // the RestClient transport reports a 409 like this, not as ElasticsearchException (elasticsearch-java#285)
            if (e.getResponse().getStatusLine().getStatusCode() != 409) throw e;
            log.debug("hall {} version {} already applied or superseded", hall.hallId(), hall.version());
        }
    }

    /** Halls under the region (T2: there is no search without one) containing all of the text. */
    Hits search(String text, String regionPrefix, int from, int size) {
        try {
            ensureExists();
            SearchResponse<HallDocument> r = es.search(s -> s.index(alias)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("regionPath").value(regionPrefix)))
                            // most_fields adds the score of adjacent character pairs (name.shingle) to that of the characters
                            .must(m -> m.multiMatch(mm -> mm.query(text)
                                    .fields("name^3", "name.shingle^2", "address", "regionName", "tenantName")
                                    .type(TextQueryType.MostFields).operator(Operator.And)))))
                    // a total order, so that offset cursors neither repeat nor skip halls of equal score
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("hallId").order(SortOrder.Asc)))
                    .from(from).size(size).trackTotalHits(t -> t.enabled(true)),
                    HallDocument.class);
            return new Hits(r.hits().hits().stream().map(Hit::source).toList(), r.hits().total().value());
        } catch (IOException e) {
            // unreachable, or answering with a server error (which the RestClient transport also reports as IOException)
            throw new SearchUnavailableException(e);
        }
    }

    record Hits(List<HallDocument> halls, long total) {}

    private void ensureExists() throws IOException {
        if (ready) return;
        AliasedIndex.createIfMissing(es, alias, index, MAPPING);
        ready = true;
    }
}
