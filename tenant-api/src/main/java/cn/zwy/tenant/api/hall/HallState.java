package cn.zwy.tenant.api.hall;

import java.util.List;

/** A hall's public details at one moment, as the change record keeps and shows them. */
public record HallState(String name, String address, String phone, List<DayHours> openingHours) {}
