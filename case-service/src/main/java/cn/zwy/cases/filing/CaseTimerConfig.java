package cn.zwy.cases.filing;

import cn.zwy.cases.messages.SmsDispatch;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import cn.zwy.common.timers.SchedulerLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on the service's PostgreSQL: the task, the scheduler that polls for due timers (started
 * once the context is up, after Flyway made its table) and a client that schedules inside the caller's
 * transaction.
 */
@Configuration
class CaseTimerConfig {

    @Bean
    OneTimeTask<Void> caseTimerTask(CaseTimerHandler handler) {
        return Tasks.oneTime("case-timer").execute((instance, ctx) -> handler.fire(instance.getId()));
    }

    @Bean
    SchedulerClient caseTimerClient(DataSource dataSource, OneTimeTask<Void> caseTimerTask) {
        // through the transaction's connection: a timer exists if and only if the case change committed
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), caseTimerTask).build();
    }

    /**
     * Timers due more than a minute ago and not picked: the scheduler is not keeping up or not running (the
     * chart's ZwyOverdueTimers alert). db-scheduler's table has no tenant column and no RLS; read on scrape only.
     */
    @Bean
    MeterBinder overdueTimers(JdbcTemplate jdbc) {
        return registry -> Gauge.builder("zwy.timers.overdue", jdbc, j -> {
                    try {
                        return j.queryForObject("select count(*) from scheduled_tasks"
                                + " where not picked and execution_time < now() - interval '1 minute'", Long.class);
                    } catch (RuntimeException unavailable) {
                        return Double.NaN;
                    }
                }).description("timers (deadlines, no-shows, review windows, SMS) due over a minute ago and not fired")
                .register(registry);
    }

    @Bean
    SmartLifecycle caseTimerScheduler(DataSource dataSource, List<Task<?>> timerTasks, SmsDispatch sms,
                                      @Value("${zwy.cases.timer-poll:PT5S}") Duration poll) {
        // the one scheduler of the service: every module's timer task (the case timers here, booking's, ADR 0014)
        // and the SMS outbox (ADR 0012)
        List<Task<?>> tasks = new ArrayList<>(timerTasks);
        tasks.add(sms.task());
        Scheduler scheduler = Scheduler.create(dataSource, tasks)
                .threads(2)
                .pollingInterval(poll)
                // one statement (select … for update skip locked, marked picked in the same update) takes a batch of up
                // to 6 due executions, instead of a select and then one update per execution to claim it: every case
                // message has its SMS task, so most polls find work (docs/benchmarks/cases.md, 2026-12-04)
                .pollUsingLockAndFetch(0.5, 3.0)
                .build();
        return new SchedulerLifecycle(scheduler);
    }
}
