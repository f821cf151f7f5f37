package cn.zwy.cases.report;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds contributions to the comparison read model (V48): merged in memory by row first (a batch of a million synthetic
 * cases becomes a few hundred upserts: the rows are per month), then one batched upsert per table that adds to the counters. The event feed
 * calls it with one event's contributions, the benchmark's bulk load with a county's; both inside a transaction bound to
 * the tenant (row-level security checks every row written).
 */
@Component
class ComparisonRollup {

    private static final String UNIT_UPSERT = """
            insert into comparison_unit_month as t (tenant_id, month, hall_key, window_key, staff_key, hall_name, window_name, staff_name, %s)
            values (?, ?, ?, ?, ?, ?, ?, ?, %s)
            on conflict (tenant_id, month, hall_key, window_key, staff_key) do update set
                hall_name = coalesce(excluded.hall_name, t.hall_name), window_name = coalesce(excluded.window_name, t.window_name),
                staff_name = coalesce(excluded.staff_name, t.staff_name), %s"""
            .formatted(Measure.columns(), "?, ".repeat(Measure.ALL.length - 1) + "?", Measure.additions("t"));
    private static final String TENANT_UPSERT = """
            insert into comparison_tenant_month as t (tenant_id, month, %s) values (?, ?, %s)
            on conflict (tenant_id, month) do update set %s"""
            .formatted(Measure.columns(), "?, ".repeat(Measure.ALL.length - 1) + "?", Measure.additions("t"));

    private final JdbcTemplate jdbc;

    ComparisonRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one event's contributions unless that event was added before (a redelivery); whether it added them. */
    boolean addOnce(UUID eventId, String tenant, List<Contribution> contributions) {
        int fresh = jdbc.update("insert into comparison_event (event_id, tenant_id) values (?, ?) on conflict do nothing", eventId, tenant);
        if (fresh == 0) return false;
        add(contributions);
        return true;
    }

    /** Adds the contributions (all of the transaction's tenant). */
    void add(List<Contribution> contributions) {
        if (contributions.isEmpty()) return;
        Map<List<Object>, Contribution> units = new LinkedHashMap<>();
        Map<List<Object>, int[]> tenants = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            units.merge(List.of(c.tenant(), month(c), c.hallKey(), c.windowKey(), c.staffKey()), copy(c), ComparisonRollup::merge);
            int[] sum = tenants.computeIfAbsent(List.of(c.tenant(), month(c)), k -> new int[Measure.ALL.length]);
            for (int i = 0; i < sum.length; i++) sum[i] += c.counts()[i];
        }
        List<Object[]> unitRows = new ArrayList<>(units.size());
        for (Contribution c : units.values()) {
            Object[] row = new Object[8 + Measure.ALL.length];
            row[0] = c.tenant();
            row[1] = Date.valueOf(month(c));
            row[2] = c.hallKey();
            row[3] = c.windowKey();
            row[4] = c.staffKey();
            row[5] = c.hallName();
            row[6] = c.windowName();
            row[7] = c.staffName();
            for (int i = 0; i < Measure.ALL.length; i++) row[8 + i] = c.counts()[i];
            unitRows.add(row);
        }
        List<Object[]> tenantRows = new ArrayList<>(tenants.size());
        tenants.forEach((k, sum) -> {
            Object[] row = new Object[2 + Measure.ALL.length];
            row[0] = k.get(0);
            row[1] = Date.valueOf((java.time.LocalDate) k.get(1));
            for (int i = 0; i < sum.length; i++) row[2 + i] = sum[i];
            tenantRows.add(row);
        });
        jdbc.batchUpdate(UNIT_UPSERT, unitRows);
        jdbc.batchUpdate(TENANT_UPSERT, tenantRows);
    }

    /** The rollups' grain: the month of the contribution's day (its first day). */
    private static java.time.LocalDate month(Contribution c) {
        return c.day().withDayOfMonth(1);
    }

    private static Contribution copy(Contribution c) {
        return new Contribution(c.tenant(), c.day(), c.hallKey(), c.hallName(), c.windowKey(), c.windowName(), c.staffKey(),
                c.staffName(), c.counts().clone());
    }

    private static Contribution merge(Contribution into, Contribution more) {
        for (int i = 0; i < into.counts().length; i++) into.counts()[i] += more.counts()[i];
        return new Contribution(into.tenant(), into.day(), into.hallKey(), more.hallName() != null ? more.hallName() : into.hallName(),
                into.windowKey(), more.windowName() != null ? more.windowName() : into.windowName(), into.staffKey(),
                more.staffName() != null ? more.staffName() : into.staffName(), into.counts());
    }
}
