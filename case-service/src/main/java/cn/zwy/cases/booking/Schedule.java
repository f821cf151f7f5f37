package cn.zwy.cases.booking;

import cn.zwy.cases.filing.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hall's bookable slots on a day, derived (never stored ahead): a special day of the hall wins (closed, or
 * open with its own periods even on a weekend or holiday — a weekend booking day or an off-hours session, A1/A3);
 * a statutory day off or a tenant closure closes it; otherwise the weekly hours of the weekday apply, breaks being
 * the gaps between periods (A4); a working day whose weekday has no hours (a make-up Saturday) gets the hall's
 * workday hours. The same reading as tenant-service's "open now / opens at" (CalendarService.nextOpening).
 */
final class Schedule {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Schedule() {}

    record Period(LocalTime opens, LocalTime closes) {}

    /** A day the hall departs from its weekly hours. */
    record SpecialDay(boolean closed, List<Period> periods, String reason) {}

    record Hall(java.util.UUID id, String tenantId, String name, Map<DayOfWeek, List<Period>> weekly) {}

    static List<Period> periodsOn(LocalDate d, Hall hall, SpecialDay special, WorkingCalendar cal) {
        if (special != null) return special.closed() ? List.of() : special.periods();
        if (cal.closed(d)) return List.of();
        List<Period> own = hall.weekly().getOrDefault(d.getDayOfWeek(), List.of());
        if (!own.isEmpty()) return own;
        if (!cal.working(d)) return List.of();
        for (DayOfWeek w : DayOfWeek.values()) {
            if (w.getValue() <= DayOfWeek.FRIDAY.getValue() && !hall.weekly().getOrDefault(w, List.of()).isEmpty()) {
                return hall.weekly().get(w);
            }
        }
        return List.of();
    }

    /** The starts of the slots of {@code minutes} that fit whole into the periods (a slot never spans a break). */
    static List<LocalDateTime> starts(LocalDate d, List<Period> periods, int minutes) {
        List<LocalDateTime> out = new ArrayList<>();
        for (Period p : periods) {
            for (LocalTime t = p.opens(); !t.plusMinutes(minutes).isAfter(p.closes()) && !t.plusMinutes(minutes).isBefore(t);
                 t = t.plusMinutes(minutes)) {
                out.add(d.atTime(t));
                if (t.plusMinutes(minutes).equals(LocalTime.MIDNIGHT)) break;
            }
        }
        return out;
    }
}
