package cn.zwy.tenant.hall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hall's public data. */
public record HallView(UUID id, String tenantCode, String regionCode, HallLevel level, boolean main, String name,
                       String address, String phone, List<OpeningHours.DayHours> openingHours, int version,
                       Instant updatedAt) {

    static HallView of(Hall h) {
        HallDetails d = h.details();
        return new HallView(h.getId(), h.getTenantId(), h.getRegionCode(), h.getLevel(), h.isMain(), d.name(),
                d.address(), d.phone(), d.openingHours().days(), h.getVersion(), h.getUpdatedAt());
    }
}
