package cn.zwy.cases.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A comparison of units on the supervision indicators (M2): the counties of a province or city, or, drilling down, the
 * halls of a county, the windows of a hall and the staff of a window; ranked by one indicator, with the scope's totals
 * over the periods before.
 *
 * @param scope    the region compared (a province's or city's code), or the county drilled into
 * @param level    COUNTY, HALL, WINDOW or STAFF: what the units are
 * @param hallKey  the hall drilled into (WINDOW and STAFF levels), else null
 * @param windowKey the window drilled into (STAFF level), else null
 * @param period   {@code 2026-11}, {@code 2026-Q4} or {@code 2026}
 * @param from     the period's first day
 * @param to       its last day covered (today within the current period)
 * @param rankedBy the indicator the units are ranked by
 * @param trend    the scope's totals for the periods of the same length up to this one, oldest first
 */
public record Comparison(String scope, String level, String hallKey, String windowKey, String period, LocalDate from,
                         LocalDate to, String rankedBy, List<Unit> units, Figures total, List<Point> trend) {

    /** One unit: its rank (1 the best by {@code rankedBy}; units without that figure come last), its key and name. */
    public record Unit(int rank, String key, String name, Figures figures) {}

    /** The scope's totals in one period. */
    public record Point(String period, LocalDate from, LocalDate to, Figures figures) {}

    /**
     * The indicators (M1's, for every unit): volume, timeliness (C7: overdue through the window's fault only),
     * reviews (V7) and complaints (P1–P5).
     *
     * @param overdue                cases that went past their deadline through the window's fault (C7), counted once
     * @param overdueApplicantCaused the same through the applicant (not counted above)
     * @param visits                 queue tickets served (A5)
     */
    public record Figures(int accepted, int completed, int completedOnTime, Double onTimeRate, int overdue,
                          int overdueApplicantCaused, int visits, int reviews, int goodReviews, int badReviews, int unrated,
                          Double goodRate, Double unratedRate, int complaints, int complaintsAccepted, int complaintsClosed,
                          int complaintsVerified, int complaintsSatisfied) {}
}
