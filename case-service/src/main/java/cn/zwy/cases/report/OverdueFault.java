package cn.zwy.cases.report;

/**
 * Whose doing a late case is (C7): the window's, unless the applicant held the case up. The clock already leaves out
 * what the applicant's own time takes — corrections restart it, transit and recorded applicant delays pause it (C4,
 * C12) — so a case past its deadline is the window's fault, except where the applicant missed the due date of the
 * materials accepted missing (容缺, C5): the case could not be finished without them, and the applicant was put on the
 * dishonesty list for it (TOLERATED_OVERDUE on the case's record). One definition for the monthly report (computed from
 * the records) and the comparison (fed by events).
 */
final class OverdueFault {

    private OverdueFault() {}

    /** A SQL condition: the case whose id is {@code caseIdColumn} is late through the applicant. */
    static String applicantCaused(String caseIdColumn) {
        return "exists (select 1 from case_action af where af.case_id = " + caseIdColumn + " and af.action = 'TOLERATED_OVERDUE')";
    }
}
