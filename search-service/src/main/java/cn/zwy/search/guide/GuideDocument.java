package cn.zwy.search.guide;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.PackageViews;
import cn.zwy.tenant.api.catalog.StandardItemView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One guide in the index: the version in effect today of an item (its id is the item's). Built
 * from the payload of {@code catalog.guide.published} / {@code withdrawn} (tenant-api's
 * {@link GuideViews.Event}), whether it arrived on the event stream or was read back from
 * tenant-service for a rebuild: one way to make a document.
 *
 * <p>{@code scope} holds the keys of the regions whose citizens see the guide (ADR 0019): {@code c:<county>}
 * (its own county, towns included), {@code city:<4 digits>} when it may be filed from anywhere in the city
 * (同城通办), {@code p:<2 digits>} province-wide, {@code all} nationwide (S7). A query lists the citizen's
 * four keys; the completion suggester uses the same keys as its category context. A withdrawn item is
 * kept as a tombstone with no scope (so no query finds it) and its version number, so that a stale
 * event or a rebuild cannot bring it back.
 */
public record GuideDocument(String itemId, String versionId, String tenantCode, String tenantName,
                            List<String> regionPath, String countyCode, List<String> scope, String basicCode,
                            String standardItemId, String itemType, String name, List<String> aliases, String body,
                            Suggest suggest, List<String> audience, List<String> tags, String department,
                            String caseClass, List<String> themes, boolean onlineFiling, String crossRegion,
                            int versionNumber, LocalDate effectiveFrom, boolean withdrawn) {

    /** itemType of a "one thing" package's document (G3): no item type of the catalog is spelled so. */
    static final String PACKAGE = "PACKAGE";

    boolean oneThing() { return PACKAGE.equals(itemType); }

    /**
     * A "one thing" package (G3) as a document of the same index, so that it is found and suggested with
     * the guides: its name, its items' names as aliases (a search for one item shows the package too), its
     * description, items and materials as the text, its life event as its theme; seen from its own county. A package its
     * tenant no longer offers (ADR 0035) is a tombstone as a withdrawn guide is: no scope, no text, no suggestion.
     */
    static GuideDocument ofPackage(PackageViews.Event e, LocalDate today, boolean withdrawn) {
        List<String> items = e.items().stream().map(PackageViews.Part::name).toList();
        List<String> parts = new ArrayList<>();
        add(parts, e.description());
        items.forEach(i -> add(parts, i));
        e.materials().forEach(m -> add(parts, m.name()));
        return new GuideDocument(e.packageId(), e.packageId() + "@" + e.version(), e.tenantCode(), e.tenantName(), e.regionPath(),
                e.tenantCode().substring(0, 6), withdrawn ? List.of() : List.of("c:" + e.tenantCode().substring(0, 6)), "", null, PACKAGE,
                e.name(), items, withdrawn ? null : String.join("\n", parts), withdrawn ? null : new Suggest(List.of(e.name())), List.of(),
                List.of(), null, null, List.of("一件事", e.lifeEventLabel()), false, "NONE", e.version(), today, withdrawn);
    }

    /** The completion inputs: the name and the aliases. */
    public record Suggest(List<String> input) {}

    /** The scope keys of a citizen's region (county, town or village code). */
    static List<String> scopeOf(String regionCode) {
        return List.of("c:" + regionCode.substring(0, 6), "city:" + regionCode.substring(0, 4),
                "p:" + regionCode.substring(0, 2), "all");
    }

    static GuideDocument of(GuideViews.Event e) {
        String county = e.tenantCode().substring(0, 6);
        GuideContent g = e.guide();
        StandardItemView std = e.standard();
        // withdrawn by the tenant, or the province cancelled the standard item (S6): no longer offered, nowhere found
        boolean withdrawn = e.status() == GuideStatus.WITHDRAWN || std != null && std.cancelled();
        String scopeName = g == null || g.crossRegion() == null ? "NONE" : g.crossRegion().name();
        List<String> scope = withdrawn ? List.of() : scopeKeys(e.tenantCode(), scopeName);
        List<String> aliases = aliases(e.name(), std);
        List<String> suggestInput = new ArrayList<>();
        suggestInput.add(e.name());
        suggestInput.addAll(aliases);
        return new GuideDocument(e.itemId(), e.versionId(), e.tenantCode(), e.tenantName(), e.regionPath(), county, scope,
                e.basicCode(), std == null ? null : String.valueOf(std.id()), std == null || std.itemType() == null ? null : std.itemType().name(),
                e.name(), aliases, withdrawn ? null : body(g, std), withdrawn ? null : new Suggest(suggestInput),
                g == null || g.audience() == null ? List.of() : g.audience().stream().map(Enum::name).toList(),
                g == null || g.tags() == null ? List.of() : g.tags().stream().map(Enum::name).toList(),
                g == null ? null : blankToNull(g.implementingAgency()),
                g == null || g.caseClass() == null ? null : g.caseClass().name(),
                // "one thing" packages (G3) are documents of their own, themed 一件事 and their life event
                List.of(),
                g != null && Boolean.TRUE.equals(g.onlineFiling()), scopeName, e.number(), e.effectiveFrom(), withdrawn);
    }

    /** Where a guide of the tenant may be seen from, by its 通办 scope (wider includes narrower). */
    static List<String> scopeKeys(String tenantCode, String crossRegion) {
        List<String> keys = new ArrayList<>();
        keys.add("c:" + tenantCode.substring(0, 6));
        switch (crossRegion) {
            case "NATIONWIDE" -> keys.addAll(List.of("city:" + tenantCode.substring(0, 4), "p:" + tenantCode.substring(0, 2), "all"));
            case "PROVINCE" -> keys.addAll(List.of("city:" + tenantCode.substring(0, 4), "p:" + tenantCode.substring(0, 2)));
            case "SAME_CITY" -> keys.add("city:" + tenantCode.substring(0, 4));
            default -> { }
        }
        return keys;
    }

    /** The standard item's main/sub/grand-sub names other than the guide's own name (S1). */
    private static List<String> aliases(String name, StandardItemView std) {
        if (std == null) return List.of();
        Set<String> a = new LinkedHashSet<>();
        Stream.of(std.mainName(), std.subName(), std.grandName(), std.name())
                .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty() && !s.equals(name)).forEach(a::add);
        return List.copyOf(a);
    }

    /** What a citizen may search the guide's text for: conditions, materials, process, FAQ, fees and more (S3). */
    private static String body(GuideContent g, StandardItemView std) {
        if (g == null) return null;
        List<String> parts = new ArrayList<>();
        add(parts, g.acceptanceConditions());
        if (g.materials() != null) g.materials().forEach(m -> { add(parts, m.name()); add(parts, m.notes()); });
        if (g.steps() != null) g.steps().forEach(s -> { add(parts, s.name()); add(parts, s.description()); });
        add(parts, g.fillingNotes());
        add(parts, g.acceptanceStandard());
        add(parts, g.quantityLimit());
        if (g.fees() != null) g.fees().forEach(f -> add(parts, f.name()));
        if (g.faq() != null) g.faq().forEach(f -> { add(parts, f.question()); add(parts, f.answer()); });
        if (std != null) add(parts, std.legalBasis());
        return String.join("\n", parts);
    }

    private static void add(List<String> parts, String s) {
        if (s != null && !s.isBlank()) parts.add(s.strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
