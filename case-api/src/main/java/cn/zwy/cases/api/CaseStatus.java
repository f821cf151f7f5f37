package cn.zwy.cases.api;

/** Where a case stands (C1–C6). Terminal: REJECTED, DELIVERED, WITHDRAWN. */
public enum CaseStatus {
    /** Filed, receipt given (C1); the acceptance decision is pending (C2). */
    SUBMITTED("已提交"),
    /** A one-time notice (C2) lists what is missing; waiting for the applicant's correction. */
    CORRECTION_REQUIRED("待补正"),
    /** Accepted with a deadline (C2); being handled. */
    ACCEPTED("已受理"),
    /** Not accepted (不予受理, C2) with the reason and the competent body. */
    REJECTED("不予受理"),
    /** Decided (approved or denied, with reason); the result awaits delivery. */
    COMPLETED("已办结"),
    /** The result was handed over or sent; the applicant may confirm receipt. */
    DELIVERED("已送达"),
    /** Withdrawn by the applicant before a decision. */
    WITHDRAWN("已撤回");

    private final String label;

    CaseStatus(String label) { this.label = label; }

    public String label() { return label; }

    public boolean terminal() { return this == REJECTED || this == DELIVERED || this == WITHDRAWN; }
}
