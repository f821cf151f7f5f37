package cn.zwy.gateway.catalog;

import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ExerciseLevel;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.StandardItemInput;
import cn.zwy.tenant.api.catalog.TimeLimit;
import java.time.LocalDate;
import java.util.List;

/** The schema's catalog inputs; the ids and codes they carry go into the service's path, the rest is tenant-api's body. */
final class CatalogInputs {

    private CatalogInputs() {}

    record ItemFilter(String text, ItemType itemType, CaseClass caseClass, SixWay tag, Boolean toleratedMissing,
                      CrossRegionScope crossRegion, Boolean includeUnpublished) {
        static final ItemFilter NONE = new ItemFilter(null, null, null, null, null, null, null);
    }


    record AdoptStandardItemInput(String tenantCode, String standardItemId) {}

    record SaveGuideDraftInput(String itemId, GuideContent guide) {}

    /** PublishGuideInput and WithdrawGuideInput. */
    record AnnounceGuideInput(String itemId, String reason, LocalDate effectiveFrom) {}

    record AddStandardItemInput(String provinceCode, ItemType itemType, String mainCode, String subCode, String grandCode,
                                String mainName, String subName, String grandName, List<ExerciseLevel> exerciseLevels,
                                String legalBasis, TimeLimit legalLimit, String acceptingSystem, String reviewPoints,
                                String reason, LocalDate effectiveFrom, Boolean urgent) {
        StandardItemInput body() {
            return new StandardItemInput(null, itemType, mainCode, subCode, grandCode, mainName, subName, grandName,
                    exerciseLevels, legalBasis, legalLimit, acceptingSystem, reviewPoints, reason, effectiveFrom, urgent);
        }
    }

    record ChangeStandardItemInput(String id, ChangeKind kind, String mainName, String subName, String grandName,
                                   List<ExerciseLevel> exerciseLevels, String legalBasis, TimeLimit legalLimit,
                                   String acceptingSystem, String reviewPoints, String reason, LocalDate effectiveFrom,
                                   Boolean urgent) {
        StandardItemInput body() {
            return new StandardItemInput(kind, null, null, null, null, mainName, subName, grandName, exerciseLevels,
                    legalBasis, legalLimit, acceptingSystem, reviewPoints, reason, effectiveFrom, urgent);
        }
    }
}
