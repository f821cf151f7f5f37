package cn.zwy.gateway.search;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.search.api.guide.GuideHit;
import cn.zwy.search.api.guide.GuideSearchApi;
import cn.zwy.search.api.guide.GuideSearchPage;
import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.search.api.guide.GuideSuggestion;
import cn.zwy.search.api.guide.IndexRebuilt;
import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.SixWay;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Guide search (ADR 0019), served by search-service; search-service checks every argument and the caller of a rebuild. */
@Controller
public class GuideSearchGraph {

    private final GuideSearchApi search;

    public GuideSearchGraph(GuideSearchApi search) {
        this.search = search;
    }

    public record GuideSearchFilter(List<Audience> audience, List<SixWay> tags, List<String> departments,
                                    List<CaseClass> caseClasses, List<String> themes) {
        static final GuideSearchFilter NONE = new GuideSearchFilter(null, null, null, null, null);
    }

    /** A connection with the facets of the whole result. */
    public record GuideSearchConnection(List<Connection.Edge<GuideHit>> edges, Connection.PageInfo pageInfo, long totalCount,
                                        GuideSearchPage.Facets facets) {}

    /** The facets of {@code GuideFacets} and the part of a search that counts each. */
    private static final Map<String, GuideSearchPart> FACETS = Map.of("audience", GuideSearchPart.AUDIENCE_FACET,
            "tags", GuideSearchPart.TAGS_FACET, "departments", GuideSearchPart.DEPARTMENTS_FACET,
            "caseClasses", GuideSearchPart.CASE_CLASSES_FACET, "themes", GuideSearchPart.THEMES_FACET);

    /** The values of {@code GuideHighlightField} and the part of a search that highlights each. */
    private static final Map<String, GuideSearchPart> HIGHLIGHTS = Map.of("NAME", GuideSearchPart.NAME_HIGHLIGHTS,
            "ALIASES", GuideSearchPart.ALIAS_HIGHLIGHTS, "BODY", GuideSearchPart.BODY_HIGHLIGHTS);

    @QueryMapping
    public Mono<GuideSearchConnection> searchGuides(@Argument String text, @Argument String regionCode,
                                                    @Argument GuideSearchFilter filter, @Argument Integer first,
                                                    @Argument String after, DataFetchingFieldSelectionSet selection) {
        GuideSearchFilter f = filter == null ? GuideSearchFilter.NONE : filter;
        return search.search(text, regionCode, f.audience(), f.tags(), f.departments(), f.caseClasses(), f.themes(), first, after,
                        parts(selection))
                .map(r -> {
                    Connection<GuideHit> c = Connection.of(r.page(), after);
                    return new GuideSearchConnection(c.edges(), c.pageInfo(), c.totalCount(), r.facets());
                });
    }

    /**
     * What search-service computes for this selection (issue 10's latency goal): facets, highlights (of the fields
     * the {@code highlights(fields:)} argument names, all when omitted) and the exact total cost Elasticsearch work,
     * so only what the client selected is asked for.
     * Fields left out of the selection are answered empty (facets) or as the page's count (totalCount), and
     * nobody sees them. A selection of none of them still names HITS (search-service reads no part named as all).
     */
    static List<GuideSearchPart> parts(DataFetchingFieldSelectionSet selection) {
        // One pass over the selected fields by their qualified names: graphql-java's contains(glob) and
        // getFields(glob) compile a glob into a regular expression on every call (9 % of the gateway's samples
        // during the search benchmark, docs/benchmarks/search.md).
        EnumSet<GuideSearchPart> parts = EnumSet.noneOf(GuideSearchPart.class);
        for (SelectedField f : selection.getFields()) {
            switch (f.getQualifiedName()) {
                case "edges", "pageInfo" -> parts.add(GuideSearchPart.HITS);
                case "totalCount" -> parts.add(GuideSearchPart.TOTAL);
                case "edges/node/highlights" -> {
                    Object fields = f.getArguments().get("fields");
                    for (Object h : fields instanceof List<?> l ? l : HIGHLIGHTS.keySet()) {
                        GuideSearchPart part = HIGHLIGHTS.get(String.valueOf(h));
                        if (part != null) parts.add(part);
                    }
                }
                default -> {
                    String name = f.getQualifiedName();
                    if (name.startsWith("facets/") && FACETS.containsKey(name.substring(7))) parts.add(FACETS.get(name.substring(7)));
                }
            }
        }
        if (parts.isEmpty()) parts.add(GuideSearchPart.HITS);
        return List.copyOf(parts);
    }

    @QueryMapping
    public Mono<List<GuideSuggestion>> suggestGuides(@Argument String prefix, @Argument String regionCode) {
        return search.suggest(prefix, regionCode);
    }

    @QueryMapping
    public Mono<GuideHit> searchedGuide(@Argument String itemId, @Argument String regionCode) {
        Ids.Scoped s = Ids.scoped("itemId", itemId);
        return search.guide(s.tenantCode(), s.id().toString(), regionCode)
                .onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND, e -> Mono.empty());
    }

    @MutationMapping
    public Mono<IndexRebuilt> rebuildGuideIndex() {
        return search.rebuild();
    }
}
