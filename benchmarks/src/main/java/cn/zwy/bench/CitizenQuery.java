package cn.zwy.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** The citizen-facing queries the scale benchmark times. */
interface CitizenQuery {

    String name();

    String document();

    /** Variables for one request against this tenant (may look up ids first; that lookup is not timed). */
    Map<String, Object> variables(Http http, String gateway, String tenant);

    record Simple(String name, String document) implements CitizenQuery {
        @Override
        public Map<String, Object> variables(Http http, String gateway, String tenant) {
            return Map.of("t", tenant);
        }
    }

    /** The full guide of a random published item of the tenant. */
    record ItemDetail(String name, String document, Random random) implements CitizenQuery {
        @Override
        public Map<String, Object> variables(Http http, String gateway, String tenant) {
            JsonNode edges = http.graphql(gateway, "query($t: ID!) { items(tenantCode: $t, first: 50) { edges { node { id } } } }",
                    Map.of("t", tenant)).at("/items/edges");
            if (edges.isEmpty()) throw new IllegalStateException("tenant " + tenant + " has no published items");
            return Map.of("id", edges.get(random.nextInt(edges.size())).at("/node/id").asString());
        }
    }

    List<CitizenQuery> ALL = List.of(
            new Simple("items(tenantCode, first: 20)", """
                    query($t: ID!) { items(tenantCode: $t, first: 20) {
                      edges { cursor node { id basicCode name itemType caseClass department promisedLimit { value unit } tags versionNumber effectiveFrom } }
                      pageInfo { hasNextPage endCursor } } }"""),
            new Simple("items(filter: text)", """
                    query($t: ID!) { items(tenantCode: $t, filter: {text: "登记"}, first: 20) {
                      edges { node { id name } } pageInfo { hasNextPage } } }"""),
            new ItemDetail("item(id) full guide", """
                    query($id: ID!) { item(id: $id) { name basicCode current { number effectiveFrom guide {
                      implementingAgency acceptanceConditions materials { name form copies required toleratedMissing }
                      steps { name description } promisedLimit { value unit } caseClass fees { name standard basis } } } } }""",
                    new Random(7)),
            new Simple("hall(tenantCode)", "query($t: ID!) { hall(tenantCode: $t) { name address phone openingHours { weekday periods { opens closes } } } }"));
}
