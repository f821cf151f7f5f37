package cn.zwy.gateway.limits;

import cn.zwy.gateway.limits.RedisLimits.Admission;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * This instance's view of each caller's operations this minute and cost bucket, kept in step with
 * the shared counters in Redis without a round trip on every operation (issue 7: that round trip,
 * and the continuation of every request on Redis's I/O thread, were a large part of a one-field
 * read's cost). A caller far from both limits is admitted from the local view, and what it used is
 * sent to Redis in batches ({@value #BATCH} operations or {@link #SYNC_EVERY}, whichever first), so
 * the other instances see it within a second. Past half of either limit, and for a caller this
 * instance has not seen before, every operation is decided by Redis as before, its cost debited at
 * once. So the limits stay shared across instances: with n instances a caller can get at most
 * n × {@value #BATCH} operations (and their cost) more than the limit, once per window, and only
 * while the first half of the limit is used up — never once the counters are near it.
 */
@Component
public class CallerLedger {

    static final int BATCH = 20;
    static final Duration SYNC_EVERY = Duration.ofSeconds(1);

    private final RedisLimits redis;
    private final LimitsProperties props;
    private final Cache<String, Entry> entries = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();

    CallerLedger(RedisLimits redis, LimitsProperties props) {
        this.redis = redis;
        this.props = props;
    }

    /** What this instance knows of one caller; guarded by its own monitor. */
    private static final class Entry {
        long minute = -1;      // window of knownOps
        long knownOps;         // the shared count at the last sync (this instance's operations sent so far included)
        long knownLevel;       // the shared bucket level at the last sync
        long knownAt;          // when (ms)
        int pendingOps;        // admitted here since, not yet sent
        long pendingCost;      // debited here since, not yet sent
        long lastSyncNanos;
        boolean syncing;
    }

    /** Counts one operation and answers the count and the cost the caller may still spend. */
    public Mono<Admission> admit(String caller) {
        Entry e = entries.get(caller, k -> new Entry());
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        boolean syncInBackground;
        Admission local;
        synchronized (e) {
            if (e.minute != minute || near(e, now, 1)) {
                local = null;
                syncInBackground = false;
            } else {
                e.pendingOps++;
                local = new Admission(e.knownOps + e.pendingOps, level(e, now));
                syncInBackground = !e.syncing && (e.pendingOps >= BATCH || System.nanoTime() - e.lastSyncNanos > SYNC_EVERY.toNanos());
                if (syncInBackground) e.syncing = true;
            }
        }
        if (local != null) {
            if (syncInBackground) sync(caller, e, minute, 0).subscribe();
            return Mono.just(local);
        }
        return sync(caller, e, minute, 1).defaultIfEmpty(new Admission(0, props.costBucket()));
    }

    /** Takes what an operation cost out of the caller's bucket: at once when the bucket runs low, else with the next batch. */
    void debit(String caller, int cost) {
        if (cost <= 0) return;
        Entry e = entries.get(caller, k -> new Entry());
        long now = System.currentTimeMillis();
        boolean flush;
        synchronized (e) {
            e.pendingCost += cost;
            flush = !e.syncing && near(e, now, 0);
            if (flush) e.syncing = true;
        }
        if (flush) sync(caller, e, now / 60_000, 0).subscribe();
    }

    private boolean near(Entry e, long now, int more) {
        return e.knownOps + e.pendingOps + more > props.perMinute() / 2 || level(e, now) < props.costBucket() / 2;
    }

    private long level(Entry e, long now) {
        long refilled = e.knownLevel + (now - e.knownAt) * props.costRestorePerSecond() / 1000;
        return Math.min(props.costBucket(), refilled) - e.pendingCost;
    }

    /** Sends what is pending (and {@code operations} more), and takes the shared levels back. */
    private Mono<Admission> sync(String caller, Entry e, long minute, int operations) {
        int ops;
        long cost;
        synchronized (e) {
            if (e.minute != minute) { // a new window: what was admitted in the last one counted there
                e.minute = minute;
                e.knownOps = 0;
                e.pendingOps = 0;
            }
            ops = e.pendingOps + operations;
            cost = e.pendingCost;
            e.pendingOps = 0;
            e.pendingCost = 0;
        }
        return redis.sync(caller, minute, ops, cost)
                .doOnNext(a -> {
                    synchronized (e) {
                        if (e.minute == minute) e.knownOps = Math.max(e.knownOps, a.operationsThisMinute());
                        e.knownLevel = a.available();
                        e.knownAt = System.currentTimeMillis();
                    }
                })
                .map(a -> {
                    synchronized (e) {
                        return new Admission(a.operationsThisMinute(), a.available() - e.pendingCost);
                    }
                })
                .doFinally(s -> {
                    synchronized (e) {
                        e.lastSyncNanos = System.nanoTime();
                        e.syncing = false;
                    }
                });
    }
}
