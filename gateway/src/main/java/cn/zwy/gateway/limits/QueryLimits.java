package cn.zwy.gateway.limits;

import cn.zwy.common.error.ErrorCode;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks every operation after validation and before anything runs (no resolver, no service call):
 * refuses it with QUERY_TOO_COSTLY when it nests deeper than {@link #MAX_DEPTH} (abuse of nested connections) or
 * costs more than the per-request maximum, with RATE_LIMITED when the caller's bucket does not hold enough, and with
 * VALIDATION when an argument breaks {@link ArgumentRules}. Depth and cost come from {@link CostPlans}, worked out once
 * per document. Called from the one instrumentation of the gateway (cn.zwy.gateway.graphql.GraphQlSetup).
 */
@Component
public class QueryLimits {

    /** Deeper documents than this are refused before execution. */
    public static final int MAX_DEPTH = 10;

    private final LimitsProperties props;
    private final CostPlans plans = new CostPlans(2000, MAX_DEPTH);

    public QueryLimits(LimitsProperties props) {
        this.props = props;
    }

    /** Throws {@link AbortExecutionException} with the error the caller gets; returns normally when the operation may run. */
    public void check(ExecutionContext ctx) {
        int cost;
        try {
            cost = plans.cost(ctx.getGraphQLSchema(), ctx.getDocument(), ctx.getOperationDefinition().getName(), ctx.getCoercedVariables());
            if (cost < 0) cost = Integer.MAX_VALUE; // cannot happen within the token limit; never let an overflow through
        } catch (ArgumentRules.Invalid e) {
            throw abort(ErrorCode.VALIDATION, e.getMessage(), Map.of("field", e.field));
        } catch (CostPlans.TooDeep e) {
            throw abort(ErrorCode.QUERY_TOO_COSTLY, "查询嵌套 " + e.depth + " 层，超出上限 " + MAX_DEPTH + " 层：请减少嵌套的字段",
                    Map.of("depth", e.depth, "maximumDepth", MAX_DEPTH));
        }
        CostBudget budget = ctx.getGraphQLContext().get(CostBudget.class);
        if (budget != null) budget.requested = cost;
        if (cost > props.costMax()) {
            throw abort(ErrorCode.QUERY_TOO_COSTLY, "查询开销为 " + cost + "，超出单次请求上限 " + props.costMax()
                    + "：请减少别名、嵌套列表或分页大小（first）", Map.of("cost", cost, "maximumQueryCost", props.costMax()));
        }
        if (budget != null && cost > budget.available) {
            throw abort(ErrorCode.RATE_LIMITED, "查询额度暂时用尽：本次需要 " + cost + "，当前可用 " + Math.max(0, budget.available)
                    + "，每秒恢复 " + props.costRestorePerSecond() + "，请稍后再试", Map.of("cost", cost));
        }
        if (budget != null) budget.admitted = true;
    }

    private static AbortExecutionException abort(ErrorCode code, String message, Map<String, Object> more) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code.name());
        ext.putAll(more);
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message).extensions(ext).build()));
    }
}
