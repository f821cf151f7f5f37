package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.api.catalog.TimeLimit;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one announced version of a standard item says about the legal time limit (S5): the limit
 * ({@code null}: no law sets one) in force from its effective date until the next version's.
 */
public record LegalLimit(UUID versionId, int number, LocalDate effectiveFrom, TimeLimit limit, boolean cancelled) {}
