package cn.zwy.tenant.api.calendar;

import cn.zwy.tenant.api.hall.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the calendar's edits take and answer (a tenant's own days, a hall's special days). */
public final class CalendarDays {

    private CalendarDays() {}

    public record TenantDayInput(Boolean working, String reason) {}

    public record TenantDayView(LocalDate date, boolean working, String reason, String updatedBy, Instant updatedAt) {}

    public record SpecialDayInput(Boolean closed, List<TimeRange> periods, String reason) {}

    public record SpecialDayView(UUID hallId, LocalDate date, boolean closed, List<TimeRange> periods, String reason,
                                 String updatedBy, Instant updatedAt) {}

    public record Removed(boolean removed) {}

    /** What loading a year of the national holiday calendar did. */
    public record LoadResult(int year, int dayCount, int offDayCount, int workdayCount, List<String> papers,
                             Instant loadedAt, boolean replaced) {}
}
