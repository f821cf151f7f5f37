package cn.zwy.cases.api;

import java.time.LocalDate;

/**
 * An entry of a tenant's dishonesty list (失信名单, C5): an applicant who missed a 容缺 due date. Shown
 * to the tenant's staff only, never to citizens; the applicant's id stays masked (M3).
 */
public record DishonestyEntry(String caseId, String caseNumber, String applicantName, String applicantIdMasked,
                              String reason, LocalDate listedOn, LocalDate expiresOn, String appeal) {}
