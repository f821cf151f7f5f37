package cn.zwy.gateway.limits;

/**
 * What one operation may cost, handed from {@link OperationLimits} (which read the caller's bucket
 * in Redis before execution) to {@link QueryLimits} (which costs the parsed query) through
 * the operation's GraphQLContext, and back with the cost found.
 */
final class CostBudget {

    final long available;
    volatile int requested = -1;
    volatile boolean admitted;

    CostBudget(long available) {
        this.available = available;
    }
}
