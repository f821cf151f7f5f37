package cn.zwy.cases.api;

import java.util.List;

/** What the applicant sends with an action on their own case. */
public final class CitizenActions {

    private CitizenActions() {}

    /** Answers the open one-time notice (C2) with the corrected materials; the clock restarts from today (C4). */
    public record Correct(List<SubmitCaseRequest.MaterialRef> materials) {}

    public record Withdraw(String reason) {}
}
