package cn.zwy.common.events;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one event mechanism. A service that writes events sets {@code zwy.events.outbox=true}
 * (and has an {@code outbox_event} table); a service that consumes declares
 * {@link EventHandler} beans (and has a {@code processed_event} table).
 */
@AutoConfiguration
@ConditionalOnClass({StringRedisTemplate.class, JdbcTemplate.class})
@EnableConfigurationProperties(EventsProperties.class)
@EnableScheduling
public class EventsAutoConfiguration {

    /** Fails start-up without a key: a service that cannot sign or verify must not touch the event path. */
    @Bean
    EventSignature eventSignature(EventsProperties props) {
        return new EventSignature(props.hmacKey(), props.previousHmacKey());
    }

    @Bean
    @ConditionalOnProperty(name = "zwy.events.outbox", havingValue = "true")
    OutboxPublisher outboxPublisher(JdbcTemplate jdbc, JsonMapper json) {
        return new OutboxPublisher(jdbc, json);
    }

    @Bean
    @ConditionalOnProperty(name = "zwy.events.outbox", havingValue = "true")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager tm, StringRedisTemplate redis, EventsProperties props,
                            EventSignature signature) {
        return new OutboxRelay(jdbc, new TransactionTemplate(tm), redis, props, signature);
    }

    @Bean
    EventConsumers eventConsumers(ObjectProvider<EventHandler> handlers, StringRedisTemplate redis, JdbcTemplate jdbc,
                                  PlatformTransactionManager tm, EventsProperties props, EventSignature signature) {
        TransactionTemplate tx = new TransactionTemplate(tm);
        List<EventHandler> all = handlers.orderedStream().toList();
        requireConnectionsFor(all.size(), redis.getConnectionFactory());
        return new EventConsumers(all.stream().map(h -> new EventStreamConsumer(redis, jdbc, tx, props, signature, h)).toList());
    }

    /** Pooled Redis connections kept free for everything else a service does while its consumers wait for entries. */
    static final int SPARE_CONNECTIONS = 4;

    /**
     * Each consumer group waits for new entries in a blocking XREADGROUP, which holds a connection of Lettuce's pool
     * (a dedicated one, not the shared one) for up to two seconds at a time. With as many consumers as the pool has
     * connections, the last one waited that long for a connection before every read: case-service's comparison feed,
     * its eighth consumer in a pool of eight, fell 45,000 entries behind in the lifecycle benchmark and read 50 entries a
     * second when idle (docs/benchmarks/cases.md, 2026-12-05). So a pool too small for the consumers stops start-up.
     */
    static void requireConnectionsFor(int consumers, RedisConnectionFactory factory) {
        if (consumers == 0 || !(factory instanceof LettuceConnectionFactory lettuce)) return;
        if (!(lettuce.getClientConfiguration() instanceof LettucePoolingClientConfiguration pooling)) return;
        int max = pooling.getPoolConfig().getMaxTotal();
        if (max >= 0 && max < consumers + SPARE_CONNECTIONS) {
            throw new IllegalStateException(consumers + " event consumers each hold a pooled Redis connection while they wait for "
                    + "entries, but spring.data.redis.lettuce.pool.max-active is " + max + ": set it to at least "
                    + (consumers + SPARE_CONNECTIONS));
        }
    }

    /** The event path's gauges where the service has a meter registry (all services with actuator). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        org.springframework.beans.factory.SmartInitializingSingleton eventMetrics(
                ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry, JdbcTemplate jdbc, StringRedisTemplate redis,
                EventsProperties props, ObjectProvider<OutboxRelay> relay, ObjectProvider<EventHandler> handlers) {
            return () -> registry.ifAvailable(r -> EventMetrics.register(r, jdbc, redis, props, relay.getIfAvailable() != null,
                    handlers.orderedStream().map(EventHandler::group).distinct().toList()));
        }
    }

    /** Starts and stops the consumers with the application. */
    public record EventConsumers(List<EventStreamConsumer> consumers) implements SmartLifecycle {
        @Override public void start() { consumers.forEach(EventStreamConsumer::start); }
        @Override public void stop() { consumers.forEach(EventStreamConsumer::stop); }
        @Override public boolean isRunning() { return consumers.stream().anyMatch(EventStreamConsumer::isRunning); }
    }
}
