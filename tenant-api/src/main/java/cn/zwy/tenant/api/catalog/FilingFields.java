package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * The filing fields every item asks (case-api's SubmitCaseRequest: applicant, contact, delivery), by their
 * submission path: the package's one form asks them once (G3, tenant-service) and the pre-filled form fills them
 * (G4, case-service), so both name the same fields the same way.
 */
public final class FilingFields {

    private FilingFields() {}

    /** @param typed whether the applicant types it (a choice is picked) */
    public record Field(String key, String label, boolean typed) {}

    public static final List<Field> ALL = List.of(
            new Field("applicant.kind", "申请人类型", false),
            new Field("applicant.name", "申请人姓名", true),
            new Field("applicant.idNumber", "申请人身份证件号码", true),
            new Field("contact.name", "联系人姓名", true),
            new Field("contact.phone", "联系电话", true),
            new Field("deliveryMode", "结果送达方式", false));
}
