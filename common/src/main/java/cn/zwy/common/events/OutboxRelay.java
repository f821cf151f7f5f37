package cn.zwy.common.events;

import cn.zwy.common.tenant.TenantContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
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

    private int relayBatch() {
        List<DomainEvent> batch = jdbc.query("""
                select id, event_type, tenant_id, aggregate_type, aggregate_id, occurred_at, payload
                from outbox_event where published_at is null
                order by seq limit ? for update skip locked""",
                (rs, i) -> new DomainEvent(rs.getObject("id", java.util.UUID.class), rs.getString("event_type"),
                        rs.getString("tenant_id"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("payload")),
                BATCH);
        for (DomainEvent e : batch) {
            // signed, so that consumers can tell it from an entry someone else wrote into Redis
            Map<String, String> fields = new HashMap<>(e.toFields());
            fields.put(EventSignature.FIELD, signature.sign(fields));
            redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(props.stream()));
            jdbc.update("update outbox_event set published_at = now() where id = ?", e.id());
        }
        return batch.size();
    }
}
