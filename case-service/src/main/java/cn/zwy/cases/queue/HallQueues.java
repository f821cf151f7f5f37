package cn.zwy.cases.queue;

import cn.zwy.cases.api.QueueApi.Called;
import cn.zwy.cases.api.QueueApi.Category;
import cn.zwy.cases.api.QueueApi.FlowBucket;
import cn.zwy.cases.api.QueueApi.HallQueue;
import cn.zwy.cases.api.QueueApi.QuietHour;
import cn.zwy.cases.api.QueueApi.Waiting;
import cn.zwy.cases.booking.BookingHalls;
import cn.zwy.cases.booking.BookingHalls.OpenPeriod;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a hall's queue shows: the calling screen (the latest calls and who waits per category, A5) and the visitor
 * flow, tickets taken per half hour and category (A6), with the quiet half hours citizens are told about. The flow is
 * counted from the tickets themselves (each carries when it was taken), so it cannot drift from them.
 */
@Component
class HallQueues {

    static final int SCREEN_LINES = 8;
    /** Quiet hours: averaged over the tickets of the last this many days. */
    static final int QUIET_DAYS = 28;

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final BookingHalls halls;

    HallQueues(TenantTransactions tx, JdbcTemplate jdbc, BookingHalls halls) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.halls = halls;
    }

    /** Public: the calling screen of the hall today. */
    HallQueue screen(String tenantCode, String hallIdText) {
        Tickets.requireTenant(tenantCode);
        UUID hallId = Tickets.uuid("hallId", hallIdText);
        return tx.read(tenantCode, () -> {
            String name = halls.hallName(tenantCode, hallId).orElseThrow(() -> ApiException.notFound("hallId", "该中心没有这个服务大厅: " + hallId));
            Date today = Date.valueOf(LocalDate.now(Tickets.ZONE));
            List<Called> calling = jdbc.query("""
                    select number, window_id, window_name, called_at, calls from queue_ticket
                    where hall_id = ? and day = ? and status = 'CALLED' order by called_at desc, number limit ?""",
                    (rs, i) -> new Called(rs.getString(1), rs.getObject(2, UUID.class).toString(), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getInt(5)), hallId, today, SCREEN_LINES);
            List<Waiting> waiting = jdbc.query("""
                    select category, count(*) from queue_ticket where hall_id = ? and day = ? and status = 'WAITING'
                    group by category order by category""", (rs, i) -> new Waiting(rs.getString(1), rs.getInt(2)), hallId, today);
            return new HallQueue(tenantCode, hallId.toString(), name, calling, waiting, halls.categoryNames(hallId).entrySet().stream()
                    .map(e -> new Category(e.getKey(), e.getValue())).toList());
        });
    }

    /** The tenant's staff: tickets taken per half hour and category on the date (A6), for staffing. */
    List<FlowBucket> flow(Caller caller, String tenantCode, String hallIdText, LocalDate date) {
        Tickets.requireTenant(tenantCode);
        UUID hallId = Tickets.uuid("hallId", hallIdText);
        if (date == null) throw ApiException.validation("date", "缺少日期 date");
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的人流统计");
        return tx.read(tenantCode, () -> {
            halls.hallName(tenantCode, hallId).orElseThrow(() -> ApiException.notFound("hallId", "该中心没有这个服务大厅: " + hallId));
            Map<String, Integer> counts = new TreeMap<>();
            jdbc.query("select taken_at, category from queue_ticket where hall_id = ? and day = ?", rs -> {
                LocalDateTime at = LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), Tickets.ZONE);
                counts.merge(halfHour(at.toLocalTime()) + "|" + rs.getString(2), 1, Integer::sum);
            }, hallId, Date.valueOf(date));
            List<FlowBucket> out = new ArrayList<>();
            counts.forEach((k, n) -> out.add(new FlowBucket(date.atTime(LocalTime.parse(k.substring(0, 5))).atZone(Tickets.ZONE).toInstant(),
                    k.substring(6), n)));
            return out;
        });
    }

    /**
     * Public: the half hours of the hall's next opening day with the average tickets taken in them over the last
     * {@link #QUIET_DAYS} days (days on which the hall gave tickets), the quiet ones being those at or below the median.
     */
    List<QuietHour> quietHours(String tenantCode, String hallIdText) {
        Tickets.requireTenant(tenantCode);
        UUID hallId = Tickets.uuid("hallId", hallIdText);
        return tx.read(tenantCode, () -> {
            halls.hallName(tenantCode, hallId).orElseThrow(() -> ApiException.notFound("hallId", "该中心没有这个服务大厅: " + hallId));
            LocalDate today = LocalDate.now(Tickets.ZONE);
            List<OpenPeriod> periods = List.of();
            for (int i = 0; i < 14 && periods.isEmpty(); i++) periods = halls.periodsOn(tenantCode, hallId, today.plusDays(i));
            Map<String, Integer> counts = new HashMap<>();
            Set<LocalDate> days = new HashSet<>();
            jdbc.query("select taken_at, day from queue_ticket where hall_id = ? and taken_at >= ?", rs -> {
                LocalDateTime at = LocalDateTime.ofInstant(rs.getTimestamp(1).toInstant(), Tickets.ZONE);
                counts.merge(halfHour(at.toLocalTime()), 1, Integer::sum);
                days.add(rs.getDate(2).toLocalDate());
            }, hallId, Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(QUIET_DAYS))));
            List<QuietHour> out = new ArrayList<>();
            for (OpenPeriod p : periods) {
                for (LocalTime t = p.opens(); t.isBefore(p.closes()) && !t.plusMinutes(30).isBefore(t); t = t.plusMinutes(30)) {
                    LocalTime end = t.plusMinutes(30).isAfter(p.closes()) ? p.closes() : t.plusMinutes(30);
                    double avg = days.isEmpty() ? 0 : counts.getOrDefault(halfHour(t), 0) / (double) days.size();
                    out.add(new QuietHour(t, end, Math.round(avg * 10) / 10.0, false));
                }
            }
            List<Double> sorted = out.stream().map(QuietHour::averageVisitors).sorted().toList();
            double median = sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
            return out.stream().map(q -> new QuietHour(q.from(), q.to(), q.averageVisitors(), q.averageVisitors() <= median)).toList();
        });
    }

    /** "09:30" for 09:30–09:59. */
    static String halfHour(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute() < 30 ? 0 : 30);
    }
}
