package cn.zwy.common.events;

import cn.zwy.common.tenant.TenantContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gauges the alert rules of the Helm chart watch (helm/zwy/templates/monitoring.yaml), read when Prometheus
 * scrapes (every 30 s), never on a request path:
 * <ul>
 *   <li>{@code zwy.outbox.unpublished} — committed events not yet on the stream (Redis down, relay stuck);</li>
 *   <li>{@code zwy.events.consumer.lag} / {@code zwy.events.consumer.pending} per consumer group — entries of the
 *       stream the group has not read yet (Redis's {@code XINFO GROUPS} lag) and read but not acknowledged.</li>
 * </ul>
 * A gauge that cannot be read (Redis or PostgreSQL down) reports NaN, which the rules treat as absent data.
 */
public final class EventMetrics {

    private EventMetrics() {}

    public static void register(MeterRegistry registry, JdbcTemplate jdbc, StringRedisTemplate redis, EventsProperties props,
                                boolean outbox, List<String> groups) {
        if (outbox) {
            // the relay's own predicate (published_at is null), so the partial index that serves the relay serves this too
            gauge(registry, "zwy.outbox.unpublished", "committed events not yet relayed to the stream", jdbc,
                    j -> TenantContext.platform(() -> j.queryForObject(
                            "select count(*) from outbox_event where published_at is null", Long.class)));
        }
        for (String group : groups) {
            Gauge.builder("zwy.events.consumer.lag", redis, r -> safe(() -> groupInfo(r, props.stream(), group, "lag")))
                    .description("stream entries the consumer group has not read yet").tag("group", group).register(registry);
            Gauge.builder("zwy.events.consumer.pending", redis, r -> safe(() -> groupInfo(r, props.stream(), group, "pending")))
                    .description("entries read by the group but not acknowledged").tag("group", group).register(registry);
        }
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, T source, ToDoubleFunction<T> read) {
        Gauge.builder(name, source, s -> safe(() -> read.applyAsDouble(s))).description(description).register(registry);
    }

    private interface Reading { double get(); }

    private static double safe(Reading r) {
        try {
            return r.get();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    /** One numeric field ({@code lag}, {@code pending}) of the group's entry in {@code XINFO GROUPS stream}. */
    static double groupInfo(StringRedisTemplate redis, String stream, String group, String field) {
        for (StreamInfo.XInfoGroup g : redis.opsForStream().groups(stream)) {
            if (!group.equals(g.groupName())) continue;
            Object v = g.getRaw().get(field);
            return v instanceof Number n ? n.doubleValue() : Double.NaN; // lag is nil while Redis cannot tell
        }
        return Double.NaN; // the group does not exist yet (its consumer creates it when it starts)
    }
}
