package cn.zwy.gateway.hall;

import java.util.List;

public record UpdateHallInput(String tenantCode, String name, String address, String phone,
                              List<HallNode.DayHours> openingHours, Integer expectedVersion) {

    /** The body of tenant-service's PATCH: the same fields without the tenant (it is in the path). */
    record Patch(String name, String address, String phone, List<HallNode.DayHours> openingHours, Integer expectedVersion) {}

    Patch patch() {
        return new Patch(name, address, phone, openingHours, expectedVersion);
    }
}
