package cn.zwy.gateway.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The counters behind the limits, in Redis so that every gateway instance shares them. Each check
 * is one round trip (a script). If Redis cannot be reached the request is let through: the limits
 * protect capacity and must not take the API down with them.
 */
@Component
public class RedisLimits {

    /** What a caller may still do: operations counted this minute and the cost bucket's level. */
    public record Admission(long operationsThisMinute, long available) {}

    /**
     * Counts operations in the fixed one-minute window, takes costs out of the bucket and answers
     * both levels: the bucket is refilled for the time since it was last written (it is written only
     * when something is debited), may go below zero (concurrent requests) and refills.
     * KEYS: window counter, bucket. ARGV: now (ms), capacity, restore per second, operations, cost.
     */
    private static final RedisScript<List> SYNC = RedisScript.of("""
            local n = redis.call('INCRBY', KEYS[1], tonumber(ARGV[4]))
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], 70) end
            local b = redis.call('HMGET', KEYS[2], 'level', 'ts')
            local now, cap, rate, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[5])
            local level = tonumber(b[1]) or cap
            local ts = tonumber(b[2]) or now
            level = math.min(cap, level + (now - ts) * rate / 1000)
            if cost > 0 then
              level = level - cost
              redis.call('HSET', KEYS[2], 'level', tostring(level), 'ts', tostring(now))
              redis.call('PEXPIRE', KEYS[2], math.max(1000, math.ceil((cap - level) * 1000 / math.max(rate, 1))))
            end
            return {n, math.floor(level)}
            """, List.class);

    /**
     * Registers an open connection unless the caller has {@code max} already. Members are scored
     * with the time they were last seen alive, so connections of an instance that died drop out.
     * KEYS: the caller's connection set. ARGV: member, now (ms), stale after (ms), max.
     */
    private static final RedisScript<Long> CONNECT = RedisScript.of("""
            local now, stale, max = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - stale)
            if redis.call('ZCARD', KEYS[1]) >= max then return 0 end
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('PEXPIRE', KEYS[1], stale)
            return 1
            """, Long.class);

    /** Fixed-window counter (one minute). */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('EXPIRE', KEYS[1], 70) end
            return n
            """, Long.class);

    static final Duration CONNECTION_STALE_AFTER = Duration.ofMinutes(3);

    private final ReactiveStringRedisTemplate redis;
    private final LimitsProperties props;

    RedisLimits(ReactiveStringRedisTemplate redis, LimitsProperties props) {
        this.redis = redis;
        this.props = props;
    }

    static long minute() {
        return System.currentTimeMillis() / 60_000;
    }

    /**
     * Adds {@code operations} to the caller's count of this minute and debits {@code cost}; answers
     * the count and the bucket's level afterwards, or nothing if Redis could not be reached (the
     * limits then let requests through: they protect capacity and must not take the API down).
     */
    Mono<Admission> sync(String caller, long minute, int operations, long cost) {
        String ops = props.keyPrefix() + "ops:" + caller + ":" + minute;
        String bucket = props.keyPrefix() + "cost:" + caller;
        return redis.execute(SYNC, List.of(ops, bucket), List.of(String.valueOf(System.currentTimeMillis()),
                        String.valueOf(props.costBucket()), String.valueOf(props.costRestorePerSecond()),
                        String.valueOf(operations), String.valueOf(cost)))
                .next()
                .map(r -> new Admission(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue()))
                .onErrorResume(e -> Mono.empty());
    }

    /** True if the connection may open (and is now counted); refresh with {@link #touch} while it lives. */
    Mono<Boolean> connect(String caller, String connection) {
        return redis.execute(CONNECT, List.of(connectionsKey(caller)), List.of(connection, String.valueOf(System.currentTimeMillis()),
                        String.valueOf(CONNECTION_STALE_AFTER.toMillis()), String.valueOf(props.wsConnectionsPerCaller())))
                .next().map(n -> n == 1).onErrorReturn(true).defaultIfEmpty(true);
    }

    Mono<Void> touch(String caller, String connection) {
        String key = connectionsKey(caller);
        return redis.opsForZSet().add(key, connection, System.currentTimeMillis())
                .then(redis.expire(key, CONNECTION_STALE_AFTER)).then().onErrorResume(e -> Mono.empty());
    }

    Mono<Void> disconnect(String caller, String connection) {
        return redis.opsForZSet().remove(connectionsKey(caller), connection).then().onErrorResume(e -> Mono.empty());
    }

    private String connectionsKey(String caller) {
        return props.keyPrefix() + "ws:" + caller;
    }

    /** Counts one request to Keycloak's sign-in endpoints from a client address; the count this minute. */
    Mono<Long> countSignIn(String address) {
        return redis.execute(COUNT, List.of(props.keyPrefix() + "signin:" + address + ":" + minute()), List.of())
                .next().onErrorReturn(0L).defaultIfEmpty(0L);
    }
}
