package cn.zwy.search.api.guide;

import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.SixWay;
import java.time.LocalDate;
import java.util.List;

/**
 * A found guide: the version in effect today (its id, number and effective date) with what a result
 * list shows, and the matched words highlighted ({@code <em>…</em>}) per field.
 *
 * @param itemId    {@code <tenant code>:<uuid>}, as the catalog's {@code item(id)}
 * @param versionId the guide version in effect today, as the catalog's {@code guideVersion(id)}
 * @param local     whether the guide is of the citizen's own county (or one of its towns)
 * @param oneThing  a "one thing" package (G3): {@code itemId} is the package's id (servicePackage(id)), its items are the aliases
 */
public record GuideHit(String itemId, String versionId, String tenantCode, String tenantName, String basicCode,
                       String name, List<String> aliases, ItemType itemType, List<Audience> audience, List<SixWay> tags,
                       String department, CaseClass caseClass, List<String> themes, boolean onlineFiling,
                       CrossRegionScope crossRegion, int versionNumber, LocalDate effectiveFrom, boolean local,
                       List<Highlight> highlights, boolean oneThing) {

    /** @param field name, aliases or body */
    public record Highlight(String field, List<String> fragments) {}
}
