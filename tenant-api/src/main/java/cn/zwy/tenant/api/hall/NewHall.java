package cn.zwy.tenant.api.hall;

import java.util.List;

/** A new hall's site and details (T3): a town centre or village station of the tenant. */
public record NewHall(String regionCode, String name, String address, String phone, List<DayHours> openingHours) {}
