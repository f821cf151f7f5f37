package cn.zwy.gateway.limits;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The cost of a query before it runs, in the manner of Shopify's and GitHub's APIs: a field that
 * returns an object costs 1, a scalar or enum 0; a connection costs its {@code first} (the page
 * size, the SDL default when not given) plus {@code first} times the cost of what is selected in
 * its nodes; a list without paging is assumed to hold {@link #ASSUMED_LIST_SIZE} items; a
 * mutation field costs {@link #MUTATION} more. So 140 aliased {@code searchHalls(first: 100)} cost
 * at least 14,000 however little each selects. Introspection is not costed (graphql-java's
 * good-faith introspection check bounds it). While walking the query, the arguments are checked
 * by {@link ArgumentRules}: the walk sees every argument with its variables resolved.
 */
final class QueryCost {

    static final int ASSUMED_LIST_SIZE = 10;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MUTATION = 10;
    /**
     * A field's cost saturates here rather than overflow (first: 2147483647 is simply too costly).
     * graphql-java adds up siblings as int: with at most 5,000 tokens a selection has well under
     * 2,000 fields, so sums of saturated fields stay far below 2^31.
     */
    static final long CEILING = 1_000_000L;

    private QueryCost() {}

    static int of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        GraphQLObjectType mutation = schema.getMutationType();
        FieldComplexityCalculator perField = (env, children) -> {
            ArgumentRules.check(env.getArguments());
            return field(env, children, mutation);
        };
        return QueryComplexityCalculator.newCalculator()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .variables(variables)
                .fieldComplexityCalculator(perField)
                .build().calculate();
    }

    private static int field(FieldComplexityEnvironment env, int childrenSum, GraphQLObjectType mutation) {
        long children = childrenSum < 0 ? CEILING : childrenSum;
        String parent = env.getParentType().getName();
        if (env.getField().getName().startsWith("__") || parent.startsWith("__")) return 0;
        // edges, node and pageInfo are the connection's own structure: its size is counted once, at the connection
        if (parent.endsWith("Connection") || parent.endsWith("Edge")) return (int) Math.min(children, CEILING);
        GraphQLOutputType type = env.getFieldDefinition().getType();
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        long cost;
        if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
            cost = 0;
        } else if (((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName().endsWith("Connection")) {
            long first = env.getArguments().get("first") instanceof Number n ? Math.max(0, n.longValue()) : DEFAULT_PAGE_SIZE;
            cost = first + first * children;
        } else if (unwrapped instanceof GraphQLList) {
            cost = 1 + ASSUMED_LIST_SIZE * children;
        } else {
            cost = 1 + children;
        }
        if (mutation != null && env.getParentType() == mutation) cost += MUTATION;
        return (int) Math.min(cost, CEILING);
    }
}
