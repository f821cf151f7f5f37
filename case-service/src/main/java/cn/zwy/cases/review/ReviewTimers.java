package cn.zwy.cases.review;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Reviews' timers on the service's one persistent scheduler (db-scheduler, started with filing's case timers), written
 * in the transaction of the change (through its connection): the reminder {@code remindAfter} after completion and the
 * end of the review period (V4) of an opening; the deadline of each rectification step (V6). Task {@code review-timer},
 * instances {@code REMIND|<tenant>:<opening>}, {@code CLOSE|<tenant>:<opening>}, {@code STEP|<tenant>:<review>|<state>}.
 */
@Component
class ReviewTimers {

    enum Kind { REMIND, CLOSE, STEP }

    record TimerId(Kind kind, String tenant, UUID id, String step) {
        static TimerId parse(String s) {
            String[] p = s.split("\\|", 3);
            int colon = p[1].indexOf(':');
            return new TimerId(Kind.valueOf(p[0]), p[1].substring(0, colon), UUID.fromString(p[1].substring(colon + 1)), p.length > 2 ? p[2] : null);
        }

        @Override
        public String toString() { return kind + "|" + tenant + ":" + id + (step == null ? "" : "|" + step); }
    }

    private final OneTimeTask<String> task;
    private final SchedulerClient client;
    private final ReviewProperties props;

    ReviewTimers(DataSource dataSource, @Qualifier("reviewTimerTask") OneTimeTask<String> reviewTimerTask, ReviewProperties props) {
        this.task = reviewTimerTask;
        this.props = props;
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), reviewTimerTask).build();
    }

    /** A service just opened for review: the reminder and, when it has a review period, its end. */
    void opened(Openings.Row r) {
        Instant remind = r.doneAt().plus(props.remindAfter());
        schedule(new TimerId(Kind.REMIND, r.tenant(), r.id(), null), remind.isBefore(Instant.now()) ? Instant.now() : remind);
        if (r.closesOn() != null) schedule(new TimerId(Kind.CLOSE, r.tenant(), r.id(), null), Openings.after(r.closesOn()));
    }

    /** A rectification entered {@code state}, due on {@code dueOn}: the warning the day after, if still there. */
    void step(String tenant, UUID reviewId, String state, LocalDate dueOn) {
        if (dueOn != null) schedule(new TimerId(Kind.STEP, tenant, reviewId, state), Openings.after(dueOn));
    }

    private void schedule(TimerId id, Instant at) {
        client.scheduleIfNotExists(task.instance(id.toString()), at);
    }
}
