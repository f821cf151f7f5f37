package cn.zwy.cases.complaint;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Complaints' timers on the service's one persistent scheduler (db-scheduler), written in the transaction of the change
 * (through its connection): the day after the acceptance deadline (P2) and the day after the handling deadline (P3) —
 * if the complaint is still in that step and past its deadline then, the step is late (the warning). Task {@code complaint-timer}, instances
 * {@code ACCEPTANCE|<tenant>:<complaint>|<dueOn>} and {@code HANDLING|<tenant>:<complaint>|<dueOn>}: a delay that moves
 * the deadline schedules a new one, and the old one finds the deadline not passed and does nothing.
 */
@Component
class ComplaintTimers {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    enum Step { ACCEPTANCE, HANDLING }

    record TimerId(Step step, String tenant, UUID id, LocalDate dueOn) {
        static TimerId parse(String s) {
            String[] p = s.split("\\|", 3);
            int colon = p[1].indexOf(':');
            return new TimerId(Step.valueOf(p[0]), p[1].substring(0, colon), UUID.fromString(p[1].substring(colon + 1)), LocalDate.parse(p[2]));
        }

        @Override
        public String toString() { return step + "|" + tenant + ":" + id + "|" + dueOn; }
    }

    private final OneTimeTask<String> task;
    private final SchedulerClient client;

    ComplaintTimers(DataSource dataSource, @Qualifier("complaintTimerTask") OneTimeTask<String> complaintTimerTask) {
        this.task = complaintTimerTask;
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), complaintTimerTask).build();
    }

    /** The warning of a step due on {@code dueOn}: it fires at the first instant of the next day in the halls' time zone. */
    void due(Step step, String tenant, UUID complaintId, LocalDate dueOn) {
        client.scheduleIfNotExists(task.instance(new TimerId(step, tenant, complaintId, dueOn).toString()),
                dueOn.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
