package cn.zwy.tenant.catalog.onething;

import cn.zwy.tenant.api.catalog.FilingFields;
import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.FormFields;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.PackageViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * G3's one form (一表申请) and one set of materials (一套材料), derived from the items' guides in effect:
 * the filing fields every item asks (applicant, contact, delivery) asked once for all of them, the items' own
 * fields asked once where several declare them alike (ADR 0032), and the materials merged by name — a 居民身份证 listed by five items is handed in once. Pure; the measure
 * counts what the applicant types and uploads, item by item against the package.
 */
final class PackageForm {

    private PackageForm() {}

    static PackageViews.Form of(List<GuideViews.Version> parts) {
        List<String> names = parts.stream().map(v -> v.standard().name()).toList();
        List<PackageViews.Field> fields = fields(names, parts.stream().map(v -> v.guide().formFields()).toList());
        Map<String, List<GuideContent.Material>> byItem = new LinkedHashMap<>();
        int uploadsOneByOne = 0;
        int typedOneByOne = 0;
        int filingTyped = (int) FilingFields.ALL.stream().filter(FilingFields.Field::typed).count();
        for (GuideViews.Version v : parts) {
            List<GuideContent.Material> materials = v.guide().materials() == null ? List.of() : v.guide().materials();
            uploadsOneByOne += materials.size();
            byItem.put(v.standard().name(), materials);
            typedOneByOne += filingTyped + (v.guide().formFields() == null ? 0
                    : (int) v.guide().formFields().stream().filter(FormField::typed).count());
        }
        List<PackageViews.SharedMaterial> merged = merge(byItem);
        int typed = (int) fields.stream().filter(PackageViews.Field::typed).count();
        PackageViews.Measure measure = new PackageViews.Measure(typedOneByOne, typed, uploadsOneByOne, merged.size());
        return new PackageViews.Form(fields, merged, measure);
    }

    /**
     * The one form's fields for the parts filed ({@code names}, each part's own fields, null for none): the
     * filing fields once for all of them, then the parts' own fields merged ({@link FormFields#merge}: a field declared
     * alike by several parts asked once).
     */
    static List<PackageViews.Field> fields(List<String> names, List<List<FormField>> perPart) {
        List<PackageViews.Field> out = new ArrayList<>();
        for (FilingFields.Field f : FilingFields.ALL) {
            out.add(new PackageViews.Field(f.key(), f.label(), f.typed(), names, null, !f.key().equals("deliveryMode"), null, null));
        }
        for (FormFields.Merged m : FormFields.merge(perPart)) {
            FormField f = m.field();
            out.add(new PackageViews.Field(m.key(), f.label(), f.typed(), m.parts().stream().map(names::get).toList(), f.type(),
                    m.required(), f.options(), f.help()));
        }
        return List.copyOf(out);
    }

    /**
     * The one set of materials: each item's materials (by item name, in the package's order) merged by name, with
     * the items each serves; required for the package when any item requires it.
     */
    static List<PackageViews.SharedMaterial> merge(Map<String, List<GuideContent.Material>> byItem) {
        Map<String, PackageViews.SharedMaterial> merged = new LinkedHashMap<>();
        byItem.forEach((item, materials) -> {
            for (GuideContent.Material m : materials) {
                PackageViews.SharedMaterial before = merged.get(m.name());
                List<String> usedBy = new ArrayList<>(before == null ? List.of() : before.usedBy());
                usedBy.add(item);
                boolean required = Boolean.TRUE.equals(m.required()) || (before != null && before.required());
                merged.put(m.name(), new PackageViews.SharedMaterial(m.name(), required,
                        before == null ? m.form() : before.form(),
                        before == null ? m.acceptanceStandard() : before.acceptanceStandard(), List.copyOf(usedBy)));
            }
        });
        return List.copyOf(merged.values());
    }
}
