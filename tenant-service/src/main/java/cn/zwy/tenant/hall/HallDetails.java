package cn.zwy.tenant.hall;

import cn.zwy.tenant.api.hall.HallState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The public, editable part of a hall: what the change record keeps before and after. */
public record HallDetails(String name, String address, String phone, OpeningHours openingHours) {

    /** Names of the fields that differ, in a fixed order. */
    public List<String> changedFrom(HallDetails before) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(name, before.name)) out.add("name");
        if (!Objects.equals(address, before.address)) out.add("address");
        if (!Objects.equals(phone, before.phone)) out.add("phone");
        if (!Objects.equals(openingHours, before.openingHours)) out.add("openingHours");
        return out;
    }

    /** The details as the change record keeps and shows them (tenant-api). */
    static HallState state(HallDetails d) {
        return new HallState(d.name(), d.address(), d.phone(), d.openingHours().days());
    }
}
