package cn.zwy.search.guide;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.FieldSuggester;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import java.util.ArrayList;
import java.util.List;

/**
 * The text-matching part of a guide search (ADR 0018): which analysed fields a citizen's words are
 * matched against and how they weigh, the highlighting of matched words and the completion
 * request. Scope, filters, facets, region boosts and paging are {@link GuideIndex}'s.
 *
 * <p>The fields and their analyzers (the zwy-analysis plugin, module search-analysis):
 * <ul>
 *   <li>words ({@code name}, {@code aliases}, {@code body}): the query side keeps the citizen's
 *       phrases whole and reads them as the official terms (办社保卡 → 社会保障卡, shebaoka, sbk, hz too),
 *       names and aliases weigh over the guide's text;</li>
 *   <li>pinyin ({@code .pinyin}): every syllable of the query must be in the name — pinyin typed as
 *       such (huzhao) and homophone miswritings (社报卡 → she bao ka) both land;</li>
 *   <li>initials ({@code .initials}), only for a short Latin query (sbk, hz);</li>
 *   <li>bigrams ({@code .bigram}): recall for words the segmenter cut otherwise, most of them required.</li>
 * </ul>
 * The text is cut to {@link #MAX_CHARS} characters before anything else, and the analyzers cap it
 * again: a query's analysis cost is bounded whatever is sent.
 */
final class GuideTextQuery {

    static final String SUGGESTER = "guides";
    /** What a citizen types into a search box; longer text is cut (the analyzers cut at 64 again). */
    static final int MAX_CHARS = 64;
    /** Initials are tried for Latin queries of up to this many letters (sbk, hz, shbzk). */
    static final int MAX_INITIALS = 8;
    /** How many of the query's bigrams a field must hold: both of two, 75 % of more. */
    private static final String BIGRAMS_MATCH = "2<75%";

    private GuideTextQuery() {}

    /** The text as searched: stripped and cut to {@link #MAX_CHARS} code points. */
    static String cap(String text) {
        String t = text == null ? "" : text.strip();
        if (t.codePointCount(0, t.length()) <= MAX_CHARS) return t;
        return t.substring(0, t.offsetByCodePoints(0, MAX_CHARS));
    }

    static Query query(String raw) {
        String text = cap(raw);
        List<Query> should = new ArrayList<>();
        should.add(Query.of(q -> q.multiMatch(m -> m.query(text).type(TextQueryType.BestFields).tieBreaker(0.3)
                .autoGenerateSynonymsPhraseQuery(false)
                .fields("name^6", "aliases^4", "body"))));
        should.add(Query.of(q -> q.multiMatch(m -> m.query(text).type(TextQueryType.BestFields).tieBreaker(0.3)
                .operator(Operator.And).fields("name.pinyin^3", "aliases.pinyin^2"))));
        if (text.length() <= MAX_INITIALS && text.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            should.add(Query.of(q -> q.multiMatch(m -> m.query(text).type(TextQueryType.BestFields)
                    .fields("name.initials^3", "aliases.initials^2"))));
        }
        should.add(Query.of(q -> q.multiMatch(m -> m.query(text).type(TextQueryType.MostFields)
                .minimumShouldMatch(BIGRAMS_MATCH).fields("name.bigram^2", "aliases.bigram^1.5", "body.bigram^0.3"))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /**
     * Matched words in {@code <em>}, for names whole and for the text in short fragments; only of the fields asked for
     * (the highlighter analyses each field's text again, per hit: the guide's text costs most), null when none is.
     */
    static Highlight highlight(String raw, boolean name, boolean aliases, boolean body) {
        if (!name && !aliases && !body) return null;
        String text = cap(raw);
        return Highlight.of(h -> {
            h.type(HighlighterType.Unified).preTags("<em>").postTags("</em>");
            // each field highlights with a match of the text on itself: the same words as the search's own clauses on
            // the field (the highlighter keeps only those), without rewriting the whole query per field and hit (≈ 40 %
            // less highlighting time measured, docs/benchmarks/search.md)
            if (name) h.fields("name", f -> f.numberOfFragments(0).matchedFields(List.of("name", "name.bigram"))
                    .highlightQuery(q -> q.bool(b -> b.should(s -> s.match(m -> m.field("name").query(text)))
                            .should(s -> s.match(m -> m.field("name.bigram").query(text).minimumShouldMatch(BIGRAMS_MATCH))))));
            if (aliases) h.fields("aliases", f -> f.numberOfFragments(0)
                    .highlightQuery(q -> q.match(m -> m.field("aliases").query(text))));
            if (body) h.fields("body", f -> f.fragmentSize(60).numberOfFragments(2)
                    .highlightQuery(q -> q.match(m -> m.field("body").query(text))));
            return h;
        });
    }

    /**
     * Completions of a prefix among the guides visible from the given scope keys. Typo-tolerant
     * twice: one edit counted in characters (unicode-aware, 社保咔 → 社保卡…), and the prefix's pinyin
     * meets the pinyin forms the suggest analyzer indexes (社报卡 → shebaoka… → 社会保障卡申领).
     */
    static FieldSuggester suggest(String prefix, List<String> scopeKeys, int size) {
        String p = cap(prefix);
        return FieldSuggester.of(s -> s.prefix(p).completion(c -> c.field("suggest").size(size).skipDuplicates(true)
                .fuzzy(f -> f.fuzziness("AUTO").minLength(2).prefixLength(1).unicodeAware(true))
                .contexts("scope", scopeKeys.stream()
                        .map(k -> CompletionContext.of(cc -> cc.context(ctx -> ctx.category(k))))
                        .toList())));
    }
}
