package cn.zwy.search;

import cn.zwy.common.events.EventSignature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Puts events on a test run's own stream with the fields OutboxRelay writes, signed as it signs them. */
public final class StreamEvents {

    private final StringRedisTemplate redis;
    private final EventSignature signature;
    private final String stream;

    public StreamEvents(StringRedisTemplate redis, EventSignature signature, String stream) {
        this.redis = redis;
        this.signature = signature;
        this.stream = stream;
    }

    public UUID publish(String type, String tenant, String aggregateType, String aggregateId, String payload) {
        UUID id = UUID.randomUUID();
        publish(id, type, tenant, aggregateType, aggregateId, payload);
        return id;
    }

    public void publish(UUID eventId, String type, String tenant, String aggregateType, String aggregateId, String payload) {
        Map<String, String> fields = fields(eventId, type, tenant, aggregateType, aggregateId, payload);
        fields.put(EventSignature.FIELD, signature.sign(fields));
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream));
    }

    /** The unsigned fields of an event. */
    public static Map<String, String> fields(UUID eventId, String type, String tenant, String aggregateType, String aggregateId,
                                             String payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", eventId.toString());
        fields.put("type", type);
        fields.put("tenant", tenant);
        fields.put("aggregateType", aggregateType);
        fields.put("aggregateId", aggregateId);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("payload", payload);
        return fields;
    }

    /** Repeats the check until it holds or 15 s have passed: indexing is asynchronous. */
    public static void eventually(Runnable check) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
