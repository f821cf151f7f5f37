package cn.zwy.cases.filing;

import java.time.LocalDate;

/**
 * A tenant's working days (C4): the official national calendar (statutory days off and make-up
 * workdays) plus the tenant's own closures and extra working days.
 */
public interface WorkingCalendar {

    boolean working(LocalDate date);

    /** Whether the national calendar of this year is known; if not, only weekends are days off. */
    boolean loaded(int year);
}
