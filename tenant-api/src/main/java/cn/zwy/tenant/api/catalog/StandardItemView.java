package cn.zwy.tenant.api.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A standard item as of one version: identity, content, and the announcement that made it. */
public record StandardItemView(UUID id, String provinceCode, String basicCode, ItemType itemType, String mainCode,
                               String mainName, String subCode, String subName, String grandCode, String grandName,
                               String name, List<ExerciseLevel> exerciseLevels, String legalBasis, TimeLimit legalLimit,
                               String acceptingSystem, String reviewPoints, boolean cancelled, Version version) {

    /** @param state SCHEDULED (announced, not yet in effect), CURRENT or SUPERSEDED */
    public record Version(UUID id, int number, ChangeKind kind, String reason, boolean urgent, Instant announcedAt,
                          LocalDate effectiveFrom, String state) {}
}
