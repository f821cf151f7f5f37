package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.hall.TimeRange;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the calendar tells other services (case-service keeps a local copy for its deadlines, C4):
 * the whole listed days of a national year, and each change of a tenant's own days. Full payloads,
 * so that no consumer calls back.
 */
public final class CalendarEvents {

    private CalendarEvents() {}

    /** A national year as loaded: every listed day (statutory days off and make-up workdays). */
    public static final String NATIONAL_YEAR = "calendar.national.year";
    /** A tenant closed a day or made it an extra working day ({@code working} says which), or removed that. */
    public static final String TENANT_DAY_SET = "calendar.tenant.day.set";
    public static final String TENANT_DAY_REMOVED = "calendar.tenant.day.removed";

    /** A hall departs from its weekly hours on a day (closed, or open with its own periods: a weekend booking day). */
    public static final String HALL_DAY_SET = "hall.special_day.set";
    /** The hall's weekly hours apply on that day again. */
    public static final String HALL_DAY_REMOVED = "hall.special_day.removed";

    /** {@code closed}, {@code periods} and {@code reason} are null when the special day was removed. */
    public record HallDay(String tenantCode, UUID hallId, LocalDate date, Boolean closed, List<TimeRange> periods, String reason) {}

    public record Day(LocalDate date, String name, boolean offDay) {}

    public record NationalYear(int year, List<Day> days) {}

    /** {@code working} is null when the tenant's own setting was removed (the national calendar applies again). */
    public record TenantDay(String tenantCode, LocalDate date, Boolean working) {}
}
