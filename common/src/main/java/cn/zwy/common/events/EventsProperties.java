package cn.zwy.common.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stream     the Redis stream of domain events; the key is in the platform's explicit
 *                   global namespace ({@code zwy:}) because events of all tenants travel it,
 *                   each carrying its tenant
 * @param relayEvery how often the outbox relay looks for unpublished events
 * @param consumer   name of this consumer within its group (stable across restarts so that
 *                   its pending entries are picked up again)
 * @param hmacKey    signs every event the relay publishes and verifies every event a consumer
 *                   reads ({@link EventSignature}); only the services hold it
 * @param previousHmacKey also accepted when verifying, while the key is rotated (optional)
 */
@ConfigurationProperties("zwy.events")
public record EventsProperties(String stream, Duration relayEvery, String consumer, String hmacKey, String previousHmacKey) {
    public EventsProperties {
        if (stream == null || stream.isBlank()) stream = "zwy:events";
        if (relayEvery == null) relayEvery = Duration.ofMillis(200);
        if (consumer == null || consumer.isBlank()) consumer = "c1";
    }
}
