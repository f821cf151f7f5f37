package cn.zwy.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.CoercedVariables;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The depth and cost of a document, worked out once per document and per value of the few variables they depend on,
 * instead of walking the document twice on every request (graphql-java's traverser: 4–5 % of the gateway's CPU on a
 * guide search, docs/benchmarks/search.md). The apps send the same few hundred documents (DocumentCache hands out the
 * same parsed {@link Document} for the same text), and only {@code first} arguments and {@code @skip/@include}
 * conditions change what a document costs or how deep it goes; every other variable (search text, region code) is
 * still checked by {@link ArgumentRules} on every request, by the name of each argument it is passed to.
 *
 * <p>A document's argument literals are checked by the full walk the first time; a walk that fails caches nothing, so
 * a bad literal is refused every time.
 */
final class CostPlans {

    /** Values of the cost-relevant variables kept per document (a client paging with ever new page sizes). */
    static final int MAX_VARIANTS = 64;

    /** A variable passed to an argument (or an input field) of this name: checked by that name. */
    record Binding(String argument, String variable) {}

    /** What a document's checks depend on, worked out from its text alone. */
    static final class Plan {
        final List<Binding> bindings;
        /** Variables used in a {@code first} argument or a directive: a key of {@link #variants}. */
        final List<String> costVariables;
        final ConcurrentHashMap<List<Object>, Integer> variants = new ConcurrentHashMap<>();

        Plan(List<Binding> bindings, List<String> costVariables) {
            this.bindings = List.copyOf(bindings);
            this.costVariables = List.copyOf(costVariables);
        }
    }

    private record Key(Document document, String operationName) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.document == document && Objects.equals(k.operationName, operationName);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(document) * 31 + Objects.hashCode(operationName);
        }
    }

    private final Cache<Key, Plan> plans;
    private final int maxDepth;

    CostPlans(int maxDocuments, int maxDepth) {
        this.plans = Caffeine.newBuilder().maximumSize(maxDocuments).build();
        this.maxDepth = maxDepth;
    }

    /** Thrown when the document nests deeper than the limit. */
    static final class TooDeep extends RuntimeException {
        final int depth;

        TooDeep(int depth) {
            super(null, null, false, false);
            this.depth = depth;
        }
    }

    /**
     * The cost of the operation with these variables; throws {@link ArgumentRules.Invalid} for a malformed argument and
     * {@link TooDeep} past the depth limit.
     */
    int cost(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        Plan plan = plans.get(new Key(document, operationName), k -> plan(document));
        Map<String, Object> values = variables.toMap();
        for (Binding b : plan.bindings) ArgumentRules.check(b.argument(), values.get(b.variable()));
        Object[] key = new Object[plan.costVariables.size()];
        for (int i = 0; i < key.length; i++) key[i] = values.get(plan.costVariables.get(i));
        List<Object> variant = Arrays.asList(key);
        Integer known = plan.variants.get(variant);
        if (known != null) return known;
        int depth = depth(schema, document, operationName, variables);
        if (depth > maxDepth) throw new TooDeep(depth);
        int cost = QueryCost.of(schema, document, operationName, variables);
        if (plan.variants.size() < MAX_VARIANTS) plan.variants.put(variant, cost);
        return cost;
    }

    /** As graphql-java's MaxQueryDepthInstrumentation counts it: a top-level field with a scalar selection is depth 2. */
    static int depth(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .coercedVariables(variables).build()
                .reducePreOrder((env, acc) -> Math.max(pathLength(env.getParentEnvironment()), acc), 0);
    }

    private static int pathLength(QueryVisitorFieldEnvironment path) {
        int length = 1;
        while (path != null) {
            path = path.getParentEnvironment();
            length++;
        }
        return length;
    }

    /** Every variable's argument names, and the variables of {@code first} and of directives, from the whole document. */
    static Plan plan(Document document) {
        List<Binding> bindings = new ArrayList<>();
        TreeSet<String> costVariables = new TreeSet<>();
        collect(document, false, bindings, costVariables);
        return new Plan(bindings, new ArrayList<>(costVariables));
    }

    private static void collect(Node<?> node, boolean inDirective, List<Binding> bindings, TreeSet<String> costVariables) {
        if (node instanceof Argument a) {
            bind(a.getName(), a.getValue(), inDirective || a.getName().equals("first"), bindings, costVariables);
            return;
        }
        boolean directive = inDirective || node instanceof Directive;
        for (Node<?> child : node.getChildren()) collect(child, directive, bindings, costVariables);
    }

    private static void bind(String name, Value<?> value, boolean costs, List<Binding> bindings, TreeSet<String> costVariables) {
        switch (value) {
            case VariableReference v -> {
                bindings.add(new Binding(name, v.getName()));
                if (costs) costVariables.add(v.getName());
            }
            case ObjectValue o -> {
                for (ObjectField f : o.getObjectFields()) bind(f.getName(), f.getValue(), costs, bindings, costVariables);
            }
            case ArrayValue l -> {
                for (Value<?> v : l.getValues()) bind(name, v, costs, bindings, costVariables);
            }
            default -> { }
        }
    }
}
