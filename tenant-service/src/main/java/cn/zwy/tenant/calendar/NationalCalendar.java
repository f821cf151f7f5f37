package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.calendar.CalendarDays.LoadResult;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The national calendar (statutory days off and make-up workdays, C4), the same for every
 * tenant: platform data, kept in memory because every working-day computation reads it day by
 * day. The copy is re-read after a load on this instance and at most {@link #MAX_AGE} after a
 * load on another instance.
 */
@Component
public class NationalCalendar {

    /** Event published when an administrator loads (or replaces) a year. */
    public static final String LOADED_EVENT = "calendar.national.loaded";
    /** outbox_event.tenant_id of platform-wide events: the national calendar belongs to no tenant. */
    static final String PLATFORM = "platform";
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** Refusal of a national write by anyone but a platform operator (the same words in the gateway). */
    public static final String NATIONAL_DATA_ONLY = "国家法定节假日安排适用于所有省份，只有平台运营人员可以加载";

    private static final Logger log = LoggerFactory.getLogger(NationalCalendar.class);

    /** Loaded years and their listed days (true = day off, false = make-up workday). */
    record Snapshot(Set<Integer> years, Map<LocalDate, Boolean> listed, Instant readAt) {

        boolean loaded(int year) { return years.contains(year); }

        /** Working day by the national calendar alone: listed days as listed, else Monday–Friday. */
        boolean working(LocalDate d) {
            Boolean off = listed.get(d);
            if (off != null) return !off;
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        /** A statutory day off (listed, not an ordinary weekend). */
        boolean statutoryDayOff(LocalDate d) { return Boolean.TRUE.equals(listed.get(d)); }
    }


    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final OutboxPublisher outbox;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot;

    public NationalCalendar(JdbcTemplate jdbc, TenantTransactions tx, OutboxPublisher outbox) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
    }

    Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(MAX_AGE).isBefore(clock.instant())) s = reload();
        return s;
    }

    synchronized Snapshot reload() {
        Snapshot s = tx.platform(() -> {
            Set<Integer> years = new HashSet<>(jdbc.queryForList("select year from national_calendar_year", Integer.class));
            Map<LocalDate, Boolean> listed = new HashMap<>();
            jdbc.query("select date, is_off_day from national_calendar_day",
                    rs -> { listed.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2)); });
            return new Snapshot(Set.copyOf(years), Map.copyOf(listed), clock.instant());
        });
        snapshot = s;
        return s;
    }

    /**
     * Loads (or replaces, idempotently) one year's official calendar in the holiday-cn format
     * and publishes {@value #LOADED_EVENT}. The calendar is national: it changes the working days
     * of every province, so only a platform operator may load it (a provincial administrator's
     * authority ends at its province's border, issue 6).
     */
    public LoadResult load(Caller caller, int year, HolidayCnFile file) {
        if (!caller.isPlatformOperator()) {
            throw ApiException.forbidden(NATIONAL_DATA_ONLY);
        }
        if (file == null) throw ApiException.validation("body", "缺少节假日安排（holiday-cn 格式的 JSON）");
        HolidayCnFile.Checked checked = file.validated(year);
        if (checked.days().isEmpty()) {
            throw ApiException.validation("days", year + " 年的节假日安排为空：国务院通知发布前的空文件不能作为已加载的日历");
        }
        LoadResult result = tx.platform(() -> {
            boolean replaced = jdbc.update("delete from national_calendar_year where year = ?", year) > 0;
            Instant now = clock.instant();
            jdbc.update("insert into national_calendar_year (year, papers, source, loaded_by, loaded_at) values (?, ?, ?, ?, ?)",
                    year, String.join("\n", checked.papers()), "由 " + caller.username() + " 加载", caller.username(),
                    java.sql.Timestamp.from(now));
            jdbc.batchUpdate("insert into national_calendar_day (date, year, name, is_off_day) values (?, ?, ?, ?)",
                    checked.days().stream().map(d -> new Object[] {Date.valueOf(d.date()), year, d.name(), d.offDay()}).toList());
            int off = (int) checked.days().stream().filter(HolidayCnFile.CheckedDay::offDay).count();
            LoadResult r = new LoadResult(year, checked.days().size(), off, checked.days().size() - off, checked.papers(),
                    now, replaced);
            outbox.publish(LOADED_EVENT, PLATFORM, "national_calendar_year", String.valueOf(year), r);
            NationalCalendarAnnouncer.announce(jdbc, outbox, year);
            return r;
        });
        reload();
        log.info("national calendar {} loaded by {} ({} days, replaced: {})", year, caller.username(), result.dayCount(), result.replaced());
        return result;
    }
}
