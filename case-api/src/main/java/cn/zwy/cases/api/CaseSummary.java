package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of "my cases" and of the staff inbox; {@code warning} as in {@link CaseView.Clock};
 * {@code flags} as in {@link CaseView} (e.g. FORWARDING_LATE, C12);
 * {@code stationSiteCode}: the station where it was received (T3), if any.
 */
public record CaseSummary(String id, String caseNumber, String tenantCode, String itemName, CaseStatus status,
                          String statusLabel, String applicantName, Instant submittedAt, LocalDate deadline,
                          Integer daysLeft, String warning, long version,
                          String receivingTenantCode, List<String> flags, String stationSiteCode) {}
