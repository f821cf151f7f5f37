package cn.zwy.gateway.hall;

import java.time.Instant;
import java.util.List;

/** tenant-service's page of the change record. */
public record HallChangePage(List<Item> items, boolean hasNextPage, long totalCount) {

    public record Item(String cursor, Change change) {}

    public record Change(String id, String hallId, Instant changedAt, String changedBy, String changedByName,
                         List<String> changedFields, State before, State after) {}

    public record State(String name, String address, String phone, List<HallNode.DayHours> openingHours) {}
}
