package cn.zwy.search.guide;

import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.search.elastic.AliasedIndex;
import cn.zwy.search.elastic.SearchProperties;
import cn.zwy.search.elastic.SearchUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The guides index, {@code <prefix>-guides}: an alias onto a versioned index {@code <prefix>-guides-v<time>}.
 * A rebuild (ADR 0019) makes a new versioned index under the alias {@code <prefix>-guides-rebuild}; while
 * it exists every write goes to both, and the swap moves the main alias in one atomic alias update.
 * Documents carry the guide version number as an external version ({@code external_gte}): a stale event, a
 * replay or a rebuild's older read never overwrites a newer version, and repeating one changes nothing.
 */
@Component
class GuideIndex {

    /** The facets of a search: the name of each and the field it counts. */
    static final Map<String, String> FACETS = facets();
    /** The part of a search that asks for each facet. */
    static final Map<String, GuideSearchPart> FACET_PARTS = Map.of("audience", GuideSearchPart.AUDIENCE_FACET,
            "tags", GuideSearchPart.TAGS_FACET, "departments", GuideSearchPart.DEPARTMENTS_FACET,
            "caseClasses", GuideSearchPart.CASE_CLASSES_FACET, "themes", GuideSearchPart.THEMES_FACET);
    static final int FACET_SIZE = 30;

    private static final Logger log = LoggerFactory.getLogger(GuideIndex.class);
    private static final String MAPPING = "/elasticsearch/guides-index.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final ElasticsearchClient es;
    private final String alias;
    private final String rebuildAlias;
    private volatile boolean ready;

    GuideIndex(ElasticsearchClient es, SearchProperties props) {
        this.es = es;
        this.alias = props.indexPrefix() + "-guides";
        this.rebuildAlias = alias + "-rebuild";
    }

    private static Map<String, String> facets() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("audience", "audience");
        f.put("tags", "tags");
        f.put("departments", "department");
        f.put("caseClasses", "caseClass");
        f.put("themes", "themes");
        return f;
    }

    String alias() { return alias; }

    @EventListener(ApplicationReadyEvent.class)
    void createAtStartup() {
        AliasedIndex.tryAtStartup(alias, this::ensureExists);
    }

    // ------------------------------------------------------------------ writes

    /** Stores the document in the live index and, during a rebuild, in the new one. */
    void put(GuideDocument doc) throws IOException {
        for (String target : writeTargets()) {
            try {
                es.index(i -> i.index(target).id(doc.itemId()).versionType(VersionType.ExternalGte)
                        .version((long) doc.versionNumber()).document(doc));
            } catch (ResponseException e) {
                // the RestClient transport reports a 409 like this (elasticsearch-java#285): a newer version is there
                if (e.getResponse().getStatusLine().getStatusCode() != 409) throw e;
                log.debug("guide {} version {} superseded in {}", doc.itemId(), doc.versionNumber(), target);
            }
        }
    }

    /** Many documents into one index (a rebuild, a benchmark's catalog); a newer version already there wins. */
    void bulk(String target, List<GuideDocument> docs) throws IOException {
        if (docs.isEmpty()) return;
        BulkResponse r = es.bulk(b -> {
            for (GuideDocument d : docs) {
                b.operations(o -> o.index(i -> i.index(target).id(d.itemId()).versionType(VersionType.ExternalGte)
                        .version((long) d.versionNumber()).document(d)));
            }
            return b;
        });
        if (r.errors()) {
            for (BulkResponseItem item : r.items()) {
                if (item.error() != null && item.status() != 409) {
                    throw new IOException("bulk indexing into " + target + " failed for " + item.id() + ": " + item.error().reason());
                }
            }
        }
    }

    /** The indices a write goes to: the live one and, while a rebuild runs, the new one. */
    List<String> writeTargets() throws IOException {
        ensureExists();
        GetAliasResponse r = es.indices().getAlias(a -> a.index(alias + "-v*"));
        List<String> targets = new ArrayList<>();
        r.result().forEach((index, aliases) -> {
            if (aliases.aliases().containsKey(alias) || aliases.aliases().containsKey(rebuildAlias)) targets.add(index);
        });
        return targets;
    }

    // ------------------------------------------------------------------ rebuild

    /** A new, empty versioned index under the rebuild alias: from now on every write reaches it too. */
    String beginRebuild() throws IOException {
        ensureExists();
        for (String stale : indicesOf(rebuildAlias)) {
            // an earlier rebuild that never finished: its index is incomplete
            es.indices().delete(d -> d.index(stale));
            log.warn("dropped unfinished rebuild index {}", stale);
        }
        return create(rebuildAlias, false);
    }

    /** Moves the alias onto the rebuilt index in one step and drops the old indices. */
    void finishRebuild(String index) throws IOException {
        es.indices().refresh(r -> r.index(index));
        List<String> old = indicesOf(alias);
        es.indices().updateAliases(u -> {
            u.actions(a -> a.add(ad -> ad.index(index).alias(alias).isWriteIndex(true)));
            u.actions(a -> a.remove(rm -> rm.index(index).alias(rebuildAlias)));
            for (String o : old) u.actions(a -> a.remove(rm -> rm.index(o).alias(alias)));
            return u;
        });
        for (String o : old) if (!o.equals(index)) es.indices().delete(d -> d.index(o));
        log.info("guides index rebuilt: {} now serves {} (dropped {})", index, alias, old);
    }

    void refresh() throws IOException {
        es.indices().refresh(r -> r.index(alias));
    }

    private List<String> indicesOf(String aliasName) throws IOException {
        GetAliasResponse r = es.indices().getAlias(a -> a.index(alias + "-v*"));
        List<String> found = new ArrayList<>();
        r.result().forEach((index, aliases) -> { if (aliases.aliases().containsKey(aliasName)) found.add(index); });
        return found;
    }

    private String create(String aliasName, boolean writeIndex) throws IOException {
        String index = newIndexName();
        try (InputStream mapping = GuideIndex.class.getResourceAsStream(MAPPING)) {
            es.indices().create(c -> c.withJson(mapping).index(index).aliases(aliasName, a -> a.isWriteIndex(writeIndex)));
        }
        log.info("created index {} as {}", index, aliasName);
        return index;
    }

    private String newIndexName() {
        return alias + "-v" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    }

    private void ensureExists() throws IOException {
        if (ready) return;
        AliasedIndex.createIfMissing(es, alias, newIndexName(), MAPPING);
        ready = true;
    }

    // ------------------------------------------------------------------ reads

    /**
     * @param filters       per facet name of {@link #FACETS}, the values any of which a guide must have
     * @param hiddenTenants suspended tenants, whose guides are left out
     * @param after         the sort values of the last guide of the previous page, or null
     * @param parts         what to compute besides the matching (facets, highlights, the exact total cost work over every match)
     */
    record Request(String text, String regionCode, Map<String, List<String>> filters, Set<String> hiddenTenants,
                   int size, Cursor after, Set<GuideSearchPart> parts) {}

    record Cursor(double score, String itemId) {}

    record Found(GuideDocument doc, double score, Map<String, List<String>> highlights) {}

    /** @param total the exact number of matches, or null when not asked for */
    record Result(List<Found> hits, Long total, Map<String, Map<String, Long>> facets) {}

    Result search(Request r) {
        try {
            ensureExists();
            SearchResponse<GuideDocument> res = es.search(requestFor(r), GuideDocument.class);
            return result(res);
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** The request body a search sends to Elasticsearch (a benchmark replays it straight to Elasticsearch). */
    String requestJson(Request r) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (jakarta.json.stream.JsonGenerator g = es._jsonpMapper().jsonProvider().createGenerator(out)) {
            requestFor(r).serialize(g, es._jsonpMapper());
        }
        return out.toString();
    }

    private SearchRequest requestFor(Request r) {
        String county = r.regionCode().substring(0, 6);
        Query scoped = Query.of(q -> q.bool(b -> {
            b.must(GuideTextQuery.query(r.text()));
            b.filter(f -> f.terms(t -> t.field("scope").terms(v -> v.value(
                    GuideDocument.scopeOf(r.regionCode()).stream().map(FieldValue::of).toList()))));
            if (!r.hiddenTenants().isEmpty()) {
                b.mustNot(m -> m.terms(t -> t.field("tenantCode").terms(v -> v.value(
                        r.hiddenTenants().stream().map(FieldValue::of).toList()))));
            }
            return b;
        }));
        // the citizen's own county first, then items open to filing from elsewhere and items filed online
        Query boosted = Query.of(q -> q.functionScore(fs -> fs.query(scoped)
                .functions(f -> f.filter(x -> x.term(t -> t.field("countyCode").value(county))).weight(2.0))
                .functions(f -> f.filter(x -> x.terms(t -> t.field("crossRegion").terms(v -> v.value(
                        List.of(FieldValue.of("SAME_CITY"), FieldValue.of("PROVINCE"), FieldValue.of("NATIONWIDE")))))).weight(1.3))
                .functions(f -> f.filter(x -> x.term(t -> t.field("onlineFiling").value(true))).weight(1.2))
                .scoreMode(FunctionScoreMode.Multiply).boostMode(FunctionBoostMode.Multiply)));
        Set<GuideSearchPart> parts = r.parts();
        return SearchRequest.of(s -> {
            // only what was asked for: an exact total, highlights and each facet cost work over the whole result
            s.index(alias).query(boosted).size(parts.contains(GuideSearchPart.HITS) ? r.size() : 0)
                    .trackTotalHits(t -> t.enabled(parts.contains(GuideSearchPart.TOTAL)))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("itemId").order(SortOrder.Asc)))
                    // the text is for matching and highlighting inside Elasticsearch; a result list never shows it
                    .source(src -> src.filter(f -> f.excludes("body", "suggest")));
            Highlight highlight = GuideTextQuery.highlight(r.text(), parts.contains(GuideSearchPart.NAME_HIGHLIGHTS),
                    parts.contains(GuideSearchPart.ALIAS_HIGHLIGHTS), parts.contains(GuideSearchPart.BODY_HIGHLIGHTS));
            if (highlight != null) s.highlight(highlight);
            Query post = filterQuery(r.filters(), null);
            if (post != null) s.postFilter(post);
            for (Map.Entry<String, String> facet : FACETS.entrySet()) {
                if (!parts.contains(FACET_PARTS.get(facet.getKey()))) continue;
                Query others = filterQuery(r.filters(), facet.getKey());
                s.aggregations(facet.getKey(), a -> a
                        .filter(others == null ? Query.of(q -> q.matchAll(m -> m)) : others)
                        .aggregations("values", Aggregation.of(v -> v.terms(t -> t.field(facet.getValue()).size(FACET_SIZE)))));
            }
            if (r.after() != null) s.searchAfter(FieldValue.of(r.after().score()), FieldValue.of(r.after().itemId()));
            return s;
        });
    }

    private Result result(SearchResponse<GuideDocument> res) {
        List<Found> hits = new ArrayList<>();
        for (Hit<GuideDocument> h : res.hits().hits()) {
            hits.add(new Found(h.source(), h.score() == null ? 0 : h.score(), h.highlight()));
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            if (!res.aggregations().containsKey(name)) continue;
            Map<String, Long> counts = new LinkedHashMap<>();
            for (StringTermsBucket b : res.aggregations().get(name).filter().aggregations().get("values").sterms().buckets().array()) {
                counts.put(b.key().stringValue(), b.docCount());
            }
            facets.put(name, counts);
        }
        return new Result(hits, res.hits().total() == null ? null : res.hits().total().value(), facets);
    }

    /** The filters of every facet but {@code except}, ANDed; null when there are none. */
    private static Query filterQuery(Map<String, List<String>> filters, String except) {
        List<Query> parts = new ArrayList<>();
        filters.forEach((facet, values) -> {
            if (facet.equals(except) || values == null || values.isEmpty()) return;
            parts.add(Query.of(q -> q.terms(t -> t.field(FACETS.get(facet)).terms(v -> v.value(values.stream().map(FieldValue::of).toList())))));
        });
        if (parts.isEmpty()) return null;
        return Query.of(q -> q.bool(b -> b.filter(parts)));
    }

    /** The document of an item, or null. */
    GuideDocument get(String itemId) {
        try {
            ensureExists();
            GetResponse<GuideDocument> r = es.get(g -> g.index(alias).id(itemId), GuideDocument.class);
            return r.found() ? r.source() : null;
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    record Suggested(String text, GuideDocument doc) {}

    /** Completions among the guides visible from the region (the suggester's context is the scope). */
    List<Suggested> suggest(String prefix, String regionCode, int size) {
        try {
            ensureExists();
            SearchResponse<GuideDocument> r = es.search(s -> s.index(alias).size(0)
                    .suggest(sg -> sg.suggesters(GuideTextQuery.SUGGESTER, GuideTextQuery.suggest(prefix, GuideDocument.scopeOf(regionCode), size))),
                    GuideDocument.class);
            List<Suggested> out = new ArrayList<>();
            r.suggest().getOrDefault(GuideTextQuery.SUGGESTER, List.of()).forEach(sug -> {
                for (CompletionSuggestOption<GuideDocument> o : sug.completion().options()) out.add(new Suggested(o.text(), o.source()));
            });
            return out;
        } catch (IOException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /** For a rebuild's bookkeeping: how many documents the live index holds. */
    long count() throws IOException {
        return es.count(c -> c.index(alias)).count();
    }
}
