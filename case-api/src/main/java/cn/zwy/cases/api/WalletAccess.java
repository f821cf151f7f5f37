package cn.zwy.cases.api;

import java.time.Instant;

/**
 * G4: a recorded use of a wallet document, shown to its owner: KEPT (from {@code caseId}), REUSED (attached to
 * {@code caseId}, with the consent given), DOWNLOADED or DELETED.
 */
public record WalletAccess(String action, String caseId, Boolean consent, Instant at) {}
