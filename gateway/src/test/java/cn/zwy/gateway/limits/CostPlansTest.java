package cn.zwy.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The depth and cost worked out once per document (CostPlans) must answer exactly what the full walk answers on every
 * request: the same cost for every page size, and every malformed argument refused, however often the document ran.
 */
class CostPlansTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void loadSchema() {
        schema = PublicSchema.load();
    }

    private final CostPlans plans = new CostPlans(100, 10);

    private int cost(Document doc, Map<String, Object> variables) {
        return plans.cost(schema, doc, null, CoercedVariables.of(variables));
    }

    @Test
    void aCachedDocumentIsCostedByItsPageSizeVariable() {
        Document doc = Parser.parse("query($t: String!, $r: String!, $n: Int) { searchGuides(text: $t, regionCode: $r, first: $n) {"
                + " edges { node { name highlights { field } } } } }");
        assertThat(cost(doc, Map.of("t", "社保", "r", "441825", "n", 10))).isEqualTo(20);
        assertThat(cost(doc, Map.of("t", "护照", "r", "440102", "n", 10))).isEqualTo(20);
        assertThat(cost(doc, Map.of("t", "护照", "r", "440102", "n", 100))).isEqualTo(200);
        // first omitted: the SDL's default page size
        assertThat(cost(doc, Map.of("t", "护照", "r", "440102"))).isEqualTo(40);
        assertThat(cost(doc, Map.of("t", "护照", "r", "440102", "n", 10))).isEqualTo(20);
    }

    @Test
    void skipAndIncludeConditionsAreKeysOfTheCost() {
        Document doc = Parser.parse("query($deep: Boolean!) { searchHalls(text: \"x\", regionPrefix: \"44\", first: 10) {"
                + " totalCount edges @include(if: $deep) { node { openingHours { weekday } } } } }");
        assertThat(cost(doc, Map.of("deep", false))).isEqualTo(10);
        assertThat(cost(doc, Map.of("deep", true))).isEqualTo(20);
        assertThat(cost(doc, Map.of("deep", false))).isEqualTo(10);
    }

    @Test
    void everyRequestsVariablesAreCheckedByTheArgumentTheyArePassedTo() {
        Document doc = Parser.parse("query($t: String!, $r: String!) { searchGuides(text: $t, regionCode: $r, first: 10) { totalCount } }");
        assertThat(cost(doc, Map.of("t", "社保", "r", "441825"))).isEqualTo(10);
        assertThatThrownBy(() -> cost(doc, Map.of("t", "社保", "r", "../x")))
                .isInstanceOfSatisfying(ArgumentRules.Invalid.class, e -> assertThat(e.field).isEqualTo("regionCode"));
        assertThatThrownBy(() -> cost(doc, Map.of("t", "a\u0000", "r", "441825")))
                .isInstanceOfSatisfying(ArgumentRules.Invalid.class, e -> assertThat(e.field).isEqualTo("text"));
        // inside an input object, by the input field's name; a variable not given is not checked
        Document mutation = Parser.parse("mutation($c: String!, $p: String) { updateHall(input: {tenantCode: $c, phone: $p}) { hall { phone } } }");
        Map<String, Object> noPhone = new HashMap<>();
        noPhone.put("c", "441825");
        assertThat(cost(mutation, noPhone)).isEqualTo(12);
        assertThatThrownBy(() -> cost(mutation, Map.of("c", "44/18", "p", "1")))
                .isInstanceOfSatisfying(ArgumentRules.Invalid.class, e -> assertThat(e.field).isEqualTo("tenantCode"));
    }

    @Test
    void aBadLiteralIsRefusedEveryTime() {
        Document doc = Parser.parse("{ hall(tenantCode: \"..\") { name } }");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cost(doc, Map.of())).isInstanceOf(ArgumentRules.Invalid.class);
        }
    }

    @Test
    void deeperThanTheLimitIsRefusedEveryTime() {
        // the classic introspection nesting: __schema > types > fields > type > ofType × 7 > name
        Document doc = Parser.parse("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType {"
                + " ofType { name } } } } } } } } } } } }");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cost(doc, Map.of()))
                    .isInstanceOfSatisfying(CostPlans.TooDeep.class, e -> assertThat(e.depth).isGreaterThan(10));
        }
        assertThat(CostPlans.depth(schema, Parser.parse("{ hall(tenantCode: \"441825\") { name } }"), null, CoercedVariables.emptyVariables()))
                .isEqualTo(2);
    }
}
