package cn.zwy.tenant.api.catalog;

import java.util.List;

/** What the package API answers (G3). Ids are scoped: {@code <tenant code>:<uuid>}. */
public final class PackageViews {

    private PackageViews() {}

    /**
     * A "one thing" package with its items' versions in effect today and the merged form: the filing
     * fields asked once, the materials deduplicated by name, and the measure against filing one by one.
     */
    public record Package(String id, String tenantCode, String tenantName, int version, String name, LifeEvent lifeEvent,
                          String lifeEventLabel, String description, ReviewMode reviewMode, List<Part> items, Form form) {}

    /** An item of the package as offered today. */
    public record Part(String itemId, String versionId, String name, String department, TimeLimit promisedLimit,
                       CaseClass caseClass, boolean hasQuestionnaire) {}

    /** One form for the package. */
    public record Form(List<Field> fields, List<SharedMaterial> materials, Measure measure) {}

    /**
     * A field of the filing, asked once for every item it serves ({@code askedFor}): a filing field every item asks
     * (applicant, contact, delivery; {@code type} null) or an item's own field (G3, ADR 0032), shared by the items that
     * declare it alike; {@code key} is what the submission's formValues name.
     * @param typed whether the applicant types it (a choice is picked)
     */
    public record Field(String key, String label, boolean typed, List<String> askedFor, FormField.Type type, boolean required,
                        List<String> options, String help) {}

    /** A material handed in once for every item that lists it ({@code usedBy}, item names). */
    public record SharedMaterial(String name, boolean required, MaterialForm form, String acceptanceStandard, List<String> usedBy) {}

    /** G3's measure: what the applicant types and uploads, item by item against the package. */
    public record Measure(int fieldsOneByOne, int fieldsInPackage, int uploadsOneByOne, int uploadsInPackage) {}

    /** catalog.package.published: the whole package as defined, for case-service and search-service. */
    public record Event(String packageId, String tenantCode, String tenantName, List<String> regionPath, int version,
                        String name, LifeEvent lifeEvent, String lifeEventLabel, String description, ReviewMode reviewMode,
                        List<Part> items, List<SharedMaterial> materials) {}

    /**
     * catalog.package.withdrawn (ADR 0035): the tenant no longer offers the package from today (one of its items is no
     * longer offered there); a later catalog.package.published of the same or a newer version offers it again.
     */
    public record Withdrawn(String packageId, String tenantCode, int version, String name, String reason) {}

    /**
     * One guidance walk for the whole package (G2 + G3, {@link PackageGuidance}): the questions answered (each shared
     * question once, with the items it served), the next question, each part's outcome, and once complete the
     * tailored materials: merged by name over what each part's outcome (or, without questionnaire, its guide) needs.
     */
    public record GuidanceView(String packageId, String name, List<PackageGuidance.Step> answered, PackageGuidance.Next next,
                               boolean complete, List<PartGuidance> parts, List<SharedMaterial> materials, List<Field> fields,
                               List<Skipped> skipped) {}

    /**
     * A part in the package walk: its outcome once its questions are answered (null without questionnaire).
     * {@code applies}: false when the outcome says the item does not apply in this situation — it is not filed (G2).
     * {@code route}: where to go for it (G1), once its walk is complete and it applies; null otherwise.
     */
    public record PartGuidance(String itemId, String name, boolean hasQuestionnaire, boolean complete,
                               GuideViews.GuidanceOutcome outcome, boolean applies, GuideViews.Route route) {}

    /**
     * A package a province or a city defined for its counties (ADR 0032): its standard items and where it is offered
     * today — each county (tenant) under the region that publishes a guide of every part, as that county's package.
     */
    public record RegionPackage(String id, String regionCode, int version, String name, LifeEvent lifeEvent, String description,
                                ReviewMode reviewMode, List<StandardPart> standardItems, List<Package> offeredIn) {}

    /** A part of a region's package: an item of the province's standard catalog. */
    public record StandardPart(String standardItemId, String name) {}

    /** A part that does not apply in the applicant's situation (G2): not filed; {@code reason} says why. */
    public record Skipped(String itemId, String itemName, String reason) {}
}
