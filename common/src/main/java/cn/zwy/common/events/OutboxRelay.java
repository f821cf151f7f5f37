package cn.zwy.common.events;

import cn.zwy.common.tenant.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to the Redis stream, each signed ({@link EventSignature}). A row is marked published only after
 * XADD succeeded, in the same transaction that locked it ({@code SKIP LOCKED}, so two
 * instances never race). A crash between the two publishes the row again: consumers are
 * idempotent, so at-least-once is enough.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StringRedisTemplate redis;
    private final EventsProperties props;
    private final EventSignature signature;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, StringRedisTemplate redis, EventsProperties props,
                       EventSignature signature) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.redis = redis;
        this.props = props;
        this.signature = signature;
    }

    @Scheduled(fixedDelayString = "${zwy.events.relay-every:200ms}")
    public void relay() {
        try {
            int sent;
            do {
                sent = TenantContext.platform(() -> tx.execute(status -> relayBatch()));
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox relay paused, will retry: {}", e.toString());
        }
    }

    /** A row of the batch: its event, and its place in the primary key (tenant_id, seq), by which it is marked. */
    private record Pending(DomainEvent event, long seq) {}

    private int relayBatch() {
        List<Pending> batch = jdbc.query("""
                select id, event_type, tenant_id, aggregate_type, aggregate_id, occurred_at, payload, seq
                from outbox_event where published_at is null
                order by seq limit ? for update skip locked""",
                (rs, i) -> new Pending(new DomainEvent(rs.getObject("id", java.util.UUID.class), rs.getString("event_type"),
                        rs.getString("tenant_id"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")), rs.getLong("seq")),
                BATCH);
        if (batch.isEmpty()) return 0;
        // one pipelined round trip for the batch's XADDs, in order (a failed XADD throws here and the whole batch stays
        // unpublished, to be sent again: consumers are idempotent)
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Pending p : batch) {
                // signed, so that consumers can tell it from an entry someone else wrote into Redis
                Map<String, String> fields = new HashMap<>(p.event().toFields());
                fields.put(EventSignature.FIELD, signature.sign(fields));
                connection.streamCommands().xAdd(StreamRecords.string(fields).withStreamKey(props.stream()).serialize(redis.getStringSerializer()));
            }
            return null;
        });
        // by the primary key (tenant_id, seq): the event id alone is in no index of its own, and a scan per event grows
        // with the table (docs/benchmarks/cases.md, 2026-12-04)
        jdbc.update("""
                update outbox_event o set published_at = now()
                from unnest(?::text[], ?::bigint[]) as k(tenant_id, seq)
                where o.tenant_id = k.tenant_id and o.seq = k.seq""",
                batch.stream().map(p -> p.event().tenantId()).toArray(String[]::new), batch.stream().map(Pending::seq).toArray(Long[]::new));
        return batch.size();
    }
}
