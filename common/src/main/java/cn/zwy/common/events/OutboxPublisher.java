package cn.zwy.common.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a domain event into the service's {@code outbox_event} table in the caller's
 * transaction: the event exists if and only if the change committed.
 */
public class OutboxPublisher {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public OutboxPublisher(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public DomainEvent publish(String type, String tenantId, String aggregateType, String aggregateId, Object payload) {
        DomainEvent e = new DomainEvent(UUID.randomUUID(), type, tenantId, aggregateType, aggregateId,
                Instant.now(), json.writeValueAsString(payload));
        jdbc.update("""
                insert into outbox_event (id, event_type, tenant_id, aggregate_type, aggregate_id, occurred_at, payload)
                values (?, ?, ?, ?, ?, ?, ?)""",
                e.id(), e.type(), e.tenantId(), e.aggregateType(), e.aggregateId(),
                Timestamp.from(e.occurredAt()), e.payload());
        return e;
    }
}
