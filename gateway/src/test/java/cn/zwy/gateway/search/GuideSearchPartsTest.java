package cn.zwy.gateway.search;

import static cn.zwy.search.api.guide.GuideSearchPart.ALIAS_HIGHLIGHTS;
import static cn.zwy.search.api.guide.GuideSearchPart.BODY_HIGHLIGHTS;
import static cn.zwy.search.api.guide.GuideSearchPart.HITS;
import static cn.zwy.search.api.guide.GuideSearchPart.NAME_HIGHLIGHTS;
import static cn.zwy.search.api.guide.GuideSearchPart.TAGS_FACET;
import static cn.zwy.search.api.guide.GuideSearchPart.THEMES_FACET;
import static cn.zwy.search.api.guide.GuideSearchPart.TOTAL;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.search.api.guide.GuideSearchPart;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 10: search-service is asked for exactly what the citizen's selection shows, read from the document. */
class GuideSearchPartsTest {

    private static List<GuideSearchPart> parts(String query, Map<String, Object> variables) {
        Document doc = Parser.parse(query);
        OperationDefinition op = doc.getDefinitionsOfType(OperationDefinition.class).getFirst();
        Field search = (Field) op.getSelectionSet().getSelections().getFirst();
        Map<String, FragmentDefinition> fragments = doc.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
        return GuideSearchGraph.parts(List.of(search), fragments, variables);
    }

    @Test
    void theAppsSearchAsksForHitsTotalAndNameHighlightsOnly() {
        assertThat(parts("query($t: String!, $r: String!) { searchGuides(text: $t, regionCode: $r, first: 10) { totalCount"
                + " edges { cursor node { itemId name highlights(fields: [NAME]) { field fragments } } } } }", Map.of()))
                .containsExactly(HITS, TOTAL, NAME_HIGHLIGHTS);
    }

    @Test
    void highlightsWithoutFieldsAreAllOfThemAndFacetsOnlyThoseSelected() {
        assertThat(parts("{ searchGuides(text: \"社保\", regionCode: \"441825\") { edges { node { highlights { field } } }"
                + " facets { tags { value } themes { value } } } }", Map.of()))
                .containsExactly(HITS, NAME_HIGHLIGHTS, ALIAS_HIGHLIGHTS, BODY_HIGHLIGHTS, TAGS_FACET, THEMES_FACET);
    }

    @Test
    void fragmentsAliasesAndVariablesAreFollowed() {
        assertThat(parts("query($h: [GuideHighlightField!]) { searchGuides(text: \"社保\", regionCode: \"441825\") { ...page } }"
                + " fragment page on GuideSearchConnection { n: totalCount ... on GuideSearchConnection { edges { node { hl: highlights(fields: $h) { field } } } } }",
                Map.of("h", List.of("BODY"))))
                .containsExactly(HITS, TOTAL, BODY_HIGHLIGHTS);
        assertThat(parts("{ searchGuides(text: \"社保\", regionCode: \"441825\") { edges { node { highlights(fields: ALIASES) { field } } } } }", Map.of()))
                .containsExactly(HITS, ALIAS_HIGHLIGHTS);
    }

    @Test
    void aSelectionOfNoneOfThemStillNamesHits() {
        assertThat(parts("{ searchGuides(text: \"社保\", regionCode: \"441825\") { __typename } }", Map.of())).containsExactly(HITS);
        assertThat(parts("{ searchGuides(text: \"社保\", regionCode: \"441825\") { totalCount } }", Map.of())).containsExactly(TOTAL);
    }
}
