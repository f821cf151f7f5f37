package cn.zwy.cases.report;

import static cn.zwy.cases.report.Contribution.Unit;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.events.UnprocessableEventException;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the comparison read model (M2, ADR 0024) from the event path: cases accepted, completed (on time, or late
 * through the window's or the applicant's doing, C7), flagged overdue (C8), visits served at a window (A5), reviews and
 * services left unrated (V7), and complaints filed, accepted and closed (P1–P5; complaints are another module's, which
 * publishes {@code complaint.filed}, {@code complaint.accepted} and {@code complaint.closed} with the hall, window and
 * staff member complained about). Each event adds once ({@link ComparisonRollup#addOnce}); a case is attributed to the
 * window and staff member that accepted it, as the monthly report does (M1), and to that window's hall.
 */
@Component
class ComparisonFeed implements EventHandler {

    static final String ACCEPTED = "case.accepted";
    static final String COMPLETED = "case.completed";
    static final String DEEMED = "case.deemed_approved";
    static final String OVERDUE = "case.overdue";
    static final String VISIT = "queue.ticket.finished";
    static final String REVIEWED = "review.submitted";
    static final String UNRATED = "review.unrated";
    static final String COMPLAINT_FILED = "complaint.filed";
    static final String COMPLAINT_ACCEPTED = "complaint.accepted";
    static final String COMPLAINT_CLOSED = "complaint.closed";
    static final String COMPLAINT_SATISFACTION = "complaint.satisfaction_answered";
    private static final Set<String> TYPES = Set.of(ACCEPTED, COMPLETED, DEEMED, OVERDUE, VISIT, REVIEWED, UNRATED, COMPLAINT_FILED,
            COMPLAINT_ACCEPTED, COMPLAINT_CLOSED, COMPLAINT_SATISFACTION);

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ComparisonRollup rollup;
    private final JsonMapper json;

    ComparisonFeed(TenantTransactions tx, JdbcTemplate jdbc, ComparisonRollup rollup, JsonMapper json) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.json = json;
    }

    @Override
    public String group() {
        return "case-comparison";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode p = json.readTree(event.payload());
        String tenant = text(p, "tenantCode");
        if (!DivisionCodes.isTenant(tenant)) throw new UnprocessableEventException(event.type() + " without a tenant: " + tenant, null);
        tx.write(tenant, () -> rollup.addOnce(event.id(), tenant, contributions(event, tenant, p)));
    }

    /** Inside the tenant's transaction: what the event adds. */
    List<Contribution> contributions(DomainEvent event, String tenant, JsonNode p) {
        LocalDate eventDay = day(event.occurredAt());
        return switch (event.type()) {
            case ACCEPTED, COMPLETED, DEEMED, OVERDUE -> caseEvent(event.type(), tenant, uuid(text(p, "caseId")), eventDay);
            case VISIT -> List.of(Contribution.of(tenant, day(instant(p, "finishedAt", event.occurredAt())),
                    unit(tenant, text(p, "hallId"), text(p, "windowId"), text(p, "windowName"), text(p, "servedById"),
                            text(p, "servedByName")), Measure.VISITS));
            case REVIEWED -> {
                List<Measure> m = new ArrayList<>(List.of(Measure.REVIEWS));
                m.add(p.path("bad").asBoolean(false) ? Measure.BAD_REVIEWS : Measure.GOOD_REVIEWS);
                yield List.of(Contribution.of(tenant, day(instant(p, "doneAt", event.occurredAt())),
                        unit(tenant, null, text(p, "windowId"), text(p, "windowName"), text(p, "staffId"), null),
                        m.toArray(Measure[]::new)));
            }
            case UNRATED -> List.of(Contribution.of(tenant, day(instant(p, "doneAt", event.occurredAt())),
                    unit(tenant, null, text(p, "windowId"), text(p, "windowName"), text(p, "staffId"), null), Measure.UNRATED));
            default -> complaint(event.type(), tenant, p, day(instant(p, "occurredAt", event.occurredAt())));
        };
    }

    private List<Contribution> complaint(String type, String tenant, JsonNode p, LocalDate day) {
        // the complaints module's payload (ADR 0023): windowId and windowName; "window" (an id or a name) as first agreed
        String window = text(p, "window");
        boolean windowIsId = window != null && window.matches("[0-9a-fA-F-]{36}");
        String windowId = text(p, "windowId") != null ? text(p, "windowId") : windowIsId ? window : null;
        String windowName = text(p, "windowName") != null ? text(p, "windowName") : windowIsId ? null : window;
        Unit unit = unit(tenant, text(p, "hallId"), windowId, windowName, text(p, "staffId"), text(p, "staffName"));
        List<Measure> m = new ArrayList<>();
        switch (type) {
            case COMPLAINT_FILED -> m.add(Measure.COMPLAINTS);
            case COMPLAINT_ACCEPTED -> m.add(Measure.COMPLAINTS_ACCEPTED);
            // the complainant answers after the result (P4): satisfied arrives on its own event, not on complaint.closed
            case COMPLAINT_SATISFACTION -> {
                if (p.path("satisfied").asBoolean(false)) m.add(Measure.COMPLAINTS_SATISFIED);
            }
            default -> {
                m.add(Measure.COMPLAINTS_CLOSED);
                if (p.path("verified").asBoolean(false)) m.add(Measure.COMPLAINTS_VERIFIED);
                if (p.path("satisfied").asBoolean(false)) m.add(Measure.COMPLAINTS_SATISFIED);
            }
        }
        if (m.isEmpty()) return List.of();
        return List.of(Contribution.of(tenant, day, unit, m.toArray(Measure[]::new)));
    }

    /**
     * A case's event, attributed to the window and staff member that accepted it. Completion counts on time or late; a
     * late case counts once as overdue — when its overdue flag was raised (C8), or at its late completion if none was —
     * under the window's fault unless the applicant held it up ({@link OverdueFault}, C7).
     */
    private List<Contribution> caseEvent(String type, String tenant, UUID caseId, LocalDate day) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select f.deadline, a.window_name, a.actor_id, a.actor_name,
                       exists (select 1 from case_action o where o.case_id = f.id and o.action = 'OVERDUE') as flagged,
                       %s as applicant_caused
                from case_file f
                left join lateral (select window_name, actor_id, actor_name from case_action x
                                   where x.case_id = f.id and x.action = 'ACCEPTED' order by x.seq limit 1) a on true
                where f.tenant_id = ? and f.id = ?""".formatted(OverdueFault.applicantCaused("f.id")), tenant, caseId);
        if (rows.isEmpty()) return List.of();
        Map<String, Object> c = rows.getFirst();
        String window = (String) c.get("window_name");
        Unit unit = unit(tenant, null, null, window == null || window.isBlank() ? WindowReports.NO_WINDOW : window,
                (String) c.get("actor_id"), (String) c.get("actor_name"));
        LocalDate deadline = c.get("deadline") == null ? null : ((Date) c.get("deadline")).toLocalDate();
        boolean applicant = Boolean.TRUE.equals(c.get("applicant_caused"));
        Measure overdue = applicant ? Measure.OVERDUE_APPLICANT : Measure.OVERDUE;
        return switch (type) {
            case ACCEPTED -> List.of(Contribution.of(tenant, day, unit, Measure.ACCEPTED));
            case OVERDUE -> List.of(Contribution.of(tenant, day, unit, overdue));
            default -> {
                boolean late = deadline != null && day.isAfter(deadline);
                if (!late) yield List.of(Contribution.of(tenant, day, unit, Measure.COMPLETED, Measure.COMPLETED_ON_TIME));
                if (Boolean.TRUE.equals(c.get("flagged"))) yield List.of(Contribution.of(tenant, day, unit, Measure.COMPLETED));
                yield List.of(Contribution.of(tenant, day, unit, Measure.COMPLETED, overdue));
            }
        };
    }

    /**
     * The unit: the hall named (or the one the window is in, from booking's copy of the windows; else the tenant's main
     * hall), the window by its name (what the case record keeps, C16; looked up by id where only that is given).
     */
    private Unit unit(String tenant, String hallId, String windowId, String windowName, String staffId, String staffName) {
        String hall = hallId;
        String name = windowName;
        if (windowId != null || (hall == null && windowName != null)) {
            List<Map<String, Object>> w = windowId != null
                    ? jdbc.queryForList("select hall_id, name from booking_window where tenant_id = ? and window_id = ?", tenant, uuid(windowId))
                    : jdbc.queryForList("select hall_id, name from booking_window where tenant_id = ? and name = ? limit 1", tenant, windowName);
            if (!w.isEmpty()) {
                if (hall == null) hall = String.valueOf(w.getFirst().get("hall_id"));
                if (name == null) name = (String) w.getFirst().get("name");
            }
        }
        List<Map<String, Object>> h = hall != null
                ? jdbc.queryForList("select hall_id, name from booking_hall where tenant_id = ? and hall_id = ?", tenant, uuid(hall))
                : jdbc.queryForList("select hall_id, name from booking_hall where tenant_id = ? and main order by hall_id limit 1", tenant);
        String hallKey = h.isEmpty() ? hall : String.valueOf(h.getFirst().get("hall_id"));
        String hallName = h.isEmpty() ? null : (String) h.getFirst().get("name");
        String windowKey = name != null ? name : windowId;
        return new Unit(hallKey, hallName, windowKey == null ? WindowReports.NO_WINDOW : windowKey,
                name == null ? WindowReports.NO_WINDOW : name, staffId, staffName);
    }

    static LocalDate day(Instant at) {
        return at.atZone(WindowReports.HALLS).toLocalDate();
    }

    private static Instant instant(JsonNode p, String field, Instant otherwise) {
        String v = text(p, field);
        return v == null ? otherwise : Instant.parse(v);
    }

    private static UUID uuid(String id) {
        if (id == null) return null;
        try {
            return UUID.fromString(id.substring(id.indexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("not an id: " + id, null);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
