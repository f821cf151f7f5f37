package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A "one thing" package filing as its applicant or the tenant's staff see it (G3): its part cases, each
 * handled by its department on its own clock, the one combined timeline of all of them, and where the
 * package stands — DONE only when every part filed is done; a refused or denied part is named with its reason; an
 * item that did not apply in the applicant's situation was not filed and is listed in {@code skipped} with why (G2).
 * @param status IN_PROGRESS, DONE, or PARTLY_REFUSED (some part refused or denied; the others go on)
 * @param reviewMode V3: PACKAGE (one review for the package) or PER_ITEM
 */
public record PackageCaseView(String id, String packageId, String packageName, String reviewMode, String status, String statusLabel,
                              Instant submittedAt, List<Part> parts, List<Refusal> refused, List<Entry> timeline,
                              List<Skipped> skipped) {

    /** An item of the package not filed because it does not apply in the applicant's situation (G2), and why. */
    public record Skipped(String itemId, String itemName, String reason) {}

    public record Part(String caseId, String caseNumber, String itemName, CaseStatus status, String statusLabel, String result,
                       String resultReason, String holder, LocalDate deadline, Integer daysLeft) {}

    /** A part that will not be granted: which, and why. */
    public record Refusal(String caseId, String itemName, String status, String reason) {}

    /** A step of any part, in time order, named by its item. */
    public record Entry(String caseId, String itemName, Instant at, String action, String actionLabel, String actor, String window,
                        String note) {}
}
