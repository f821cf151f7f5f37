package cn.zwy.common.timers;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * A service's one db-scheduler, started once the context is up (after Flyway made its table) and stopped with it.
 * case-service (case, booking, review timers and the SMS outbox) and search-service (guide versions taking effect)
 * each declare theirs as this.
 */
public final class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    public SchedulerLifecycle(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() { return running; }
}
