package cn.zwy.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cost model on the real public schema (the SDL of graphql-schema). */
class QueryCostTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() {
        schema = PublicSchema.load();
    }

    private static int cost(String query) {
        return cost(query, Map.of());
    }

    private static int cost(String query, Map<String, Object> variables) {
        return QueryCost.of(schema, Parser.parse(query), null, CoercedVariables.of(variables));
    }

    @Test
    void aConnectionCostsItsPageSizeTimesWhatEachNodeSelects() {
        assertThat(cost("{ searchHalls(text: \"x\", regionPrefix: \"44\", first: 100) { totalCount } }")).isEqualTo(100);
        // the SDL's default page size (20) when first is not given
        assertThat(cost("{ searchHalls(text: \"x\", regionPrefix: \"44\") { totalCount } }")).isEqualTo(20);
        // node { openingHours } is a list of objects: 1 + 10 × 0 per node
        assertThat(cost("{ searchHalls(text: \"x\", regionPrefix: \"44\", first: 10) { edges { node { name openingHours { weekday } } } } }"))
                .isEqualTo(20);
        assertThat(cost("query($n: Int) { searchHalls(text: \"x\", regionPrefix: \"44\", first: $n) { totalCount } }", Map.of("n", 50)))
                .isEqualTo(50);
    }

    @Test
    void guideSearchIsCostedByItsPageSizeAndSuggestionsAsAList() {
        assertThat(cost("{ searchGuides(text: \"社保\", regionCode: \"441825\", first: 100) { totalCount } }")).isEqualTo(100);
        // highlights (a list of objects) per node, and the facets (counted within the connection's children)
        assertThat(cost("{ searchGuides(text: \"社保\", regionCode: \"441825\", first: 100) { edges { node { name highlights { field } } }"
                + " facets { tags { value count } } } }")).isEqualTo(300);
        assertThat(cost("{ suggestGuides(prefix: \"社保\", regionCode: \"441825\") { text itemId } }")).isEqualTo(1);
        assertThat(cost("{ searchedGuide(itemId: \"441825:00000000-0000-0000-0000-000000000000\", regionCode: \"441825\") { name } }")).isEqualTo(1);
    }

    @Test
    void aliasesAddUp() {
        String many = IntStream.range(0, 140).mapToObj(i -> "s" + i + ": searchHalls(text: \"x\", regionPrefix: \"44\", first: 100) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(cost(many)).isEqualTo(14_000);
    }

    @Test
    void scalarsAreFreeObjectsCostOneMutationsTen() {
        assertThat(cost("{ ping }")).isZero();
        assertThat(cost("{ hall(tenantCode: \"441825\") { name address } }")).isEqualTo(1);
        assertThat(cost("{ tenant(code: \"441825\") { hall { name } } }")).isEqualTo(2);
        assertThat(cost("mutation { updateHall(input: {tenantCode: \"441825\", phone: \"1\"}) { hall { phone } } }")).isEqualTo(12);
    }

    @Test
    void introspectionIsNotCosted() {
        assertThat(cost("{ __schema { types { name fields { name args { name type { name ofType { name } } } } } } }")).isZero();
    }

    @Test
    void hugePagesSaturateInsteadOfOverflowing() {
        assertThat(cost("{ searchHalls(text: \"x\", regionPrefix: \"44\", first: 2147483647) { edges { node { openingHours { weekday } } } } }"))
                .isPositive();
    }

    @Test
    void argumentsAreCheckedWhileCosting() {
        assertThatThrownBy(() -> cost("{ hall(tenantCode: \"..\") { name } }"))
                .isInstanceOfSatisfying(ArgumentRules.Invalid.class, e -> assertThat(e.field).isEqualTo("tenantCode"));
        assertThatThrownBy(() -> cost("query($t: String!) { searchHalls(text: $t, regionPrefix: \"44\") { totalCount } }", Map.of("t", "a\u0000")))
                .isInstanceOfSatisfying(ArgumentRules.Invalid.class, e -> assertThat(e.field).isEqualTo("text"));
        assertThatThrownBy(() -> cost("mutation($i: UpdateHallInput!) { updateHall(input: $i) { hall { name } } }",
                Map.of("i", Map.of("tenantCode", "441825", "name", "a\u0000"))))
                .isInstanceOfSatisfying(ArgumentRules.Invalid.class, e -> assertThat(e.field).isEqualTo("name"));
    }
}
