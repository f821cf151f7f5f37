package cn.zwy.search.hall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hall as search results show it: the fields of tenant-api's {@code HallView}, which the gateway
 * reads search results as (a field missing here would fail the gateway's decoding).
 */
public record HallView(UUID id, String tenantCode, String regionCode, String level, boolean main, String name, String address,
                       String phone, List<HallDocument.DayHours> openingHours, long version, Instant updatedAt) {

    static HallView of(HallDocument d) {
        return new HallView(d.hallId(), d.tenantCode(), d.regionCode(), d.level(), d.main(), d.name(), d.address(),
                d.phone(), d.openingHours(), d.version(), d.updatedAt());
    }
}
