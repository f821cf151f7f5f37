package cn.zwy.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's limits (all per caller: tenant and user when signed in, client address when not).
 *
 * @param perMinute             GraphQL operations per minute, over HTTP and WebSocket alike
 * @param keyPrefix             prefix of every Redis key the limits use (a test run uses its own)
 * @param costMax               the most one request may cost (see {@link QueryCost})
 * @param costBucket            size of the caller's cost bucket (leaky bucket shared by all instances)
 * @param costRestorePerSecond  points the bucket regains per second
 * @param wsConnectionsPerCaller open WebSocket connections per caller, across instances
 * @param wsOperationsPerConnection operations running at once on one WebSocket connection (subscriptions)
 * @param tokenPerMinute        requests to Keycloak's token and login endpoints per client address and minute
 * @param publicIntrospection   whether callers without a staff token may introspect the schema (demo and local only)
 */
@ConfigurationProperties("zwy.limits")
public record LimitsProperties(long perMinute, String keyPrefix, int costMax, int costBucket, int costRestorePerSecond,
                               int wsConnectionsPerCaller, int wsOperationsPerConnection, long tokenPerMinute,
                               boolean publicIntrospection) {
}
