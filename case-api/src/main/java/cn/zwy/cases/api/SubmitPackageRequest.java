package cn.zwy.cases.api;

import java.util.List;

/**
 * A citizen's filing of a "one thing" package (G3): one form and one set of materials for every item of
 * the package ({@code packageId}: {@code <tenant>:<uuid>}, as the catalog answers it). The applicant,
 * contact and delivery are given once; each material once, by its name in the package's materials list
 * (every part takes the ones its guide lists); the guidance answers per item ({@code itemId}). One
 * {@code idempotencyKey} for the whole filing: a retry answers the same receipt and makes no second set of cases.
 * {@code packageAnswers}: instead of answers per item, the answers of the package's one guidance walk (keys as the
 * walk asked them: a question id, or {@code id@n}); each part takes the ones on its path. A part that does not apply
 * after them (G2) is not filed. {@code formValues}: the package's one form's own fields, by the keys the package's form
 * names (a field several items declare alike is given once); each part takes its own.
 */
public record SubmitPackageRequest(String idempotencyKey, String packageId, SubmitCaseRequest.Applicant applicant,
                                   SubmitCaseRequest.Contact contact, List<SubmitCaseRequest.MaterialRef> materials,
                                   DeliveryMode deliveryMode, List<PartAnswer> guidanceAnswers,
                                   List<SubmitCaseRequest.GuidanceAnswer> packageAnswers,
                                   List<SubmitCaseRequest.FormValue> formValues) {

    /** G2 within a package: an answer of one item's situation-based guidance. */
    public record PartAnswer(String itemId, String questionId, String value) {}
}
