package cn.zwy.gateway.hall;

import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.HallUpdate;
import java.util.List;

/** The schema's UpdateHallInput: tenant-api's {@link HallUpdate} and the tenant it is for. */
public record UpdateHallInput(String tenantCode, String name, String address, String phone,
                              List<DayHours> openingHours, Integer expectedVersion) {

    /** The body of tenant-service's PATCH: the same fields without the tenant (it is in the path). */
    HallUpdate update() {
        return new HallUpdate(name, address, phone, openingHours, expectedVersion);
    }
}
