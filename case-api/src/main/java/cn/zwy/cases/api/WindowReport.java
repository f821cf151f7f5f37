package cn.zwy.cases.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's monthly report per window (M1, C8): the window is the one that accepted the case (and the one that
 * served the visit, was reviewed or was complained about).
 *
 * @param month  {@code yyyy-MM}
 * @param asOf   the last day the figures cover: the month's end, or today within the current month
 * @param total  the sums over all windows
 */
public record WindowReport(String tenantCode, String month, LocalDate asOf, List<Figures> windows, Figures total) {

    /**
     * @param window                 the accepting window's name ("未注明窗口" where none was given)
     * @param accepted               cases accepted in the month
     * @param completed              cases completed in the month
     * @param completedOnTime        of those, completed on or before their deadline (pauses and approved extensions included)
     * @param onTimeRate             completedOnTime / completed, null when nothing was completed
     * @param completedOverdue       of those, completed after their deadline through the window's fault (C7)
     * @param openOverdue            cases still open at {@code asOf} whose deadline had passed through the window's fault (C7)
     * @param overdueApplicantCaused cases completed late in the month or open and late at {@code asOf} because the
     *                               applicant held them up (C7: counted in neither figure above)
     * @param reviews                reviews of the services this window did in the month (V1)
     * @param goodReviews            of those, good (非常满意, 满意, 基本满意)
     * @param badReviews             of those, bad (V1)
     * @param unrated                services of the month whose review period ended without a review (V4)
     * @param goodRate               goodReviews / reviews, null without reviews (V7)
     * @param unratedRate            unrated / (reviews + unrated), null when neither (V7)
     * @param complaints             complaints filed in the month about this window (P1)
     * @param complaintsAccepted     complaints accepted in the month (P2)
     * @param complaintsVerified     complaints closed in the month as verified (P5)
     */
    public record Figures(String window, int accepted, int completed, int completedOnTime, Double onTimeRate,
                          int completedOverdue, int openOverdue, int overdueApplicantCaused, int reviews, int goodReviews,
                          int badReviews, int unrated, Double goodRate, Double unratedRate, int complaints,
                          int complaintsAccepted, int complaintsVerified) {}
}
