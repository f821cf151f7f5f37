package cn.zwy.cases.api;

import java.time.LocalDate;

/**
 * A document the citizen's wallet holds (G4): a material accepted on one of their cases (MATERIAL) or the result of
 * an approved case (RESULT), with its issuer, the case it came from and its validity. {@code expired}: past
 * {@code validUntil}, never attached again; {@code retainedUntil}: a legal retention period — it cannot be deleted
 * before that day ({@code deletable} false).
 */
public record WalletDocument(String id, String kind, String name, String issuer, String tenantCode, String sourceCaseId,
                             String sourceCaseNumber, boolean hasFile, LocalDate issuedOn, LocalDate validUntil, boolean expired,
                             LocalDate retainedUntil, boolean deletable) {}
