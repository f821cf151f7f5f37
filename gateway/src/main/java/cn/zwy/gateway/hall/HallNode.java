package cn.zwy.gateway.hall;

import java.time.Instant;
import java.util.List;

/** A hall as tenant-service and search-service return it. */
public record HallNode(String id, String tenantCode, String regionCode, String level, String name, String address,
                       String phone, List<DayHours> openingHours, int version, Instant updatedAt) {

    public record DayHours(String weekday, List<TimeRange> periods) {}

    public record TimeRange(String opens, String closes) {}
}
