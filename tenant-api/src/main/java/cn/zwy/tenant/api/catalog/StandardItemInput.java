package cn.zwy.tenant.api.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * An announced change of the standard catalog. For ADD the type and codes say which item; for
 * CHANGE and DELEGATE the content fields replace the item's; CANCEL needs only the announcement.
 * Every change carries a reason and an effective date (S6).
 */
public record StandardItemInput(ChangeKind kind, ItemType itemType, String mainCode, String subCode, String grandCode,
                                String mainName, String subName, String grandName, List<ExerciseLevel> exerciseLevels,
                                String legalBasis, TimeLimit legalLimit, String acceptingSystem, String reviewPoints,
                                String reason, LocalDate effectiveFrom, Boolean urgent) {

}
