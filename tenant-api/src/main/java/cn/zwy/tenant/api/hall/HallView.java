package cn.zwy.tenant.api.hall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hall's public data. */
public record HallView(UUID id, String tenantCode, String regionCode, HallLevel level, boolean main, String name,
                       String address, String phone, List<DayHours> openingHours, int version,
                       Instant updatedAt) {}
