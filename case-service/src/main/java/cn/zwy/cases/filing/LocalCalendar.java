package cn.zwy.cases.filing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar as case-service keeps it (C4): its own copy of the national calendar
 * and of each tenant's closures, fed by tenant-service's events ({@link CalendarReadModel}), so that
 * a deadline never waits on another service. The national part is held in memory (every clock reads
 * it day by day) and re-read after an event on this instance, or after {@link #MAX_AGE}.
 */
@Component
class LocalCalendar {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private record National(Set<Integer> years, Map<LocalDate, Boolean> offDays, Instant readAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile National national;

    LocalCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar of the tenant the current transaction is bound to (its closures are read under RLS). */
    WorkingCalendar ofCurrentTenant() {
        National n = national();
        Map<LocalDate, Boolean> own = new HashMap<>();
        // as a prepared statement (a setter, even with no parameter), so it is planned once per connection like the
        // rest: a plain statement is planned on every call, and each step of a case reads the calendar
        jdbc.query("select date, working from tenant_calendar_day", (PreparedStatementSetter) ps -> { },
                rs -> { own.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2)); });
        return new WorkingCalendar() {
            @Override
            public boolean working(LocalDate d) {
                Boolean w = own.get(d);
                if (w != null) return w;
                Boolean off = n.offDays().get(d);
                if (off != null) return !off;
                return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            }

            @Override
            public boolean closed(LocalDate d) {
                Boolean w = own.get(d);
                return w != null ? !w : Boolean.TRUE.equals(n.offDays().get(d));
            }

            @Override
            public boolean loaded(int year) { return n.years().contains(year); }
        };
    }

    void invalidate() {
        national = null;
    }

    private National national() {
        National n = national;
        if (n == null || n.readAt().plus(MAX_AGE).isBefore(clock.instant())) {
            // platform data without RLS: readable in any transaction, or none
            Set<Integer> years = new HashSet<>(jdbc.queryForList("select year from national_calendar_year", Integer.class));
            Map<LocalDate, Boolean> days = new HashMap<>();
            jdbc.query("select date, off_day from national_calendar_day", rs -> { days.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2)); });
            n = new National(Set.copyOf(years), Map.copyOf(days), clock.instant());
            national = n;
        }
        return n;
    }
}
