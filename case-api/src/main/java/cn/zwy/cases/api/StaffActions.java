package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a staff member sends with an action on a case. Every action names the {@code version} of
 * the case it was decided on (a stale version is a CONFLICT: another staff member acted first) and
 * the window it is taken at (C16).
 */
public final class StaffActions {

    private StaffActions() {}

    /**
     * Acceptance (C2; C3 completes an instant item at once). {@code toleratedMissing}: materials
     * accepted as missing under 容缺 (C5, only where the guide allows it), due by {@code toleratedDue};
     * {@code jointDepartments}: the departments of a joint case (C10), named in the one acceptance notice
     * and reviewing in parallel (required for a 联办件 item).
     */
    public record Accept(Long version, String window, List<String> toleratedMissing, LocalDate toleratedDue,
                         List<JointReviewApi.JointDepartment> jointDepartments) {}

    /** The one-time notice (C2): every item at once. */
    public record Notice(Long version, String window, List<OneTimeNotice.Item> items) {}

    /** 不予受理 (C2): why, and which body the applicant should go to. */
    public record Reject(Long version, String window, String reason, String competentBody) {}

    /** The decision: approved, or denied with the reason. */
    public record Complete(Long version, String window, Boolean approved, String reason) {}

    /** Handling (T5): the department (one of the tenant's) whose chief representative approves the case. */
    public record Assign(Long version, String window, String departmentId) {}

    /** The result handed over or sent ({@code note}: e.g. an express tracking number). */
    public record Deliver(Long version, String window, String note) {}

    /** C6: asked before the deadline, with a reason. */
    public record RequestExtension(Long version, String window, Integer days, String reason) {}

    /** C6: the centre administrator's decision. */
    public record DecideExtension(Long version, Boolean approved, String note) {}

    /**
     * M3: the audited "show" of a masked number. {@code field}: APPLICANT_ID_NUMBER or APPLICANT_PHONE;
     * {@code reason}: why (1–200 characters), recorded with the reader.
     */
    public record RevealPersonalData(String field, String reason) {}

    /** The number in full, shown once; the read is in the tenant's record of full reads. */
    public record PersonalDataShown(String field, String value) {}

    /** One recorded full read (M3): which field, who (realm, account and name), why and when. */
    public record PersonalDataRead(String field, String readerRealm, String readerId, String readerName, String reason,
                                   Instant readAt) {}

    /**
     * C12, the receiving hall: the form check passed and the case goes to the owning tenant. Without a
     * carrier it is forwarded online (arrives at once); with one, paper materials were posted and
     * {@code trackingNumber} is required (the transit until arrival does not count on the clock).
     */
    public record Forward(Long version, String window, String carrier, String trackingNumber) {}

    /** C12, the owning tenant: the posted materials arrived (the transit pause ends today). */
    public record ReceiveForwarded(Long version, String window) {}

    /**
     * C12, the owning tenant after completion, within 1 working day: the result goes back by the
     * delivery mode chosen (by post with carrier and tracking number, or online to the receiving hall).
     */
    public record ReturnResult(Long version, String window, String carrier, String trackingNumber) {}

    /** C12, the receiving hall: the result handed over at its window, or posted (carrier and tracking number). */
    public record HandOverResult(Long version, String window, String carrier, String trackingNumber) {}

    /** C13: the hall's agent takes the case into remote agency (at most 7 working days in the hall). */
    public record StartAgency(Long version, String window) {}

    /** C13: the agency ends early for one of the rulebook's reasons. */
    public record EndAgency(Long version, String window, AgencyEndReason reason, String note) {}
}
