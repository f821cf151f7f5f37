package cn.zwy.cases.filing;

import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.Questionnaire;
import java.time.LocalDate;
import java.util.List;

/**
 * An announced guide version as the local read model keeps it: what a case is filed under and keeps.
 * {@code questionnaire}: its situation-based guide (G2), null when it has none. {@code formFields}: the item's own
 * form fields (G3, ADR 0032), empty when it has none.
 */
record GuideVersion(String versionId, String itemId, String tenantCode, String tenantName, int number, String status,
                    LocalDate effectiveFrom, String name, String caseClass, Integer promisedValue, String promisedUnit,
                    boolean toleratedMissing, String crossRegion, String consultPhone, String windowName,
                    List<Material> materials, Questionnaire questionnaire, String resultName,
                    List<FormField> formFields) {

    record Material(String name, boolean required, boolean toleratedMissing) {}

    boolean offered() { return "PUBLISHED".equals(status); }

    boolean hasMaterial(String name) {
        return materials.stream().anyMatch(m -> m.name().equals(name));
    }

    boolean toleratesMissing(String name) {
        return materials.stream().anyMatch(m -> m.name().equals(name) && m.toleratedMissing());
    }
}
