package cn.zwy.tenant.catalog;

import cn.zwy.common.timers.SchedulerLifecycle;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one persistent scheduler of tenant-service (db-scheduler on its PostgreSQL, as case-service's and
 * search-service's): every module's timer task; today the day a guide announcement takes effect (ADR 0035). Started
 * once the context is up, after Flyway made its table.
 */
@Configuration
public class TimerConfig {

    @Bean
    SmartLifecycle tenantTimerScheduler(DataSource dataSource, List<Task<?>> timerTasks,
                                        @Value("${zwy.tenant.timer-poll:PT5S}") Duration poll) {
        Scheduler scheduler = Scheduler.create(dataSource, timerTasks).threads(1).pollingInterval(poll).build();
        return new SchedulerLifecycle(scheduler);
    }
}
