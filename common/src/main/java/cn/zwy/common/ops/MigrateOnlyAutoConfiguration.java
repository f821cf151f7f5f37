package cn.zwy.common.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code ZWY_MIGRATE_ONLY=true} ({@code zwy.migrate-only}): the service applies its Flyway migrations and
 * exits with 0, before any consumer, timer, relay or web server starts. The Helm chart runs it once per
 * release as a pre-install/pre-upgrade Job with the service's own image and settings, and the Deployments
 * then start with {@code spring.flyway.enabled=false}: a rolling upgrade never races its own replicas to
 * migrate, and a failed migration stops the release before any new pod serves.
 *
 * <p>Why a halt right after the Flyway initializer rather than a normal shutdown: the rest of the context
 * (event consumers joining their groups, the timer scheduler, the outbox relay) must not start at all in a
 * migration Job — a consumer that reads entries and then exits would leave them pending under its name.
 * Flyway commits each migration itself; nothing else has been opened at that point but the pool.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "zwy.migrate-only", havingValue = "true")
public class MigrateOnlyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MigrateOnlyAutoConfiguration.class);

    @Bean
    static BeanPostProcessor exitAfterMigrations() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // Spring Boot's FlywayMigrationInitializer migrates in its afterPropertiesSet (named by class so that
                // common needs no Flyway dependency: services without a database never match)
                if (bean.getClass().getSimpleName().equals("FlywayMigrationInitializer")) {
                    log.info("zwy.migrate-only: migrations applied, exiting");
                    Runtime.getRuntime().halt(0);
                }
                return bean;
            }
        };
    }
}
