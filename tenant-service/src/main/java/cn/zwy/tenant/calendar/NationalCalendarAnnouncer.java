package cn.zwy.tenant.calendar;

import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces every loaded national year not yet announced ({@value CalendarEvents#NATIONAL_YEAR}),
 * once: the years shipped with the platform are loaded by a migration, which cannot write to the
 * outbox through the publisher. A year loaded later is announced in its load's transaction.
 */
@Component
class NationalCalendarAnnouncer implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final OutboxPublisher outbox;

    NationalCalendarAnnouncer(JdbcTemplate jdbc, TenantTransactions tx, OutboxPublisher outbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.platform(() -> {
            // the row lock makes two instances starting together announce a year once
            List<Integer> years = jdbc.queryForList(
                    "select year from national_calendar_year where announced_at is null order by year for update skip locked",
                    Integer.class);
            years.forEach(y -> announce(jdbc, outbox, y));
            return null;
        });
    }

    /** Publishes the year's listed days and marks it announced; inside a platform transaction. */
    static void announce(JdbcTemplate jdbc, OutboxPublisher outbox, int year) {
        List<CalendarEvents.Day> days = jdbc.query("select date, name, is_off_day from national_calendar_day where year = ? order by date",
                (rs, i) -> new CalendarEvents.Day(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBoolean(3)), year);
        outbox.publish(CalendarEvents.NATIONAL_YEAR, NationalCalendar.PLATFORM, "national_calendar_year", String.valueOf(year),
                new CalendarEvents.NationalYear(year, days));
        jdbc.update("update national_calendar_year set announced_at = now() where year = ?", year);
    }
}
