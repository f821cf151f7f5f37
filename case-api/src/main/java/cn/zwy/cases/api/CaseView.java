package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One case as its applicant or a staff member of its tenant sees it: the timeline of every step
 * (C16; staff by name and window only), who holds it now, the deadline and the clock (C4), what the
 * applicant must do next, the open one-time notice (C2) and, for concurrent staff actions, its
 * {@code version} (optimistic locking: an action naming an older version is a CONFLICT).
 * Personal data: the applicant's id number and phone are masked (M3).
 */
public record CaseView(String id, String caseNumber, String tenantCode, String receivingTenantCode, String itemId,
                       String itemName, int guideVersion, String caseClass, CaseStatus status, String statusLabel,
                       String result, String resultReason, ApplicantKind applicantKind, String applicantName,
                       String applicantIdMasked, String contactName, String contactPhoneMasked, DeliveryMode deliveryMode,
                       List<Receipt.ReceivedMaterial> materials, String holder, Instant submittedAt, LocalDate acceptedOn,
                       Clock clock, Extension extension, OneTimeNotice notice, String nextStep, long version,
                       List<TimelineEntry> timeline, Relay relay, Agency agency, List<String> flags,
                       Station station, Guidance guidance, List<FormValue> formValues) {

    /** A value of the item's own form fields as filed (G3, ADR 0032), with the field's label, for staff and the applicant. */
    public record FormValue(String key, String label, String value) {}

    /**
     * G2: the situation-based guidance the applicant answered before filing, as staff and the applicant see it:
     * each question on the path with its answer, and the outcome (sub-item, channel, the materials it asked for).
     */
    public record Guidance(List<Answer> answers, String outcomeId, String outcome, String subItem, String channel,
                           List<String> materials) {}

    public record Answer(String questionId, String question, String value, String label) {}

    /**
     * The clock (C4), derived on every read from the facts (start day, limit, pauses, extension)
     * and the tenant's working-day calendar; never stored and decremented. Once the case is completed
     * it reads as it stopped on the day of completion (OVERDUE then means completed late, C7).
     * @param deadline the last day of the limit (due at its end); null before acceptance
     * @param warning NONE, NEAR_DEADLINE (the configured share of the limit used, default 80 %) or OVERDUE (C7, C8)
     */
    public record Clock(LocalDate startedOn, Integer limitDays, String unit, LocalDate deadline, Integer daysUsed,
                        Integer daysPaused, Integer daysLeft, String warning, List<String> warnings) {}

    /** An extension (C6): asked before the deadline with a reason; the centre administrator decides. */
    public record Extension(int days, String reason, String state, String requestedBy, String decidedBy) {}

    /**
     * A case filed at another region's hall (C12): where its application is (AT_HALL, IN_TRANSIT,
     * ARRIVED), the forwarding (due 1 working day after receipt; carrier and tracking number when paper
     * was posted) and the result's way back (due 1 working day after completion).
     */
    public record Relay(String state, LocalDate forwardDue, Instant forwardedAt, String forwardCarrier,
                        String forwardTrackingNumber, Instant arrivedAt, LocalDate resultDue, Instant resultSentAt,
                        String resultCarrier, String resultTrackingNumber, Instant handedOverAt) {}

    /**
     * Three-level agency (T3): the station (site code) where the case was received, the agent who carries
     * it and their phone (首问负责, T8), and whether the applicant has an account (otherwise the agent
     * relays what the applicant is told).
     */
    public record Station(String siteCode, String agentName, String agentPhone, boolean applicantHasAccount) {}

    /** Remote agency (C13): started, due by the 7th working day, OPEN, ENDED_EARLY (with the reason) or DONE. */
    public record Agency(LocalDate startedOn, LocalDate due, String state, AgencyEndReason endReason) {}
}
