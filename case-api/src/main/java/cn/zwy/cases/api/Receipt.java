package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The receipt (收件回执, C1): case number, materials received, promised completion date (as if
 * accepted on the day of filing; the acceptance notice fixes it, C2), the first-responsible staff
 * and phone (首问负责, T8). {@code replayed}: this answers a retried submission (same idempotency key).
 */
public record Receipt(String caseId, String caseNumber, String tenantCode, String itemName, int guideVersion,
                      Instant submittedAt, List<ReceivedMaterial> materials, LocalDate promisedCompletionDate,
                      Responsible firstResponsible, List<String> warnings, boolean replayed) {

    /** {@code reusedFromCase}: G4, the case number whose document the applicant's wallet attached (null: handed in). */
    public record ReceivedMaterial(String name, int copies, boolean uploaded, String reusedFromCase) {}

    /** T8: who answers for the case until it ends (a named post of the hall and its phone). */
    public record Responsible(String name, String phone) {}
}
