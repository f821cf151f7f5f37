package cn.zwy.cases.booking;

import cn.zwy.common.tenant.ScopedId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * An appointment's timers on the service's one persistent scheduler (db-scheduler, started with filing's case
 * timers): the reminders the day before and an hour before, and the no-show check {@code noShowAfter} after the
 * start (A2). Written in the booking's transaction (through its connection): a timer exists if and only if the
 * booking committed. A timer names the appointment's version; a move makes new timers and the old ones find
 * their version stale and do nothing.
 */
@Component
class BookingTimers {

    /** An appointment's reminders and no-show check; a scheduled home visit's or urgent handling's reminders (A7). */
    enum Kind { REMIND_DAY, REMIND_HOUR, NO_SHOW, VISIT_REMIND_DAY, VISIT_REMIND_HOUR }

    /** @param subjectId the appointment, or for VISIT_* the special service request */
    record TimerId(Kind kind, String tenant, UUID subjectId, int version) {
        static TimerId parse(String s) {
            String[] p = s.split("\\|", 3);
            ScopedId a = Bookings.scoped("timer", p[1]);
            return new TimerId(Kind.valueOf(p[0]), a.tenant(), a.id(), Integer.parseInt(p[2]));
        }

        @Override
        public String toString() { return kind + "|" + tenant + ":" + subjectId + "|" + version; }

        boolean visit() { return kind == Kind.VISIT_REMIND_DAY || kind == Kind.VISIT_REMIND_HOUR; }
    }

    static final Duration DAY_BEFORE = Duration.ofDays(1);
    static final Duration HOUR_BEFORE = Duration.ofHours(1);

    private final OneTimeTask<String> task;
    private final SchedulerClient client;
    private final BookingProperties props;

    BookingTimers(DataSource dataSource, OneTimeTask<String> bookingTimerTask, BookingProperties props) {
        this.task = bookingTimerTask;
        this.props = props;
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), bookingTimerTask).build();
    }

    /** After a booking or a move; inside its transaction. */
    void booked(Bookings.Row r) {
        Instant now = Instant.now();
        Instant day = r.startsAt.minus(DAY_BEFORE);
        Instant hour = r.startsAt.minus(HOUR_BEFORE);
        if (day.isAfter(now)) schedule(new TimerId(Kind.REMIND_DAY, r.tenantId, r.id, r.version), day);
        if (hour.isAfter(now)) schedule(new TimerId(Kind.REMIND_HOUR, r.tenantId, r.id, r.version), hour);
        schedule(new TimerId(Kind.NO_SHOW, r.tenantId, r.id, r.version), r.startsAt.plus(props.noShowAfter()));
    }

    /**
     * After a home visit or urgent handling was scheduled or moved (A7, "scheduled like bookings"), inside its
     * transaction: the reminders the day before and an hour before; a later move or an end makes these stale (version).
     */
    void visitScheduled(String tenant, UUID requestId, int version, Instant at) {
        Instant now = Instant.now();
        Instant day = at.minus(DAY_BEFORE);
        Instant hour = at.minus(HOUR_BEFORE);
        if (day.isAfter(now)) schedule(new TimerId(Kind.VISIT_REMIND_DAY, tenant, requestId, version), day);
        if (hour.isAfter(now)) schedule(new TimerId(Kind.VISIT_REMIND_HOUR, tenant, requestId, version), hour);
    }

    private void schedule(TimerId id, Instant at) {
        client.scheduleIfNotExists(task.instance(id.toString()), at);
    }
}
