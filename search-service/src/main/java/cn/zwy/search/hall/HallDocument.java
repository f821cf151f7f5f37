package cn.zwy.search.hall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of tenant-service's {@code hall.changed} event, stored as is in the index. Kept here
 * rather than shared: the event's JSON is the contract, not the writer's classes. {@code version}
 * orders the states of one hall. {@code level} stays a string so that a new level in
 * tenant-service cannot block the event stream here.
 */
public record HallDocument(UUID hallId, String tenantCode, String tenantName, String regionCode,
                           List<String> regionPath, String regionName, String level, boolean main, String name,
                           String address, String phone, List<DayHours> openingHours, long version,
                           Instant updatedAt) {

    public static final String EVENT_TYPE = "hall.changed";

    public record DayHours(DayOfWeek weekday, List<Period> periods) {}

    public record Period(String opens, String closes) {}
}
