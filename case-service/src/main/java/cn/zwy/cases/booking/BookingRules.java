package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fairness rules of booking at one tenant (issue 9, ADR 0014): when a day's slots are released (放号), how many
 * bookings still to come a person and an account booking for others (帮办) may hold, how many cancellations an
 * account may make in a month. The deployment's defaults ({@code zwy.booking.*}) hold until the tenant's centre
 * administrator sets its own; a rule left empty takes the default again.
 */
@Component
class BookingRules {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The rules in force at a tenant. */
    record Rules(String tenant, int horizonDays, LocalTime releaseTime, int maxActivePerPerson, int maxActiveForOthers,
                 int maxCancellationsPerMonth, boolean own, String changedBy, Instant changedAt) {

        /** When the slots of {@code day} become bookable: {@code horizonDays} before it, at the release time. */
        Instant releaseOf(LocalDate day) {
            return day.minusDays(horizonDays).atTime(releaseTime).atZone(Schedule.ZONE).toInstant();
        }

        /** The last day whose slots are released at {@code now}. */
        LocalDate lastReleased(Instant now) {
            LocalDateTime local = LocalDateTime.ofInstant(now, Schedule.ZONE);
            LocalDate last = local.toLocalDate().plusDays(horizonDays);
            return local.toLocalTime().isBefore(releaseTime) ? last.minusDays(1) : last;
        }
    }

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final BookingProperties props;

    BookingRules(JdbcTemplate jdbc, TenantTransactions tx, BookingProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
    }

    /** Inside the tenant's transaction: the rules in force. */
    Rules of(String tenant) {
        List<Rules> set = jdbc.query("select * from booking_rules where tenant_id = ?", (rs, i) -> {
            Time release = rs.getTime("release_time");
            boolean own = release != null || rs.getObject("horizon_days") != null || rs.getObject("max_active_per_person") != null
                    || rs.getObject("max_active_for_others") != null || rs.getObject("max_cancellations_per_month") != null;
            return new Rules(tenant, or(rs.getObject("horizon_days", Integer.class), props.horizonDays()),
                    release == null ? props.releaseTime() : release.toLocalTime(),
                    or(rs.getObject("max_active_per_person", Integer.class), props.maxActivePerPerson()),
                    or(rs.getObject("max_active_for_others", Integer.class), props.maxActiveForOthers()),
                    or(rs.getObject("max_cancellations_per_month", Integer.class), props.maxCancellationsPerMonth()),
                    own, rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
        }, tenant);
        return set.isEmpty() ? new Rules(tenant, props.horizonDays(), props.releaseTime(), props.maxActivePerPerson(),
                props.maxActiveForOthers(), props.maxCancellationsPerMonth(), false, null, null) : set.getFirst();
    }

    /** Public: the rules of a tenant as citizens are told them, with the next release. */
    BookingApi.BookingRules read(String tenantCode) {
        Bookings.requireTenant(tenantCode);
        return tx.read(tenantCode, () -> view(of(tenantCode), Instant.now()));
    }

    /** The tenant's centre administrator sets its rules; an empty rule takes the deployment's default. */
    BookingApi.BookingRules set(Caller caller, String tenantCode, BookingApi.SetRulesRequest in) {
        Bookings.requireTenant(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) throw ApiException.forbidden("只有本中心管理员可以设置预约规则");
        BookingApi.SetRulesRequest r = in == null ? new BookingApi.SetRulesRequest(null, null, null, null, null) : in;
        range("horizonDays", r.horizonDays(), 1, 90);
        range("maxActivePerPerson", r.maxActivePerPerson(), 1, 50);
        range("maxActiveForOthers", r.maxActiveForOthers(), 0, 1000);
        range("maxCancellationsPerMonth", r.maxCancellationsPerMonth(), 1, 100);
        LocalTime release = null;
        if (r.releaseTime() != null && !r.releaseTime().isBlank()) {
            try {
                release = LocalTime.parse(r.releaseTime().strip(), HH_MM);
            } catch (DateTimeParseException e) {
                throw ApiException.validation("releaseTime", "放号时间应为 HH:mm（如 20:00）: " + r.releaseTime());
            }
        }
        LocalTime releaseTime = release;
        String by = caller.displayName() == null ? caller.username() : caller.displayName();
        return tx.write(tenantCode, () -> {
            jdbc.update("""
                    insert into booking_rules (tenant_id, horizon_days, release_time, max_active_per_person, max_active_for_others,
                        max_cancellations_per_month, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id) do update set horizon_days = excluded.horizon_days, release_time = excluded.release_time,
                        max_active_per_person = excluded.max_active_per_person, max_active_for_others = excluded.max_active_for_others,
                        max_cancellations_per_month = excluded.max_cancellations_per_month, changed_by = excluded.changed_by,
                        changed_at = excluded.changed_at""",
                    tenantCode, r.horizonDays(), releaseTime == null ? null : Time.valueOf(releaseTime), r.maxActivePerPerson(),
                    r.maxActiveForOthers(), r.maxCancellationsPerMonth(), by, Timestamp.from(Instant.now()));
            return view(of(tenantCode), Instant.now());
        });
    }

    BookingApi.BookingRules view(Rules r, Instant now) {
        LocalDate next = r.lastReleased(now).plusDays(1);
        String release = r.releaseTime().format(HH_MM);
        String announcement = "每天 " + release + " 放出第 " + r.horizonDays() + " 天的预约号（下一次：" + Bookings.when(r.releaseOf(next))
                + " 放出 " + next + " 的号）；每人同时最多 " + r.maxActivePerPerson() + " 个待办预约，代他人预约（帮办）最多 "
                + r.maxActiveForOthers() + " 个；每月取消满 " + r.maxCancellationsPerMonth() + " 次，当月不能再预约。";
        return new BookingApi.BookingRules(r.tenant(), r.horizonDays(), release, next, r.releaseOf(next), r.maxActivePerPerson(),
                r.maxActiveForOthers(), r.maxCancellationsPerMonth(), (int) props.cancelBefore().toMinutes(), props.noShowLimit(),
                r.own(), r.changedBy(), r.changedAt(), announcement);
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw ApiException.validation(field, field + " 应在 " + min + " 到 " + max + " 之间: " + value);
        }
    }
}
