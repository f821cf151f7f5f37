package cn.zwy.cases.filing;

import cn.zwy.cases.api.PrefilledForm;
import cn.zwy.cases.api.PrefilledForm.Source;
import cn.zwy.cases.privacy.PersonalDataCipher;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.cases.api.CaseView;
import cn.zwy.tenant.api.catalog.FilingFields;
import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.FormFields;
import java.util.HashMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * G4: forms pre-filled from what is known, so the citizen confirms instead of typing. The filing fields (the same
 * for every item and for a package's one form) are filled from the citizen's latest earlier filing, in any tenant
 * (the values they last typed: applicant, ID number, contact, phone, delivery), and where there is none, the name
 * from their verified account; the item's own fields (ADR 0032; a package's merged, each once) from the values the
 * citizen gave the same field in that filing. The citizen's own values go back to the citizen's own token only;
 * nothing is stored.
 */
@Service
class FormPrefill {

    private final GuideVersions guides;
    private final PackageReadModel packages;
    private final CaseStore store;
    private final PersonalDataCipher cipher;
    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    FormPrefill(GuideVersions guides, PackageReadModel packages, CaseStore store, PersonalDataCipher cipher, TenantTransactions tx,
                JdbcTemplate jdbc, JsonMapper json) {
        this.json = json;
        this.guides = guides;
        this.packages = packages;
        this.store = store;
        this.cipher = cipher;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    PrefilledForm of(Caller caller, String id) {
        CaseService.requireCitizen(caller);
        String tenant;
        try {
            tenant = CaseService.tenantOfItem(id);
        } catch (ApiException e) {
            throw ApiException.notFound("id", "未找到该事项或“一件事”套餐: " + id);
        }
        // a package's one form or an item's: the same filing fields, then the item's (or the package's merged) own fields
        Optional<PackageReadModel.Package> pkgFound = tx.read(tenant, () -> packages.newest(id));
        Optional<String> pkg = pkgFound.map(PackageReadModel.Package::name);
        Optional<GuideVersion> item = pkg.isPresent() ? Optional.empty()
                : tx.read(tenant, () -> guides.inEffect(id, Today.date()).filter(GuideVersion::offered));
        String name = pkg.or(() -> item.map(GuideVersion::name))
                .orElseThrow(() -> ApiException.notFound("id", "未找到该事项或“一件事”套餐: " + id));
        List<FormFields.Merged> own = item.map(g -> FormFields.merge(List.of(g.formFields())))
                .orElseGet(() -> tx.read(tenant, () -> FormFields.merge(pkgFound.get().items().stream()
                        .map(i -> guides.inEffect(i.itemId(), Today.date()).map(GuideVersion::formFields).orElse(null)).toList())));
        Optional<CaseRow> last = latestFiling(caller);
        String profileName = caller.displayName() != null && !caller.displayName().equals(caller.username()) ? caller.displayName() : null;
        List<PrefilledForm.Field> fields = new ArrayList<>();
        int typed = 0;
        int stillTyped = 0;
        for (FilingFields.Field f : FilingFields.ALL) {
            String value = last.map(c -> earlier(c, f.key())).orElse(null);
            Source source = value == null ? null : Source.EARLIER_SUBMISSION;
            if (value == null && profileName != null && (f.key().equals("applicant.name") || f.key().equals("contact.name"))) {
                value = profileName;
                source = Source.PROFILE;
            }
            if (f.typed()) typed++;
            if (f.typed() && value == null) stillTyped++;
            fields.add(new PrefilledForm.Field(f.key(), f.label(), f.typed(), value, source,
                    source == Source.EARLIER_SUBMISSION ? last.get().caseNumber : null));
        }
        // ADR 0032: the item's own fields, from the values the citizen gave the same field (by its key) in that filing
        // (a package's: in any of its parts, each of which kept the values of its own fields)
        Map<String, String> given = new HashMap<>();
        Map<String, String> from = new HashMap<>();
        if (last.isPresent()) {
            CaseRow c = last.get();
            List<CaseRow> filing = c.packageCaseId == null ? List.of(c)
                    : tx.read(c.tenantId, () -> store.findByPackage(c.tenantId, c.packageCaseId));
            for (CaseRow part : filing) {
                if (part.formValues == null) continue;
                json.readValue(part.formValues, new TypeReference<List<CaseView.FormValue>>() {})
                        .forEach(v -> {
                            if (given.putIfAbsent(v.key(), v.value()) == null) from.put(v.key(), part.caseNumber);
                        });
            }
        }
        for (FormFields.Merged m : own) {
            FormField f = m.asked();
            String value = given.get(m.field().key());
            if (f.typed()) typed++;
            if (f.typed() && value == null) stillTyped++;
            fields.add(new PrefilledForm.Field(m.key(), f.label(), f.typed(), value, value == null ? null : Source.EARLIER_SUBMISSION,
                    value == null ? null : from.get(m.field().key())));
        }
        return new PrefilledForm(id, name, pkg.isPresent(), fields, new PrefilledForm.Measure(typed, stillTyped));
    }

    /** The citizen's latest filing, in whichever tenant (citizen_case is platform data, read for the caller's own id). */
    private Optional<CaseRow> latestFiling(Caller caller) {
        List<Map<String, Object>> rows = tx.platform(() -> jdbc.queryForList("""
                select case_id, tenant_id from citizen_case where citizen_id = ?
                 order by submitted_at desc, case_id desc limit 1""", caller.userId()));
        if (rows.isEmpty()) return Optional.empty();
        String tenant = (String) rows.getFirst().get("tenant_id");
        UUID caseId = (UUID) rows.getFirst().get("case_id");
        return tx.read(tenant, () -> store.find(tenant, caseId));
    }

    /** What the citizen typed for the field in that filing (the numbers opened from their sealed form). */
    private String earlier(CaseRow c, String key) {
        return switch (key) {
            case "applicant.kind" -> c.applicantKind == null ? null : c.applicantKind.name();
            case "applicant.name" -> c.applicantName;
            case "applicant.idNumber" -> c.applicantIdSealed == null ? null : cipher.open(c.applicantIdSealed);
            case "contact.name" -> c.contactName;
            case "contact.phone" -> c.contactPhoneSealed == null ? null : cipher.open(c.contactPhoneSealed);
            case "deliveryMode" -> c.deliveryMode == null ? null : c.deliveryMode.name();
            default -> null;
        };
    }
}
