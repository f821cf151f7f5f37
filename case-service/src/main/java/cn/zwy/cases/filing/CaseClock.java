package cn.zwy.cases.filing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The clock of a case (C4), computed from facts and never stored and decremented: the day counting
 * starts (the acceptance day — 受理当日开始计算 — or the day corrected materials arrived), the
 * limit, paused intervals (applicant delay, transit) and an approved extension (C6).
 *
 * <p>The start day counts as day 1 when it is a working day: a 3-working-day item accepted on
 * 2026-09-30 is due at the end of 2026-10-09; one accepted on the holiday 2026-10-03 counts from
 * 10-08 and is due at the end of the make-up Saturday 10-10. (tenant-service's {@code addWorkingDays}
 * counts from the day after its start; this clock does not use it.) A limit of 0 (即办) is due on
 * the first working day from the start. Days a pause covers do not count; a pause still open counts
 * as lasting through today.
 */
public final class CaseClock {

    /** The longest span a computation walks before it calls the calendar broken (tenant-service uses the same bound). */
    static final int MAX_SPAN_DAYS = 800;

    private CaseClock() {}

    public enum Unit { WORKING_DAY, NATURAL_DAY }

    public enum Warning { NONE, NEAR_DEADLINE, OVERDUE }

    /** {@code to} is exclusive; null while the pause lasts. */
    public record Pause(LocalDate from, LocalDate to) {}

    public record Facts(LocalDate start, int limit, Unit unit, List<Pause> pauses, int extensionDays) {
        public Facts {
            if (limit < 0 || extensionDays < 0) throw new IllegalArgumentException("limits are never negative");
            pauses = List.copyOf(pauses);
        }

        int total() { return limit + extensionDays; }
    }

    /**
     * @param used     counted days from the start through today (the start day is day 1)
     * @param paused   days inside pauses from the start through today that did not count
     * @param left     counted days after today up to the deadline; negative: how many counted days overdue
     * @param warnings what the computation could not be sure of (a year whose national calendar is not loaded)
     */
    public record Reading(LocalDate deadline, int used, int paused, int left, Warning warning, List<String> warnings) {}

    /** The last day of the limit (the case is due at its end). */
    public static LocalDate deadline(Facts f, WorkingCalendar cal, LocalDate today) {
        return walk(f, cal, today).deadline;
    }

    public static Reading read(Facts f, WorkingCalendar cal, LocalDate today, int nearSharePercent) {
        Walk w = walk(f, cal, today);
        int used = 0;
        int paused = 0;
        for (LocalDate d = f.start(); !d.isAfter(today); d = d.plusDays(1)) {
            if (!countable(f, cal, d)) continue;
            if (pausedOn(f, d, today)) paused++;
            else used++;
            if (ChronoUnit.DAYS.between(f.start(), d) > MAX_SPAN_DAYS) break;
        }
        int left = f.total() - used;
        Warning warning = today.isAfter(w.deadline) ? Warning.OVERDUE
                : f.total() > 0 && used * 100 >= nearSharePercent * f.total() ? Warning.NEAR_DEADLINE
                : Warning.NONE;
        if (warning == Warning.OVERDUE && left >= 0) left = -1; // an instant item past its day
        return new Reading(w.deadline, used, paused, left, warning, w.warnings);
    }

    private record Walk(LocalDate deadline, List<String> warnings) {}

    private static Walk walk(Facts f, WorkingCalendar cal, LocalDate today) {
        TreeSet<Integer> unknown = new TreeSet<>();
        LocalDate d = f.start();
        int counted = 0;
        while (true) {
            if (f.unit() == Unit.WORKING_DAY && !cal.loaded(d.getYear())) unknown.add(d.getYear());
            if (countable(f, cal, d) && !pausedOn(f, d, today)) {
                counted++;
                // a limit of 0: due on the first day that counts
                if (counted >= Math.max(1, f.total())) break;
            }
            d = d.plusDays(1);
            if (ChronoUnit.DAYS.between(f.start(), d) > MAX_SPAN_DAYS) {
                throw new IllegalStateException("no " + f.total() + " working days within " + MAX_SPAN_DAYS + " days of " + f.start());
            }
        }
        List<String> warnings = new ArrayList<>();
        for (int y : unknown) warnings.add(y + " 年的国家法定节假日安排尚未加载，期限暂按周末休息计算，可能有误（C4）");
        return new Walk(d, warnings);
    }

    private static boolean countable(Facts f, WorkingCalendar cal, LocalDate d) {
        return f.unit() == Unit.NATURAL_DAY || cal.working(d);
    }

    private static boolean pausedOn(Facts f, LocalDate d, LocalDate today) {
        for (Pause p : f.pauses()) {
            LocalDate end = p.to() == null ? today.plusDays(1) : p.to();
            if (!d.isBefore(p.from()) && d.isBefore(end)) return true;
        }
        return false;
    }
}
