package cn.zwy.cases.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's monthly report per window (M1, C8): the window is the one that accepted the case.
 * Reviews and complaints join it once they exist (issue 11).
 *
 * @param month  {@code yyyy-MM}
 * @param asOf   the last day the figures cover: the month's end, or today within the current month
 * @param total  the sums over all windows
 */
public record WindowReport(String tenantCode, String month, LocalDate asOf, List<Figures> windows, Figures total) {

    /**
     * @param window           the accepting window's name ("未注明窗口" where none was given)
     * @param accepted         cases accepted in the month
     * @param completed        cases completed in the month
     * @param completedOnTime  of those, completed on or before their deadline (pauses and approved extensions included)
     * @param onTimeRate       completedOnTime / completed, null when nothing was completed
     * @param completedOverdue of those, completed after their deadline (C7)
     * @param openOverdue      cases still open at {@code asOf} whose deadline had passed (C7)
     */
    public record Figures(String window, int accepted, int completed, int completedOnTime, Double onTimeRate,
                          int completedOverdue, int openOverdue) {}
}
