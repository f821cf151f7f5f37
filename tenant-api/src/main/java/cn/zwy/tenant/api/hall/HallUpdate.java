package cn.zwy.tenant.api.hall;

import java.util.List;

/**
 * A change to a hall's public details; absent fields stay as they are. {@code expectedVersion},
 * when given, makes the update conditional (optimistic concurrency: CONFLICT when stale).
 */
public record HallUpdate(String name, String address, String phone, List<DayHours> openingHours,
                         Integer expectedVersion) {}
