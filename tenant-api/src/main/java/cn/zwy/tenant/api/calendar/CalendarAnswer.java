package cn.zwy.tenant.api.calendar;

import java.util.List;

/**
 * A calendar computation and what it could not be sure of: a result that reaches into a year
 * whose official holiday calendar is not loaded carries a warning instead of silently
 * counting weekends only (C4).
 */
public record CalendarAnswer<T>(T value, List<String> warnings) {

    public CalendarAnswer {
        warnings = List.copyOf(warnings);
    }

    public boolean certain() {
        return warnings.isEmpty();
    }
}
