package cn.zwy.cases.booking;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads booking's hall read models; inside a transaction bound to the hall's tenant (RLS shows its rows only). */
@Component
class HallSchedules {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BookingProperties props;

    HallSchedules(JdbcTemplate jdbc, JsonMapper json, BookingProperties props) {
        this.jdbc = jdbc;
        this.json = json;
        this.props = props;
    }

    Optional<Schedule.Hall> hall(String tenantId, UUID hallId) {
        return jdbc.query("select * from booking_hall where hall_id = ? and tenant_id = ?", (rs, i) -> hall(rs.getObject("hall_id", UUID.class),
                rs.getString("tenant_id"), rs.getString("name"), rs.getString("opening_hours")), hallId, tenantId).stream().findFirst();
    }

    /** The tenant's halls, the main hall first. */
    List<Schedule.Hall> halls(String tenantId) {
        return jdbc.query("select * from booking_hall where tenant_id = ? order by main desc, name", (rs, i) -> hall(rs.getObject("hall_id", UUID.class),
                rs.getString("tenant_id"), rs.getString("name"), rs.getString("opening_hours")), tenantId);
    }

    /** The hall's special days in [from, to]. */
    Map<LocalDate, Schedule.SpecialDay> specialDays(UUID hallId, LocalDate from, LocalDate to) {
        Map<LocalDate, Schedule.SpecialDay> out = new HashMap<>();
        jdbc.query("select date, closed, periods, reason from booking_hall_day where hall_id = ? and date between ? and ?", rs -> {
            out.put(rs.getDate(1).toLocalDate(), new Schedule.SpecialDay(rs.getBoolean(2), periods(json.readTree(rs.getString(3))), rs.getString(4)));
        }, hallId, Date.valueOf(from), Date.valueOf(to));
        return out;
    }

    /**
     * Places per slot: the windows serving bookings (those with the booking category; else the comprehensive
     * windows, which accept any item, T4; else the configured default) times what one window serves in a slot.
     */
    int capacity(UUID hallId) {
        int byCategory = 0;
        int comprehensive = 0;
        for (Map<String, Object> w : jdbc.queryForList("select kind, categories from booking_window where hall_id = ?", hallId)) {
            boolean serves = false;
            for (JsonNode c : json.readTree((String) w.get("categories"))) {
                if (props.category().equals(c.path("code").asString(""))) serves = true;
            }
            if (serves) byCategory++;
            if ("COMPREHENSIVE".equals(w.get("kind"))) comprehensive++;
        }
        int windows = byCategory > 0 ? byCategory : comprehensive > 0 ? comprehensive : props.defaultWindows();
        return windows * props.perWindowPerSlot();
    }

    private Schedule.Hall hall(UUID id, String tenant, String name, String hours) {
        Map<DayOfWeek, List<Schedule.Period>> weekly = new EnumMap<>(DayOfWeek.class);
        for (JsonNode d : json.readTree(hours)) {
            weekly.put(DayOfWeek.valueOf(d.path("weekday").asString()), periods(d.path("periods")));
        }
        return new Schedule.Hall(id, tenant, name, weekly);
    }

    private static List<Schedule.Period> periods(JsonNode list) {
        List<Schedule.Period> out = new ArrayList<>();
        for (JsonNode p : list) out.add(new Schedule.Period(LocalTime.parse(p.path("opens").asString()), LocalTime.parse(p.path("closes").asString())));
        out.sort(java.util.Comparator.comparing(Schedule.Period::opens));
        return out;
    }
}
