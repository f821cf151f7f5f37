package cn.zwy.cases.complaint;

import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.common.tenant.TenantTransactions;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a due complaint timer does, in a transaction bound to its tenant: a complaint still undecided after its
 * acceptance deadline (P2), or still unanswered after its handling deadline (P3), gets the step added to its late steps
 * and {@code complaint.acceptance_late} / {@code complaint.handling_late} published — the warning. The update is
 * conditional (still in that step, its current deadline passed, not warned yet), so a repeated run, a decided complaint
 * or a deadline moved later by a delay does nothing.
 */
@Component
class ComplaintTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(ComplaintTimerHandler.class);

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ComplaintRows rows;
    private final ComplaintEvents events;

    ComplaintTimerHandler(TenantTransactions tx, JdbcTemplate jdbc, ComplaintRows rows, ComplaintEvents events) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
    }

    void fire(String instance) {
        ComplaintTimers.TimerId t = ComplaintTimers.TimerId.parse(instance);
        tx.write(t.tenant(), () -> {
            // the row's own deadline decides: a delay moved it later, and the older timer finds it not passed yet
            String condition = t.step() == ComplaintTimers.Step.ACCEPTANCE ? "state = 'FILED' and accept_due_on < ?" : "state = 'ACCEPTED' and handle_due_on < ?";
            int late = jdbc.update("update complaint set late_steps = late_steps || to_jsonb(?::text) where tenant_id = ? and id = ? and " + condition
                    + " and not late_steps @> jsonb_build_array(?::text)", t.step().name(), t.tenant(), t.id(), java.sql.Date.valueOf(CaseFacts.today()),
                    t.step().name());
            if (late == 1) {
                ComplaintRows.Row r = rows.byId(t.tenant(), t.id()).orElseThrow();
                events.publish(t.step() == ComplaintTimers.Step.ACCEPTANCE ? "acceptance_late" : "handling_late", r, Instant.now(),
                        Map.of("step", t.step().name()));
                log.warn("complaint {} of {}: {} past its deadline ({})", t.id(), t.tenant(), t.step(),
                        t.step() == ComplaintTimers.Step.ACCEPTANCE ? "P2" : "P3");
            }
            return null;
        });
    }
}
