package cn.zwy.tenant.hall;

import java.util.List;

/** A hall's public details at one moment, as the change record keeps and shows them. */
public record HallState(String name, String address, String phone, List<OpeningHours.DayHours> openingHours) {
    static HallState of(HallDetails d) {
        return new HallState(d.name(), d.address(), d.phone(), d.openingHours().days());
    }
}
