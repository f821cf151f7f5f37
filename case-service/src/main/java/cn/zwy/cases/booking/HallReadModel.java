package cn.zwy.cases.booking;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps booking's copy of the halls (hall.changed: name and weekly hours), their special days
 * (hall.special_day.set / removed: a weekend booking day, a closure) and their windows with business categories
 * (window.changed) and the A/B holders of each window post (window.holders.changed, T6) in step with tenant-service. Every payload is whole, so nothing is called back; a hall's older
 * version never overwrites a newer one, and a repeated event writes the same row again.
 */
@Component
class HallReadModel implements EventHandler {

    static final String HALL_CHANGED = "hall.changed";
    static final String DAY_SET = "hall.special_day.set";
    static final String DAY_REMOVED = "hall.special_day.removed";
    static final String WINDOW_CHANGED = "window.changed";
    static final String WINDOW_HOLDERS = "window.holders.changed";
    private static final Set<String> TYPES = Set.of(HALL_CHANGED, DAY_SET, DAY_REMOVED, WINDOW_CHANGED, WINDOW_HOLDERS);

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final JsonMapper json;

    HallReadModel(JdbcTemplate jdbc, TenantTransactions tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public String group() {
        return "case-booking-halls";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode p = json.readTree(event.payload());
        String tenant = p.get("tenantCode").asString();
        tx.write(tenant, () -> {
            switch (event.type()) {
                case HALL_CHANGED -> jdbc.update("""
                        insert into booking_hall (hall_id, tenant_id, name, main, opening_hours, version) values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, hall_id) do update set name = excluded.name, main = excluded.main,
                            opening_hours = excluded.opening_hours, version = excluded.version, received_at = now()
                        where booking_hall.version <= excluded.version""",
                        UUID.fromString(p.get("hallId").asString()), tenant, p.path("name").asString(""),
                        p.path("main").asBoolean(false), json.writeValueAsString(p.path("openingHours")), p.path("version").asInt(0));
                case DAY_SET -> jdbc.update("""
                        insert into booking_hall_day (tenant_id, hall_id, date, closed, periods, reason) values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, hall_id, date) do update set closed = excluded.closed, periods = excluded.periods,
                            reason = excluded.reason""",
                        tenant, UUID.fromString(p.get("hallId").asString()), Date.valueOf(LocalDate.parse(p.get("date").asString())),
                        p.path("closed").asBoolean(false), json.writeValueAsString(p.path("periods").isArray() ? p.path("periods") : json.createArrayNode()),
                        p.path("reason").isNull() ? null : p.path("reason").asString(null));
                case DAY_REMOVED -> jdbc.update("delete from booking_hall_day where hall_id = ? and date = ?",
                        UUID.fromString(p.get("hallId").asString()), Date.valueOf(LocalDate.parse(p.get("date").asString())));
                case WINDOW_CHANGED -> jdbc.update("""
                        insert into booking_window (window_id, tenant_id, hall_id, kind, categories, number, name) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, window_id) do update set hall_id = excluded.hall_id, kind = excluded.kind,
                            categories = excluded.categories, number = excluded.number, name = excluded.name""",
                        UUID.fromString(p.get("windowId").asString()), tenant, UUID.fromString(p.get("hallId").asString()),
                        p.path("kind").asString("COMPREHENSIVE"), json.writeValueAsString(p.path("categories")),
                        p.path("number").asString(null), p.path("name").asString(null));
                // the holders as they are now (a post nobody holds is null); the window row exists already (window.changed
                // comes first on the stream), else a minimal one is made that window.changed completes
                case WINDOW_HOLDERS -> jdbc.update("""
                        insert into booking_window (window_id, tenant_id, hall_id, kind, categories, holders_known, a_holder, a_holder_name,
                            b_holder, b_holder_name) values (?, ?, ?, 'COMPREHENSIVE', '[]', true, ?, ?, ?, ?)
                        on conflict (tenant_id, window_id) do update set holders_known = true, a_holder = excluded.a_holder,
                            a_holder_name = excluded.a_holder_name, b_holder = excluded.b_holder, b_holder_name = excluded.b_holder_name""",
                        UUID.fromString(p.get("windowId").asString()), tenant, UUID.fromString(p.get("hallId").asString()),
                        text(p.path("a").path("username")), text(p.path("a").path("name")),
                        text(p.path("b").path("username")), text(p.path("b").path("name")));
                default -> { }
            }
            return null;
        });
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asString(null);
    }
}
