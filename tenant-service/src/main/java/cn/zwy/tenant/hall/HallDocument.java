package cn.zwy.tenant.hall;

import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.api.hall.DayHours;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of the {@code hall.changed} event: the hall as search and read models need it,
 * complete, so consumers never call back. {@code version} orders the events of one hall.
 */
public record HallDocument(UUID hallId, String tenantCode, String tenantName, String regionCode,
                           List<String> regionPath, String regionName, HallLevel level, boolean main, String name,
                           String address, String phone, List<DayHours> openingHours, int version,
                           Instant updatedAt) {

    public static final String EVENT_TYPE = "hall.changed";
}
