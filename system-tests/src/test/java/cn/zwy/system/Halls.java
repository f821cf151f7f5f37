package cn.zwy.system;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Shared GraphQL documents and helpers of the hall tests. */
final class Halls {

    static final String HALL = "query($t: ID!) { hall(tenantCode: $t) { id name address phone version openingHours { weekday periods { opens closes } } } }";
    static final String UPDATE = "mutation($input: UpdateHallInput!) { updateHall(input: $input) { hall { name address phone version } } }";
    static final String CHANGES = """
            query($t: ID!, $first: Int) { hallChanges(tenantCode: $t, first: $first) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { cursor node { changedBy changedByName changedFields changedAt before { phone name } after { phone name } } } } }""";

    private Halls() {}

    static JsonNode hall(String tenant) {
        return Api.graphql(null, HALL, Map.of("t", tenant)).data().get("hall");
    }

    static Api.Response update(String token, Map<String, Object> input) {
        return Api.graphql(token, UPDATE, Map.of("input", input));
    }

    /** A phone number no earlier run or test used. */
    static String uniquePhone() {
        return "0763-" + (1000000 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 8999999));
    }
}
