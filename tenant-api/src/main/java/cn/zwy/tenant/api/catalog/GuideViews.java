package cn.zwy.tenant.api.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the guide API returns. Ids are scoped: {@code <tenant code>:<uuid>}. */
public final class GuideViews {

    private GuideViews() {}

    /**
     * A version with its whole guide.
     * @param state DRAFT, SCHEDULED (announced, not yet in effect), CURRENT (in effect today) or SUPERSEDED
     */
    public record Version(String id, String itemId, Integer number, GuideStatus status, String state,
                          ChangeKind changeKind, String reason, Instant announcedAt, LocalDate effectiveFrom,
                          Instant updatedAt, StandardItemView standard, GuideContent guide) {}

    /**
     * An adopted item: the version in effect today ({@code current}, null before the first takes
     * effect), the next one to take effect ({@code upcoming}) and, for the tenant's staff only, the
     * draft and the S5 conflicts with the standard catalog's legal limits ({@code conflicts}).
     */
    public record Item(String id, String tenantCode, String tenantName, String basicCode, UUID standardItemId,
                       String name, Version current, Version upcoming, Version draft, List<Conflict> conflicts) {}

    /**
     * A version of a guide (CURRENT, SCHEDULED or the DRAFT) whose promised limit breaks S5 from
     * {@code from} on, under the legal limit of standard version {@code standardVersion} (in
     * force from {@code legalFrom}). Derived on every read, so it disappears when fixed.
     */
    public record Conflict(String versionId, String state, Integer number, String rule, String field, String message,
                           LocalDate from, TimeLimit promisedLimit, TimeLimit legalLimit, int standardVersion,
                           LocalDate legalFrom) {}

    /** An item of the tenant flagged by a change of the standard catalog, with its conflicts. */
    public record Flagged(String id, String basicCode, String name, List<Conflict> conflicts) {}

    /** A row of the item list. For the public list the version in effect; for staff, the newest (draft first). */
    public record Summary(String id, String tenantCode, String basicCode, String name, ItemType itemType,
                          CaseClass caseClass, String department, TimeLimit promisedLimit, List<SixWay> tags,
                          boolean toleratedMissing, CrossRegionScope crossRegion, String versionId, Integer versionNumber,
                          GuideStatus status, LocalDate effectiveFrom) {}

    public record Validation(boolean publishable, List<Problem> problems) {}

    /**
     * Situation-based guidance (G2) for the version in effect: the answered path, then the next
     * question to ask or, once complete, the outcome with the tailored materials and where to go.
     */
    public record GuidanceView(String itemId, String versionId, String name, List<Guidance.Step> answered,
                               Questionnaire.Question next, GuidanceOutcome outcome, boolean complete) {}

    /**
     * An outcome with the guide's materials it names (in the guide's order) and its window resolved.
     * {@code notApplicable}: the item does not apply in this situation (G2), nothing is filed for it.
     * {@code route}: where to go (G1): the hall windows serving the item's queue business category; null on reads that
     * do not route (a guide's own view).
     */
    public record GuidanceOutcome(String id, String title, String subItem, Questionnaire.Channel channel,
                                  GuideContent.WindowInfo window, List<GuideContent.Material> materials, String notes,
                                  boolean notApplicable, Route route) {

        public GuidanceOutcome withRoute(Route r) {
            return new GuidanceOutcome(id, title, subItem, channel, window, materials, notes, notApplicable, r);
        }
    }

    /**
     * G1 (智能导办): where the applicant goes for an item — the hall queue's business category serving it ({@code
     * category}, its name as the windows call it) and the windows of the tenant's halls serving that category, or the
     * self-service area (KIOSK) or nowhere (ONLINE); {@code where} says it in one sentence. {@code windows} is empty when
     * the item has no category or no window serves it (then {@code where} names the guide's window).
     */
    public record Route(Questionnaire.Channel channel, String category, String categoryName, List<RouteWindow> windows, String where) {}

    /** A window serving the category: its hall, number and name. */
    public record RouteWindow(String hall, String number, String name) {}

    public record DraftSaved(Version draft, List<Problem> missingForPublication) {}

    public record Announced(Version version, List<String> warnings) {}

    /**
     * The payload of {@code catalog.guide.published} and {@code catalog.guide.withdrawn}: everything
     * an indexer needs, including when the version takes effect (it may be days after the event).
     */
    public record Event(String versionId, String itemId, String tenantCode, String tenantName, List<String> regionPath,
                        int number, GuideStatus status, ChangeKind changeKind, String reason, Instant announcedAt,
                        LocalDate effectiveFrom, String basicCode, String name, StandardItemView standard,
                        GuideContent guide) {}
}
