package cn.zwy.cases.filing;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps case-service's copy of the working-day calendar in step with tenant-service's events
 * (calendar.national.year with every listed day; calendar.tenant.day.set/removed). A tenant's
 * change moves the deadlines of its open cases at once: the stored deadline only serves sorting
 * and warnings, the clock is recomputed from the facts ({@link CaseDeadlines}).
 */
@Component
class CalendarReadModel implements EventHandler {

    static final String NATIONAL_YEAR = "calendar.national.year";
    static final String TENANT_DAY_SET = "calendar.tenant.day.set";
    static final String TENANT_DAY_REMOVED = "calendar.tenant.day.removed";
    private static final Set<String> TYPES = Set.of(NATIONAL_YEAR, TENANT_DAY_SET, TENANT_DAY_REMOVED);

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final JsonMapper json;
    private final LocalCalendar calendar;
    private final CaseDeadlines deadlines;

    CalendarReadModel(JdbcTemplate jdbc, TenantTransactions tx, JsonMapper json, LocalCalendar calendar, CaseDeadlines deadlines) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.calendar = calendar;
        this.deadlines = deadlines;
    }

    @Override
    public String group() {
        return "case-calendar";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode p = json.readTree(event.payload());
        switch (event.type()) {
            case NATIONAL_YEAR -> {
                int year = p.get("year").asInt();
                List<Object[]> days = new ArrayList<>();
                for (JsonNode d : p.get("days")) {
                    days.add(new Object[] {Date.valueOf(LocalDate.parse(d.get("date").asString())), year, d.get("offDay").asBoolean()});
                }
                tx.platform(() -> {
                    jdbc.update("delete from national_calendar_year where year = ?", year);
                    jdbc.update("insert into national_calendar_year (year) values (?)", year);
                    jdbc.batchUpdate("insert into national_calendar_day (date, year, off_day) values (?, ?, ?)", days);
                    return null;
                });
                calendar.invalidate();
                deadlines.recomputeAllTenants();
            }
            case TENANT_DAY_SET, TENANT_DAY_REMOVED -> {
                String tenant = p.get("tenantCode").asString();
                LocalDate date = LocalDate.parse(p.get("date").asString());
                tx.write(tenant, () -> {
                    if (event.type().equals(TENANT_DAY_SET)) {
                        jdbc.update("""
                                insert into tenant_calendar_day (tenant_id, date, working) values (?, ?, ?)
                                on conflict (tenant_id, date) do update set working = excluded.working""",
                                tenant, Date.valueOf(date), p.get("working").asBoolean());
                    } else {
                        jdbc.update("delete from tenant_calendar_day where tenant_id = ? and date = ?", tenant, Date.valueOf(date));
                    }
                    deadlines.recomputeCurrentTenant();
                    return null;
                });
            }
            default -> { }
        }
    }
}
