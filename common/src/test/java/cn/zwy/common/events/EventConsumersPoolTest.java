package cn.zwy.common.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;

/**
 * Consumers wait for entries in blocking reads, each holding a pooled connection: a pool with no room left beside
 * them starved the last consumer (case-service's comparison feed fell 45,000 entries behind), so start-up refuses it.
 */
class EventConsumersPoolTest {

    private static LettuceConnectionFactory pooled(int maxActive) {
        GenericObjectPoolConfig<io.lettuce.core.api.StatefulConnection<?, ?>> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(maxActive);
        return new LettuceConnectionFactory(new RedisStandaloneConfiguration(),
                LettucePoolingClientConfiguration.builder().poolConfig(pool).build());
    }

    @Test
    void eightConsumersInTheDefaultPoolOfEightStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> EventsAutoConfiguration.requireConnectionsFor(8, pooled(8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.data.redis.lettuce.pool.max-active is 8")
                .hasMessageContaining("at least 12");
    }

    @Test
    void aPoolWithRoomBesideTheConsumersOrNoPoolAtAllIsAccepted() {
        assertThatCode(() -> EventsAutoConfiguration.requireConnectionsFor(8, pooled(16))).doesNotThrowAnyException();
        assertThatCode(() -> EventsAutoConfiguration.requireConnectionsFor(2, pooled(8))).doesNotThrowAnyException();
        // without a pool a blocking read opens a connection of its own: nothing to starve
        assertThatCode(() -> EventsAutoConfiguration.requireConnectionsFor(8, new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(), LettuceClientConfiguration.defaultConfiguration()))).doesNotThrowAnyException();
    }
}
