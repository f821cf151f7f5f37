package cn.zwy.tenant.api.hall;

/** County centre, town centre or village station (T3). */
public enum HallLevel { CITY, COUNTY, TOWN, VILLAGE }
