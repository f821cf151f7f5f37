package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.catalog.ChangeKind;
import cn.zwy.tenant.catalog.ExerciseLevel;
import cn.zwy.tenant.catalog.ItemType;
import cn.zwy.tenant.catalog.TimeLimit;
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

    static StandardItemView of(StandardItem i, StandardItemVersion v, StandardItemContent c, String state) {
        return new StandardItemView(i.getId(), i.getProvinceCode(), i.getBasicCode(), i.getItemType(), i.getMainCode(),
                c.mainName(), i.getSubCode(), c.subName(), i.getGrandCode(), c.grandName(), c.displayName(),
                c.exerciseLevels(), c.legalBasis(), c.legalLimit(), c.acceptingSystem(), c.reviewPoints(),
                v.getKind() == ChangeKind.CANCEL,
                new Version(v.getId(), v.getNumber(), v.getKind(), v.getReason(), v.isUrgent(), v.getAnnouncedAt(),
                        v.getEffectiveFrom(), state));
    }
}
