package cn.zwy.tenant.api.catalog;

import java.util.List;

/**
 * Result of an announcement of the standard catalog: the item as of the new version, what the
 * calendar was unsure of, and the tenants whose adopted guide breaks S5 under it (one guide per
 * tenant and item).
 */
public record StandardItemAnnounced(StandardItemView item, List<String> warnings, int flaggedGuides,
                                    List<String> flaggedTenants) {

    public StandardItemAnnounced(StandardItemView item, List<String> warnings) {
        this(item, warnings, 0, List.of());
    }

    public StandardItemAnnounced flagging(List<String> tenants) {
        return new StandardItemAnnounced(item, warnings, tenants.size(), List.copyOf(tenants));
    }
}
