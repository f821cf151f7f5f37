package cn.zwy.cases.filing;

import cn.zwy.common.tenant.TenantTransactions;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadline kept on a case for sorting and warnings, recomputed from the facts when the calendar
 * changes under it (a tenant closure, a newly loaded national year). Not an action on the case: the
 * case's version does not move.
 */
@Component
class CaseDeadlines {

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final LocalCalendar calendar;
    private final CaseStore store;
    private final ObjectProvider<CaseTimers> timers;

    CaseDeadlines(JdbcTemplate jdbc, TenantTransactions tx, LocalCalendar calendar, CaseStore store,
                  ObjectProvider<CaseTimers> timers) {
        this.timers = timers;
        this.jdbc = jdbc;
        this.tx = tx;
        this.calendar = calendar;
        this.store = store;
    }

    /** Facts of a case's clock; null before counting starts. */
    CaseClock.Facts facts(CaseRow c) {
        if (c.clockStart == null) return null;
        return new CaseClock.Facts(c.clockStart, c.limitValue, c.unit(), store.pauses(c.tenantId, c.id), c.approvedExtension());
    }

    /** Inside a transaction bound to the current tenant for writing. */
    void recomputeCurrentTenant() {
        WorkingCalendar cal = calendar.ofCurrentTenant();
        LocalDate today = Today.date();
        List<CaseRow> open = jdbc.query("select * from case_file where status = 'ACCEPTED' and clock_start is not null", CaseStore::row);
        for (CaseRow c : open) {
            CaseClock.Facts facts = facts(c);
            LocalDate d = CaseClock.deadline(facts, cal, today);
            if (!d.equals(c.deadline)) {
                jdbc.update("update case_file set deadline = ? where tenant_id = ? and id = ?", CaseStore.date(d), c.tenantId, c.id);
                c.deadline = d;
                timers.getObject().deadlineSet(c, facts, cal);
            }
        }
    }

    void recomputeAllTenants() {
        List<String> tenants = tx.platform(() -> jdbc.queryForList("select distinct tenant_id from citizen_case", String.class));
        for (String t : tenants) {
            tx.write(t, () -> {
                recomputeCurrentTenant();
                return null;
            });
        }
    }
}
