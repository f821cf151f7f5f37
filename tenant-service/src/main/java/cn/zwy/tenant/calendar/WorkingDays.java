package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.calendar.CalendarAnswer;
import java.time.LocalDate;

/**
 * Working days of a tenant (C4): the national calendar (statutory holidays and make-up
 * workdays) plus the tenant's own closures and extra working days.
 */
public interface WorkingDays {

    CalendarAnswer<Boolean> isWorkingDay(String tenantCode, LocalDate date);

    /**
     * The date {@code days} working days after {@code from} (C4: a limit of N working days
     * counted from the acceptance day ends on the Nth working day after it). {@code days} ≥ 0;
     * 0 answers {@code from} itself when it is a working day, else the next working day.
     */
    CalendarAnswer<LocalDate> addWorkingDays(String tenantCode, LocalDate from, int days);

    /** Working days in [{@code from}, {@code to}); negative when {@code to} is before {@code from}. */
    CalendarAnswer<Integer> workingDaysBetween(String tenantCode, LocalDate from, LocalDate to);
}
