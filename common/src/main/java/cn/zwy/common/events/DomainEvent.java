package cn.zwy.common.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event on the one event path (outbox → Redis Streams → idempotent consumers).
 * {@code payload} is the JSON the writing service chose to publish: consumers must not
 * call back into the writer to understand it.
 */
public record DomainEvent(UUID id, String type, String tenantId, String aggregateType,
                          String aggregateId, Instant occurredAt, String payload) {

    Map<String, String> toFields() {
        return Map.of("id", id.toString(), "type", type, "tenant", tenantId,
                "aggregateType", aggregateType, "aggregateId", aggregateId,
                "occurredAt", occurredAt.toString(), "payload", payload);
    }

    static DomainEvent fromFields(Map<?, ?> f) {
        return new DomainEvent(UUID.fromString(str(f, "id")), str(f, "type"), str(f, "tenant"),
                str(f, "aggregateType"), str(f, "aggregateId"), Instant.parse(str(f, "occurredAt")),
                str(f, "payload"));
    }

    private static String str(Map<?, ?> f, String key) {
        Object v = f.get(key);
        if (v == null) throw new IllegalArgumentException("event field missing: " + key);
        return v.toString();
    }
}
