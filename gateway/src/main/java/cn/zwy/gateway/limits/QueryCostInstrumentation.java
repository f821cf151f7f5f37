package cn.zwy.gateway.limits;

import cn.zwy.common.error.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Costs every operation after validation and before anything runs (no resolver, no service call):
 * refuses it with QUERY_TOO_COSTLY above the per-request maximum, with RATE_LIMITED when the
 * caller's bucket does not hold enough, and with VALIDATION when an argument breaks
 * {@link ArgumentRules}.
 */
@Component
class QueryCostInstrumentation extends SimplePerformantInstrumentation {

    private final LimitsProperties props;

    QueryCostInstrumentation(LimitsProperties props) {
        this.props = props;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext ctx = parameters.getExecutionContext();
        int cost;
        try {
            cost = QueryCost.of(ctx);
            if (cost < 0) cost = Integer.MAX_VALUE; // cannot happen within the token limit; never let an overflow through
        } catch (ArgumentRules.Invalid e) {
            throw abort(ErrorCode.VALIDATION, e.getMessage(), Map.of("field", e.field));
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
        return SimpleInstrumentationContext.noOp();
    }

    private static AbortExecutionException abort(ErrorCode code, String message, Map<String, Object> more) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code.name());
        ext.putAll(more);
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message).extensions(ext).build()));
    }
}
