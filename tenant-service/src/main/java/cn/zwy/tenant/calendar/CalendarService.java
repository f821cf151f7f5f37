package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.calendar.HallOpening;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.tenant.tenant.TenantLookup;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.Hall;
import cn.zwy.tenant.hall.HallRepository;
import cn.zwy.tenant.hall.OpeningHours;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Working days of a tenant (C4) and the next opening of its halls (A4). A day is a working day
 * by the national calendar (a listed day as listed, otherwise Monday–Friday), unless the tenant
 * closed it or made it an extra working day. A computation that touches a year whose national
 * calendar is not loaded says so in a warning, once per year.
 */
@Service
public class CalendarService implements WorkingDays {

    /** Largest {@code days} for {@link #addWorkingDays}: ten years of limits is already absurd. */
    static final int MAX_DAYS = 3650;
    /** Longest walk over the calendar (and longest span for {@link #workingDaysBetween}), in days. */
    static final int MAX_SPAN_DAYS = 2 * MAX_DAYS;
    /** How far ahead {@link #nextOpening} looks for an opening period. */
    static final int OPENING_HORIZON_DAYS = 366;
    /** Halls open by the local time of China (one time zone). */
    public static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private final NationalCalendar national;
    private final TenantCalendarDayRepository tenantDays;
    private final HallSpecialDayRepository specialDays;
    private final HallRepository halls;
    private final TenantLookup tenants;
    private final TenantTransactions tx;

    public CalendarService(NationalCalendar national, TenantCalendarDayRepository tenantDays,
                           HallSpecialDayRepository specialDays, HallRepository halls, TenantLookup tenants,
                           TenantTransactions tx) {
        this.national = national;
        this.tenantDays = tenantDays;
        this.specialDays = specialDays;
        this.halls = halls;
        this.tenants = tenants;
        this.tx = tx;
    }

    /** One tenant's calendar over a window of dates, and the years it could not be sure of. */
    static final class Days {
        private final NationalCalendar.Snapshot national;
        private final Map<LocalDate, Boolean> tenant;
        private final Set<Integer> unloadedYears = new TreeSet<>();

        Days(NationalCalendar.Snapshot national, Map<LocalDate, Boolean> tenant) {
            this.national = national;
            this.tenant = tenant;
        }

        boolean working(LocalDate d) {
            touch(d);
            Boolean own = tenant.get(d);
            return own != null ? own : national.working(d);
        }

        /** Closed for the whole tenant: its own closure, or a statutory day off it did not override. */
        boolean closed(LocalDate d) {
            touch(d);
            Boolean own = tenant.get(d);
            return own != null ? !own : national.statutoryDayOff(d);
        }

        private void touch(LocalDate d) {
            if (!national.loaded(d.getYear())) unloadedYears.add(d.getYear());
        }

        List<String> warnings() {
            return unloadedYears.stream().map(CalendarService::unloadedYearWarning).toList();
        }
    }

    static String unloadedYearWarning(int year) {
        return year + " 年国家法定节假日安排尚未加载，该年份按周末休息计算，结果可能不准确";
    }

    @Override
    public CalendarAnswer<Boolean> isWorkingDay(String tenantCode, LocalDate date) {
        required("date", date);
        Days days = days(tenantCode, date, date);
        boolean working = days.working(date);
        return new CalendarAnswer<>(working, days.warnings());
    }

    @Override
    public CalendarAnswer<LocalDate> addWorkingDays(String tenantCode, LocalDate from, int n) {
        required("from", from);
        if (n < 0 || n > MAX_DAYS) throw ApiException.validation("days", "工作日天数应在 0 到 " + MAX_DAYS + " 之间，收到: " + n);
        LocalDate limit = from.plusDays(MAX_SPAN_DAYS);
        Days days = days(tenantCode, from, limit);
        LocalDate d = from;
        if (n == 0) {
            while (!days.working(d)) d = step(d, limit);
        } else {
            for (int counted = 0; counted < n; ) {
                d = step(d, limit);
                if (days.working(d)) counted++;
            }
        }
        return new CalendarAnswer<>(d, days.warnings());
    }

    @Override
    public CalendarAnswer<Integer> workingDaysBetween(String tenantCode, LocalDate from, LocalDate to) {
        required("from", from);
        required("to", to);
        if (to.isBefore(from)) {
            CalendarAnswer<Integer> reverse = workingDaysBetween(tenantCode, to, from);
            return new CalendarAnswer<>(-reverse.value(), reverse.warnings());
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
            throw ApiException.validation("to", "起止日期相隔不能超过 " + MAX_SPAN_DAYS + " 天");
        }
        if (from.equals(to)) return new CalendarAnswer<>(0, List.of());
        Days days = days(tenantCode, from, to.minusDays(1));
        int count = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (days.working(d)) count++;
        }
        return new CalendarAnswer<>(count, days.warnings());
    }

    /**
     * When the hall is next open at or after {@code from} (now when null). A hall special day
     * wins (closed, or open with its own periods even on a non-working day such as a weekend
     * booking day); a tenant closure or statutory day off closes the hall; otherwise the weekly
     * hours of that weekday apply. A working day whose weekday has no weekly hours (a make-up
     * Saturday or Sunday, a tenant's extra working day) gets the hall's regular workday hours,
     * i.e. those of its first listed Monday–Friday, since the notices say nothing else.
     */
    public CalendarAnswer<HallOpening> nextOpening(String tenantCode, UUID hallId, Instant from) {
        required("hallId", hallId);
        return nextOpenings(tenantCode, List.of(hallId), from).getFirst();
    }

    /**
     * {@link #nextOpening} of several halls of the tenant in one read (a citizen's hall list shows
     * each hall's status): the same answers, in the order of {@code hallIds}.
     */
    public List<CalendarAnswer<HallOpening>> nextOpenings(String tenantCode, List<UUID> hallIds, Instant from) {
        tenants.require(tenantCode);
        if (hallIds == null || hallIds.isEmpty()) throw ApiException.validation("hallId", "缺少参数 hallId");
        if (hallIds.size() > CalendarApi.MAX_HALLS_PER_READ) {
            throw ApiException.validation("hallId", "一次最多查询 " + CalendarApi.MAX_HALLS_PER_READ + " 个服务大厅");
        }
        for (UUID id : hallIds) required("hallId", id);
        Instant start = from == null ? Instant.now() : from;
        LocalDateTime local = LocalDateTime.ofInstant(start, HALL_ZONE);
        LocalDate first = local.toLocalDate();
        LocalDate last = first.plusDays(OPENING_HORIZON_DAYS);
        return tx.read(tenantCode, () -> {
            Days days = null;
            List<CalendarAnswer<HallOpening>> answers = new java.util.ArrayList<>();
            for (UUID hallId : hallIds) {
                Hall hall = halls.findById(hallId).filter(h -> tenantCode.equals(h.getTenantId()))
                        .orElseThrow(() -> ApiException.notFound("hallId", "该租户没有这个服务大厅: " + hallId));
                if (days == null) days = new Days(national.current(), tenantOverrides(first, last));
                answers.add(opening(hall, start, local, first, last, days));
            }
            return answers;
        });
    }

    private CalendarAnswer<HallOpening> opening(Hall hall, Instant start, LocalDateTime local, LocalDate first, LocalDate last,
                                                Days days) {
        UUID hallId = hall.getId();
        OpeningHours weekly = hall.details().openingHours();
        Map<LocalDate, HallSpecialDay> special = specialDays.findByHallIdAndDayBetween(hallId, first, last).stream()
                .collect(Collectors.toMap(HallSpecialDay::getDay, Function.identity()));
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            HallSpecialDay sd = special.get(d);
            List<TimeRange> periods = sd != null ? sd.getPeriods() : periodsOn(d, weekly, days);
            String note = sd != null ? sd.getReason() : null;
            for (TimeRange p : periods) {
                LocalDateTime opens = d.atTime(LocalTime.parse(p.opens()));
                LocalDateTime closes = d.atTime(LocalTime.parse(p.closes()));
                if (!local.isBefore(closes)) continue;
                boolean openNow = !local.isBefore(opens);
                Instant opensAt = openNow ? start : opens.atZone(HALL_ZONE).toInstant();
                return new CalendarAnswer<>(new HallOpening(hallId, openNow, opensAt, closes.atZone(HALL_ZONE).toInstant(), note),
                        days.warnings());
            }
        }
        return new CalendarAnswer<>(new HallOpening(hallId, false, null, null, null), days.warnings());
    }

    private static List<TimeRange> periodsOn(LocalDate d, OpeningHours weekly, Days days) {
        if (days.closed(d)) return List.of();
        List<TimeRange> own = hoursOf(weekly, d.getDayOfWeek());
        if (!own.isEmpty()) return own;
        if (!days.working(d)) return List.of();
        return weekly.days().stream().filter(h -> h.weekday().getValue() <= DayOfWeek.FRIDAY.getValue())
                .findFirst().map(DayHours::periods).orElse(List.of());
    }

    private static List<TimeRange> hoursOf(OpeningHours weekly, DayOfWeek weekday) {
        return weekly.days().stream().filter(h -> h.weekday() == weekday).findFirst()
                .map(DayHours::periods).orElse(List.of());
    }

    private Days days(String tenantCode, LocalDate first, LocalDate last) {
        tenants.require(tenantCode);
        Map<LocalDate, Boolean> own = tx.read(tenantCode, () -> tenantOverrides(first, last));
        return new Days(national.current(), own);
    }

    /** The current tenant's closures and extra working days in [first, last]; inside a tenant transaction. */
    private Map<LocalDate, Boolean> tenantOverrides(LocalDate first, LocalDate last) {
        return tenantDays.findByDayBetween(first, last).stream()
                .collect(Collectors.toMap(TenantCalendarDay::getDay, TenantCalendarDay::isWorking));
    }

    private static LocalDate step(LocalDate d, LocalDate limit) {
        LocalDate next = d.plusDays(1);
        if (next.isAfter(limit)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "在 " + MAX_SPAN_DAYS + " 天内找不到足够的工作日，请检查本中心的停止办公安排",
                    "days", "C4");
        }
        return next;
    }

    private static void required(String field, Object value) {
        if (value == null) throw ApiException.validation(field, "缺少参数 " + field);
    }
}
