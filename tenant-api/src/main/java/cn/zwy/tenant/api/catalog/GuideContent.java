package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * What a tenant says about an adopted item: the localised guide (S1–S4). Everything may be
 * absent while drafting; {@link GuideRules#missing} lists what S3 requires before publishing.
 * {@code fees}: null is "not yet stated", an empty list is "free of charge" (不收费).
 * {@code questionnaire}: the optional situation-based guide (G2), null when the item has none.
 * {@code formFields}: the item's own form fields beside the filing's (G3, ADR 0032), null or empty when it has none.
 * {@code queueCategory}: the hall queue's business category that serves the item (G1, A5: the code windows serve, e.g.
 * A or GA), null when not stated; guidance sends the applicant to the windows serving it.
 */
public record GuideContent(String implementingAgency, List<Audience> audience, String acceptanceConditions,
                           List<Material> materials, String fillingNotes, String acceptanceStandard, List<Step> steps,
                           TimeLimit promisedLimit, CaseClass caseClass, List<Fee> fees, FileRef resultSample,
                           Boolean expressDelivery, String quantityLimit, String consultPhone, String supervisionPhone,
                           List<WindowInfo> windows, List<Faq> faq, List<SixWay> tags, Boolean booking,
                           Boolean onlineFiling, Boolean toleratedMissing, CrossRegionScope crossRegion,
                           Questionnaire questionnaire, List<FormField> formFields, String queueCategory) {

    /** A guide without form fields of its own. */
    public GuideContent(String implementingAgency, List<Audience> audience, String acceptanceConditions,
                        List<Material> materials, String fillingNotes, String acceptanceStandard, List<Step> steps,
                        TimeLimit promisedLimit, CaseClass caseClass, List<Fee> fees, FileRef resultSample,
                        Boolean expressDelivery, String quantityLimit, String consultPhone, String supervisionPhone,
                        List<WindowInfo> windows, List<Faq> faq, List<SixWay> tags, Boolean booking,
                        Boolean onlineFiling, Boolean toleratedMissing, CrossRegionScope crossRegion,
                        Questionnaire questionnaire) {
        this(implementingAgency, audience, acceptanceConditions, materials, fillingNotes, acceptanceStandard, steps,
                promisedLimit, caseClass, fees, resultSample, expressDelivery, quantityLimit, consultPhone, supervisionPhone,
                windows, faq, tags, booking, onlineFiling, toleratedMissing, crossRegion, questionnaire, null, null);
    }

    /** A document the applicant hands in (申请材料). */
    public record Material(String name, MaterialForm form, Integer copies, MaterialMedium medium, Boolean required,
                           Boolean toleratedMissing, FileRef blankForm, FileRef sample, String acceptanceStandard,
                           String notes) {}

    /** A file kept elsewhere: a title and an https:// link or a platform file reference (file:…). */
    public record FileRef(String title, String ref) {}

    /** One step of the process (办理流程). */
    public record Step(String name, String description) {}

    /** @param amount yuan as a decimal string when the fee is a fixed sum; null when the standard is a rule (e.g. 按面积计收) */
    public record Fee(String name, String standard, String amount, String basis) {}

    /** Where and when the item is handled (窗口办理信息). */
    public record WindowInfo(String name, String location, String hours) {}

    public record Faq(String question, String answer) {}

    public static GuideContent empty() {
        return new GuideContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), null, null, null, null, null);
    }
}
