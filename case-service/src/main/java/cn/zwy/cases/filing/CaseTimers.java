package cn.zwy.cases.filing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Puts a case's timers into the persistent scheduler, in the transaction that changes the case (the
 * scheduler's client writes through the transaction's connection): the near-deadline warning (C8) at
 * the start of the day the configured share of the limit is reached, the overdue flag (C7) at the start
 * of the day after the deadline, the 容缺 due date (C5) the day after it; the same-city/cross-region
 * forwarding and result return (C12), a remote agency's limit (C13), a joint case's department reviews and
 * escalations (C10) the day after they were due. A timer's id names the deadline
 * (or due date) it was set for: when an extension or a calendar change moves the deadline, new timers are
 * set and the old ones find their date stale and do nothing.
 */
@Component
class CaseTimers {

    enum Kind { NEAR, OVERDUE, TOLERATED, FORWARD, RESULT, AGENCY, JOINT, ESCALATE }

    record TimerId(Kind kind, LocalDate day, CaseId caseId) {
        static TimerId parse(String s) {
            String[] p = s.split("\\|", 3);
            return new TimerId(Kind.valueOf(p[0]), LocalDate.parse(p[1]), CaseId.parse("timer", p[2]));
        }

        @Override
        public String toString() { return kind + "|" + day + "|" + caseId; }
    }

    private final SchedulerClient client;
    private final OneTimeTask<Void> task;
    private final FilingProperties props;

    CaseTimers(SchedulerClient caseTimerClient, OneTimeTask<Void> caseTimerTask, FilingProperties props) {
        this.client = caseTimerClient;
        this.task = caseTimerTask;
        this.props = props;
    }

    /** After the deadline was (re)computed; inside the case's transaction. */
    void deadlineSet(CaseRow c, CaseClock.Facts facts, WorkingCalendar cal) {
        if (c.deadline == null || facts == null) return;
        int total = facts.limit() + facts.extensionDays();
        if (total > 0) {
            int k = Math.max(1, (int) Math.ceil(total * props.nearDeadlinePercent() / 100.0));
            LocalDate near = CaseClock.deadline(new CaseClock.Facts(facts.start(), k, facts.unit(), facts.pauses(), 0), cal, Today.date());
            schedule(new TimerId(Kind.NEAR, c.deadline, c.publicId()), startOf(near));
        }
        schedule(new TimerId(Kind.OVERDUE, c.deadline, c.publicId()), startOf(c.deadline.plusDays(1)));
    }

    void toleratedDue(CaseRow c) {
        schedule(new TimerId(Kind.TOLERATED, c.toleratedDue, c.publicId()), startOf(c.toleratedDue.plusDays(1)));
    }

    /** C12: the receiving hall's forwarding, due 1 working day after receipt; flagged the day after. */
    void forwardDue(CaseRow c) {
        schedule(new TimerId(Kind.FORWARD, c.forwardDue, c.publicId()), startOf(c.forwardDue.plusDays(1)));
    }

    /** C12: the result's way back, due 1 working day after completion. */
    void resultDue(CaseRow c) {
        schedule(new TimerId(Kind.RESULT, c.resultDue, c.publicId()), startOf(c.resultDue.plusDays(1)));
    }

    /** C13: a remote agency's 7 working days. */
    void agencyDue(CaseRow c) {
        schedule(new TimerId(Kind.AGENCY, c.agencyDue, c.publicId()), startOf(c.agencyDue.plusDays(1)));
    }

    /** C10: a joint case's department reviews, deemed agreed the day after they fell due; late escalations flagged. */
    void jointReviews(CaseRow c, JointReviews.Opened joint) {
        schedule(new TimerId(Kind.JOINT, joint.reviewDue(), c.publicId()), startOf(joint.reviewDue().plusDays(1)));
        if (joint.escalateDue() != null) {
            schedule(new TimerId(Kind.ESCALATE, joint.escalateDue(), c.publicId()), startOf(joint.escalateDue().plusDays(1)));
        }
    }

    private void schedule(TimerId id, Instant at) {
        client.scheduleIfNotExists(task.instance(id.toString()), at);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Today.ZONE).toInstant();
    }
}
