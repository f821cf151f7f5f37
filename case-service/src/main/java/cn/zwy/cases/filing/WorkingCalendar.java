package cn.zwy.cases.filing;

import java.time.LocalDate;

/**
 * A tenant's working days (C4): the official national calendar (statutory days off and make-up
 * workdays) plus the tenant's own closures and extra working days.
 */
public interface WorkingCalendar {

    boolean working(LocalDate date);

    /**
     * Whether the day is closed outright: a statutory day off or a tenant closure. A plain weekend is not
     * (a hall's weekly hours may open it); a make-up workday or extra working day is not either.
     */
    default boolean closed(LocalDate date) {
        return false;
    }

    /** Whether the national calendar of this year is known; if not, only weekends are days off. */
    boolean loaded(int year);
}
