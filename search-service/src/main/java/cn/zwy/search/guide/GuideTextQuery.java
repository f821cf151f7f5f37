package cn.zwy.search.guide;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.FieldSuggester;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import java.util.List;

/**
 * The text-matching part of a guide search: which analysed fields a citizen's words are matched
 * against and how they weigh, the highlighting of matched words and the completion request.
 * Scope, filters, facets, boosts and paging are {@link GuideIndex}'s. A first version (names and
 * aliases over the guide's text; words, bigrams, pinyin and initials); the relevance work of the
 * analysis plugin (issue 10) tunes it.
 */
final class GuideTextQuery {

    static final String SUGGESTER = "guides";

    private GuideTextQuery() {}

    /** Matches the text, scored by the best-matching field group plus a share of the others. */
    static Query query(String text) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.multiMatch(m -> m.query(text).type(TextQueryType.BestFields).tieBreaker(0.3)
                        .fields("name^4", "aliases^3", "name.pinyin^2", "aliases.pinyin^1.5", "name.initials^1.5",
                                "aliases.initials", "body")))
                .should(s -> s.multiMatch(m -> m.query(text).type(TextQueryType.MostFields).operator(Operator.And)
                        .fields("name.bigram^2", "aliases.bigram^1.5", "body.bigram^0.5")))
                .minimumShouldMatch("1")));
    }

    /** Matched words in {@code <em>}, for names whole and for the text in short fragments. */
    static Highlight highlight() {
        return Highlight.of(h -> h.type(HighlighterType.Unified).preTags("<em>").postTags("</em>")
                .fields("name", f -> f.numberOfFragments(0).matchedFields(List.of("name", "name.bigram")))
                .fields("aliases", f -> f.numberOfFragments(0))
                .fields("body", f -> f.fragmentSize(60).numberOfFragments(2)));
    }

    /** Completions of a prefix among the guides visible from the given scope keys, typo-tolerant. */
    static FieldSuggester suggest(String prefix, List<String> scopeKeys, int size) {
        return FieldSuggester.of(s -> s.prefix(prefix).completion(c -> c.field("suggest").size(size).skipDuplicates(true)
                .fuzzy(f -> f.fuzziness("AUTO").minLength(2).prefixLength(1))
                .contexts("scope", scopeKeys.stream()
                        .map(k -> co.elastic.clients.elasticsearch.core.search.CompletionContext.of(cc -> cc.context(ctx -> ctx.category(k))))
                        .toList())));
    }
}
