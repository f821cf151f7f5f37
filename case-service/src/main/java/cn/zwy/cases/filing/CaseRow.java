package cn.zwy.cases.filing;

import cn.zwy.cases.api.ApplicantKind;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.DeliveryMode;
import java.time.Instant;
import java.time.LocalDate;
import cn.zwy.cases.api.CaseView;
import java.util.UUID;

/** A row of case_file; the mutable part is changed by the service and written back under its version. */
final class CaseRow {
    UUID id;
    String tenantId;
    String caseNumber;
    String citizenId;
    String idempotencyKey;
    String requestHash;
    String receivingTenantId;
    /** C11: the level above this case was sent up to, once it was. */
    String escalatedTo;
    /** T5: the department the case was assigned to for approval. */
    java.util.UUID departmentId;
    String itemId;
    String guideVersionId;
    int guideVersion;
    String itemName;
    String caseClass;
    int limitValue;
    String limitUnit;
    boolean toleratedAllowed;
    ApplicantKind applicantKind;
    String applicantName;
    String applicantIdSealed;
    String applicantIdIndex;
    String applicantIdMasked;
    String contactName;
    String contactPhoneSealed;
    String contactPhoneMasked;
    DeliveryMode deliveryMode;
    String materials;
    /** G2: JSON {@link CaseView.Guidance} — the answers on the applicant's path and the outcome; null without guidance. */
    String guidance;
    /** G3: JSON list of {@link CaseView.FormValue} — the values of the item's own form fields; null without any. */
    String formValues;
    /** G3: the package filing this case is a part of; null for a case filed on its own. */
    UUID packageCaseId;
    CaseStatus status;
    String result;
    String resultReason;
    String holder;
    String firstResponsible;
    String firstResponsibleTel;
    Instant submittedAt;
    LocalDate acceptedOn;
    LocalDate clockStart;
    LocalDate deadline;
    String toleratedMissing;
    LocalDate toleratedDue;
    int noticeRound;
    Integer extensionDays;
    String extensionReason;
    String extensionState;
    String extensionBy;
    String extensionDecidedBy;
    Instant deliveredAt;
    Instant deliveryConfirmedAt;
    long version;
    Instant updatedAt;
    // C12: a case filed at another region's hall (receivingTenantId set)
    String relayState;
    LocalDate forwardDue;
    Instant forwardedAt;
    String forwardCarrier;
    String forwardTracking;
    Instant arrivedAt;
    LocalDate resultDue;
    Instant resultSentAt;
    String resultCarrier;
    String resultTracking;
    Instant handedOverAt;
    // C13: remote agency
    LocalDate agencyStartedOn;
    LocalDate agencyDue;
    String agencyState;
    String agencyEndReason;
    // T3: received at a village or town station of the tenant by an agent, who carries it
    String stationSite;
    String agentId;
    String agentName;

    /** C12: the application has not reached the owning tenant yet (at the receiving hall or in the post). */
    boolean notYetArrived() { return "AT_HALL".equals(relayState) || "IN_TRANSIT".equals(relayState); }

    /** The applicant's own case (a station case of an applicant without an account has no citizen). */
    boolean filedBy(cn.zwy.common.security.Caller caller) { return citizenId != null && citizenId.equals(caller.userId()); }

    /** T3: the caller is the station's: its agent who carries the case, or staff posted at that station. */
    boolean carriedBy(cn.zwy.common.security.Caller caller) {
        return stationSite != null && (caller.userId().equals(agentId) || caller.site().filter(stationSite::equals).isPresent());
    }

    CaseId publicId() { return new CaseId(tenantId, id); }

    int approvedExtension() { return "APPROVED".equals(extensionState) && extensionDays != null ? extensionDays : 0; }

    CaseClock.Unit unit() { return "NATURAL_DAY".equals(limitUnit) ? CaseClock.Unit.NATURAL_DAY : CaseClock.Unit.WORKING_DAY; }
}
