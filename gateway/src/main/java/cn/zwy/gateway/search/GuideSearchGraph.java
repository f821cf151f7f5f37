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
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Collection;
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
                                                    @Argument String after, DataFetchingEnvironment env) {
        GuideSearchFilter f = filter == null ? GuideSearchFilter.NONE : filter;
        return search.search(text, regionCode, f.audience(), f.tags(), f.departments(), f.caseClasses(), f.themes(), first, after,
                        parts(env))
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
    static List<GuideSearchPart> parts(DataFetchingEnvironment env) {
        return parts(env.getMergedField().getFields(), env.getFragmentsByName(), env.getVariables());
    }

    /**
     * Read from the document itself: the few fields that matter sit at known places (totalCount, edges, pageInfo,
     * facets/*, edges/node/highlights), so a walk of the field's own selection does; graphql-java's selection set of
     * the whole subtree cost 3–4 % of the gateway's CPU on a search (docs/benchmarks/search.md). {@code @skip} and
     * {@code @include} are not evaluated: a field they leave out may still be computed, never the other way round.
     */
    static List<GuideSearchPart> parts(List<Field> fields, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        EnumSet<GuideSearchPart> parts = EnumSet.noneOf(GuideSearchPart.class);
        for (Field connection : fields) {
            for (Field f : selected(connection, fragments)) {
                switch (f.getName()) {
                    case "pageInfo" -> parts.add(GuideSearchPart.HITS);
                    case "totalCount" -> parts.add(GuideSearchPart.TOTAL);
                    case "edges" -> {
                        parts.add(GuideSearchPart.HITS);
                        for (Field node : selected(f, fragments)) {
                            if (!node.getName().equals("node")) continue;
                            for (Field h : selected(node, fragments)) {
                                if (h.getName().equals("highlights")) highlights(h, variables, parts);
                            }
                        }
                    }
                    case "facets" -> {
                        for (Field facet : selected(f, fragments)) {
                            GuideSearchPart part = FACETS.get(facet.getName());
                            if (part != null) parts.add(part);
                        }
                    }
                    default -> { }
                }
            }
        }
        if (parts.isEmpty()) parts.add(GuideSearchPart.HITS);
        return List.copyOf(parts);
    }

    /** The highlights the {@code fields} argument names (a literal list, one value, or a variable), all when it is absent. */
    private static void highlights(Field h, Map<String, Object> variables, EnumSet<GuideSearchPart> parts) {
        graphql.language.Argument arg = h.getArguments().stream().filter(a -> a.getName().equals("fields")).findFirst().orElse(null);
        Object value = arg == null ? null : literal(arg.getValue(), variables);
        Collection<?> names = value == null ? HIGHLIGHTS.keySet() : value instanceof Collection<?> c ? c : List.of(value);
        for (Object name : names) {
            GuideSearchPart part = HIGHLIGHTS.get(String.valueOf(name));
            if (part != null) parts.add(part);
        }
    }

    private static Object literal(Value<?> value, Map<String, Object> variables) {
        return switch (value) {
            case VariableReference v -> variables.get(v.getName());
            case EnumValue e -> e.getName();
            case StringValue s -> s.getValue();
            case ArrayValue a -> a.getValues().stream().map(v -> literal(v, variables)).toList();
            default -> null;
        };
    }

    /** The fields selected directly under a field, through fragment spreads and inline fragments. */
    private static List<Field> selected(Field field, Map<String, FragmentDefinition> fragments) {
        List<Field> out = new ArrayList<>();
        if (field.getSelectionSet() != null) collect(field.getSelectionSet(), fragments, out, 0);
        return out;
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, List<Field> out, int depth) {
        if (depth > 10) return; // validation refuses fragment cycles; a bound all the same
        for (Selection<?> s : set.getSelections()) {
            switch (s) {
                case Field f -> out.add(f);
                case InlineFragment i -> collect(i.getSelectionSet(), fragments, out, depth + 1);
                case FragmentSpread spread -> {
                    FragmentDefinition d = fragments.get(spread.getName());
                    if (d != null) collect(d.getSelectionSet(), fragments, out, depth + 1);
                }
                default -> { }
            }
        }
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
