package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;

/** A row of "my cases" and of the staff inbox; {@code warning} as in {@link CaseView.Clock}. */
public record CaseSummary(String id, String caseNumber, String tenantCode, String itemName, CaseStatus status,
                          String statusLabel, String applicantName, Instant submittedAt, LocalDate deadline,
                          Integer daysLeft, String warning, long version) {}
