package cn.zwy.cases.booking;

import cn.zwy.cases.filing.FilingReadModels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What booking's read models of tenant-service's halls and windows tell other modules of case-service (the hall
 * queue, ADR 0017) without them reading booking's tables: a hall's name and opening periods on a day, its windows
 * and the business categories each serves (A5). Call inside a transaction bound to the hall's tenant (RLS shows
 * its rows only).
 */
@Component
public class BookingHalls {

    /** A window of a hall and the business categories (codes) it serves. */
    public record HallWindow(UUID id, UUID hallId, String kind, List<String> categories, String number, String name) {

        /** How the calling screen names it: "3号窗口" (its number), else its name, else its id. */
        public String label() {
            if (number != null && !number.isBlank()) return number + "号窗口";
            return name != null && !name.isBlank() ? name : id.toString();
        }
    }

    /**
     * The A and B holders of a window post (T6) as tenant-service announced them (usernames of the staff realm and
     * names); {@code known} is false for a window whose holders were never announced.
     */
    public record WindowHolders(boolean known, String a, String aName, String b, String bName) {}

    /** The window's holders, when the current tenant has the window. */
    public Optional<WindowHolders> holders(UUID windowId) {
        return jdbc.query("select holders_known, a_holder, a_holder_name, b_holder, b_holder_name from booking_window where window_id = ?",
                (rs, i) -> new WindowHolders(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), windowId)
                .stream().findFirst();
    }

    /** An opening period of a hall on a day (A4), in the halls' time zone. */
    public record OpenPeriod(LocalTime opens, LocalTime closes) {}

    private final HallSchedules halls;
    private final FilingReadModels filing;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final BookingProperties props;

    BookingHalls(HallSchedules halls, FilingReadModels filing, JdbcTemplate jdbc, JsonMapper json, BookingProperties props) {
        this.halls = halls;
        this.filing = filing;
        this.jdbc = jdbc;
        this.json = json;
        this.props = props;
    }

    /** The hall's name when the tenant has it. */
    public Optional<String> hallName(String tenantId, UUID hallId) {
        return halls.hall(tenantId, hallId).map(Schedule.Hall::name);
    }

    /** The hall's opening periods on the day: special days, the calendar and the weekly hours, as slots are derived. */
    public List<OpenPeriod> periodsOn(String tenantId, UUID hallId, LocalDate day) {
        Optional<Schedule.Hall> hall = halls.hall(tenantId, hallId);
        if (hall.isEmpty()) return List.of();
        Schedule.SpecialDay sd = halls.specialDays(hallId, day, day).get(day);
        List<OpenPeriod> out = new ArrayList<>();
        for (Schedule.Period p : Schedule.periodsOn(day, hall.get(), sd, filing.calendarOfCurrentTenant())) out.add(new OpenPeriod(p.opens(), p.closes()));
        return out;
    }

    /** When the hall closes on the day (the end of its last period); empty on a closed day. */
    public Optional<Instant> closingTime(String tenantId, UUID hallId, LocalDate day) {
        List<OpenPeriod> periods = periodsOn(tenantId, hallId, day);
        return periods.isEmpty() ? Optional.empty()
                : Optional.of(day.atTime(periods.getLast().closes()).atZone(Schedule.ZONE).toInstant());
    }

    /** The window, when the current tenant has it. */
    public Optional<HallWindow> window(UUID windowId) {
        return jdbc.query("select window_id, hall_id, kind, categories, number, name from booking_window where window_id = ?",
                (rs, i) -> window(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), windowId)
                .stream().findFirst();
    }

    /** The hall's windows. */
    public List<HallWindow> windows(UUID hallId) {
        return jdbc.query("select window_id, hall_id, kind, categories, number, name from booking_window where hall_id = ? order by window_id",
                (rs, i) -> window(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), hallId);
    }

    /** The current tenant's windows of every hall serving the business category (G1: where else to go). */
    public List<HallWindow> windowsServing(String category) {
        return jdbc.query("select window_id, hall_id, kind, categories, number, name from booking_window order by hall_id, length(number), number",
                (rs, i) -> window(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .stream().filter(w -> w.categories().contains(category)).toList();
    }

    /** The current tenant's comprehensive windows (综合受理窗口, T4) of every hall (G3: where a package is accepted at one window). */
    public List<HallWindow> comprehensiveWindows() {
        return jdbc.query("select window_id, hall_id, kind, categories, number, name from booking_window where kind = 'COMPREHENSIVE' "
                        + "order by hall_id, length(number), number",
                (rs, i) -> window(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
    }

    /**
     * The business categories the hall's windows serve, code to name in code order (A5): what a citizen picks
     * from when taking a ticket. A code named differently by two windows keeps the first name.
     */
    public Map<String, String> categoryNames(UUID hallId) {
        Map<String, String> out = new TreeMap<>();
        for (String categories : jdbc.queryForList("select categories from booking_window where hall_id = ?", String.class, hallId)) {
            for (JsonNode c : json.readTree(categories)) {
                String code = c.path("code").asString("");
                if (!code.isEmpty()) out.putIfAbsent(code, c.path("name").asString(code));
            }
        }
        return out;
    }

    /** The business category bookings are served under (A5). */
    public String bookingCategory() {
        return props.category();
    }

    private HallWindow window(UUID id, UUID hall, String kind, String categories, String number, String name) {
        List<String> codes = new ArrayList<>();
        for (JsonNode c : json.readTree(categories)) codes.add(c.path("code").asString(""));
        return new HallWindow(id, hall, kind, List.copyOf(codes), number, name);
    }
}
