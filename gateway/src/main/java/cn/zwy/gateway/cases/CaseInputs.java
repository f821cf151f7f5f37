package cn.zwy.gateway.cases;

import cn.zwy.cases.api.AgencyEndReason;
import cn.zwy.cases.api.CitizenActions;
import cn.zwy.cases.api.OneTimeNotice;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.cases.api.SubmitCaseRequest;
import java.time.LocalDate;
import java.util.List;

/**
 * The schema's case inputs: each names the case ({@code caseId}, which goes into the service's
 * path and carries its tenant) and otherwise is case-api's body record, field for field.
 */
final class CaseInputs {

    private CaseInputs() {}

    record AcceptCaseInput(String caseId, Long version, String window, List<String> toleratedMissing, LocalDate toleratedDue,
                           List<JointReviewApi.JointDepartment> jointDepartments) {
        StaffActions.Accept body() { return new StaffActions.Accept(version, window, toleratedMissing, toleratedDue, jointDepartments); }
    }

    record IssueOneTimeNoticeInput(String caseId, Long version, String window, List<OneTimeNotice.Item> items) {
        StaffActions.Notice body() { return new StaffActions.Notice(version, window, items); }
    }

    record CorrectCaseInput(String caseId, List<SubmitCaseRequest.MaterialRef> materials) {
        CitizenActions.Correct body() { return new CitizenActions.Correct(materials); }
    }

    record RejectCaseInput(String caseId, Long version, String window, String reason, String competentBody) {
        StaffActions.Reject body() { return new StaffActions.Reject(version, window, reason, competentBody); }
    }

    record AssignCaseInput(String caseId, Long version, String window, String departmentId) {
        StaffActions.Assign body() { return new StaffActions.Assign(version, window, departmentId); }
    }

    record CompleteCaseInput(String caseId, Long version, String window, Boolean approved, String reason) {
        StaffActions.Complete body() { return new StaffActions.Complete(version, window, approved, reason); }
    }

    record DeliverCaseInput(String caseId, Long version, String window, String note) {
        StaffActions.Deliver body() { return new StaffActions.Deliver(version, window, note); }
    }

    record ConfirmDeliveryInput(String caseId) {}

    record WithdrawCaseInput(String caseId, String reason) {
        CitizenActions.Withdraw body() { return new CitizenActions.Withdraw(reason); }
    }

    record RequestExtensionInput(String caseId, Long version, String window, Integer days, String reason) {
        StaffActions.RequestExtension body() { return new StaffActions.RequestExtension(version, window, days, reason); }
    }

    record RevealCasePersonalDataInput(String caseId, String field, String reason) {
        StaffActions.RevealPersonalData body() { return new StaffActions.RevealPersonalData(field, reason); }
    }

    record DecideExtensionInput(String caseId, Long version, Boolean approved, String note) {
        StaffActions.DecideExtension body() { return new StaffActions.DecideExtension(version, approved, note); }
    }

    record ForwardCaseInput(String caseId, Long version, String window, String carrier, String trackingNumber) {
        StaffActions.Forward body() { return new StaffActions.Forward(version, window, carrier, trackingNumber); }
    }

    record ReceiveForwardedCaseInput(String caseId, Long version, String window) {
        StaffActions.ReceiveForwarded body() { return new StaffActions.ReceiveForwarded(version, window); }
    }

    record ReturnCaseResultInput(String caseId, Long version, String window, String carrier, String trackingNumber) {
        StaffActions.ReturnResult body() { return new StaffActions.ReturnResult(version, window, carrier, trackingNumber); }
    }

    record HandOverCaseResultInput(String caseId, Long version, String window, String carrier, String trackingNumber) {
        StaffActions.HandOverResult body() { return new StaffActions.HandOverResult(version, window, carrier, trackingNumber); }
    }

    record StartRemoteAgencyInput(String caseId, Long version, String window) {
        StaffActions.StartAgency body() { return new StaffActions.StartAgency(version, window); }
    }

    record EndRemoteAgencyInput(String caseId, Long version, String window, AgencyEndReason reason, String note) {
        StaffActions.EndAgency body() { return new StaffActions.EndAgency(version, window, reason, note); }
    }
}
