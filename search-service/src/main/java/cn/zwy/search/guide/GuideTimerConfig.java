package cn.zwy.search.guide;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import cn.zwy.common.timers.SchedulerLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The persistent scheduler of search-service (db-scheduler on its PostgreSQL, as case-service's
 * timers): one task, a guide version's effective date (ADR 0019). The timer's instance id is the
 * version id; the task reads the waiting version from {@code guide_pending_version}.
 */
@Configuration
class GuideTimerConfig {

    /** Effective dates are days in Beijing time (the catalog's zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A bean so that a test can fix "today", as tenant-service's catalog does. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZONE);
    }

    @Bean
    OneTimeTask<Void> guideEffectiveTask(@Lazy GuideProjection projection) {
        return Tasks.oneTime("guide-effective").execute((instance, ctx) -> {
            try {
                projection.switchOn(instance.getId());
            } catch (IOException e) {
                // Elasticsearch down: the scheduler retries the timer later (its failure handler)
                throw new UncheckedIOException(e);
            }
        });
    }

    @Bean
    SchedulerClient guideTimerClient(DataSource dataSource, OneTimeTask<Void> guideEffectiveTask) {
        return SchedulerClient.Builder.create(dataSource, guideEffectiveTask).build();
    }

    @Bean
    SmartLifecycle guideTimerScheduler(DataSource dataSource, OneTimeTask<Void> guideEffectiveTask,
                                       @Value("${zwy.search.timer-poll:PT5S}") Duration poll) {
        Scheduler scheduler = Scheduler.create(dataSource, guideEffectiveTask).threads(1).pollingInterval(poll).build();
        return new SchedulerLifecycle(scheduler);
    }
}
