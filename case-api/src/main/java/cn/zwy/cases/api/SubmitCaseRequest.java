package cn.zwy.cases.api;

import java.util.List;

/**
 * A citizen's filing (C1). {@code itemId} is the guide's item id ({@code <tenant>:<uuid>}, as the
 * catalog answers it): the case is filed under the version in effect that day and keeps it.
 * {@code receivingTenantCode}: the hall's tenant where it differs from the owner (同城通办/异地, C12),
 * allowed only where the guide's cross-region scope covers it. {@code idempotencyKey}: a retried
 * submission with the same key answers the same receipt and makes no second case. {@code guidanceAnswers}: the
 * answers of the item's situation-based guide (G2); the case keeps them and takes only the materials their outcome names.
 * {@code walletConsent}: the applicant's consent (G4) to attach the wallet documents the materials name.
 * {@code formValues}: the values of the item's own form fields (G3, ADR 0032), checked against its guide version.
 */
public record SubmitCaseRequest(String idempotencyKey, String itemId, String receivingTenantCode, Applicant applicant,
                                Contact contact, List<MaterialRef> materials, DeliveryMode deliveryMode,
                                List<GuidanceAnswer> guidanceAnswers, Boolean walletConsent, List<FormValue> formValues) {

    /** A value of one of the item's own form fields (in a package: of the package's one form, by its key there). */
    public record FormValue(String key, String value) {}

    /** G2: an answer given in the situation-based guidance ({@code guidance(itemId, answers)}), carried into the case. */
    public record GuidanceAnswer(String questionId, String value) {}

    /** {@code idNumber}: 居民身份证号码 for INDIVIDUAL, 统一社会信用代码 for ENTERPRISE. */
    public record Applicant(ApplicantKind kind, String name, String idNumber) {}

    public record Contact(String name, String phone) {}

    /**
     * A material handed in: the guide's material name and the upload id of the file (or null for paper at the window),
     * or (G4) a document of the applicant's wallet, attached with {@code walletConsent} instead of an upload.
     */
    public record MaterialRef(String name, String uploadId, Integer copies, String walletDocumentId) {}
}
