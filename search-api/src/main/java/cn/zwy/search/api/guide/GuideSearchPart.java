package cn.zwy.search.api.guide;

/**
 * What a search is asked to compute besides matching (issue 10, the latency goal): each part costs
 * Elasticsearch work over the whole result — facet counts are aggregations, highlights re-read the
 * matched texts, an exact total visits every match — so the gateway asks for the parts the GraphQL
 * selection contains and nothing else. A request naming no part gets them all (internal callers).
 */
public enum GuideSearchPart {
    /** The page of guides (edges, pageInfo); without it the search counts or facets only. */
    HITS,
    /** The exact number of matches (totalCount). */
    TOTAL,
    /** Matched words in {@code <em>}: of the name, */
    NAME_HIGHLIGHTS,
    /** of the aliases, */
    ALIAS_HIGHLIGHTS,
    /** of the guide's text (fragments; the costliest: the text is long). */
    BODY_HIGHLIGHTS,
    AUDIENCE_FACET,
    TAGS_FACET,
    DEPARTMENTS_FACET,
    CASE_CLASSES_FACET,
    THEMES_FACET
}
