package cn.zwy.common.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stream     the Redis stream of domain events; the key is in the platform's explicit
 *                   global namespace ({@code zwy:}) because events of all tenants travel it,
 *                   each carrying its tenant
 * @param relayEvery how often the outbox relay looks for unpublished events
 * @param consumer   name of this instance's consumer within each group; unique per running instance
 *                   (default: host name and process id — the pod name in a cluster). Entries a stopped
 *                   instance left unacknowledged are claimed by a live one after {@code claimIdle}.
 * @param hmacKey    signs every event the relay publishes and verifies every event a consumer
 *                   reads ({@link EventSignature}); only the services hold it
 * @param previousHmacKey also accepted when verifying, while the key is rotated (optional)
 * @param claimIdle  how long an entry stays delivered-but-unacknowledged under another consumer of the group
 *                   before this one takes it over (an instance that died or hangs); longer than any handler runs
 */
@ConfigurationProperties("zwy.events")
public record EventsProperties(String stream, Duration relayEvery, String consumer, String hmacKey, String previousHmacKey,
                               Duration claimIdle) {
    public EventsProperties {
        if (stream == null || stream.isBlank()) stream = "zwy:events";
        if (relayEvery == null) relayEvery = Duration.ofMillis(200);
        if (consumer == null || consumer.isBlank()) consumer = instanceName();
        if (claimIdle == null) claimIdle = Duration.ofSeconds(60);
    }

    /** Unique per running process: two replicas never share a consumer (and so never read each other's pending entries). */
    static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "instance";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
