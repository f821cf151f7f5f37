package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi.Warning;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-citizen limits of booking (issue 9 "Fairness", ADR 0014): a person's bookings still to come, the bookings an
 * account holds for other persons (帮办), and an account's cancellations in a month. Counted inside the booking's
 * or cancellation's transaction under a transaction-scoped advisory lock per account (and per person booked for),
 * so two requests of one account at once cannot both slip under a limit. The lock is taken after the slot's
 * place: a burst on one slot still contends on the slot's counter row, and only the winners queue here.
 * A warning goes with the answer that reaches a limit; the next request is refused (RULE_VIOLATION, nothing
 * changed), or — for cancellations, which are never refused since they free a place — barred until the month ends.
 */
@Component
class BookingLimits {

    private final JdbcTemplate jdbc;
    private final BookingBars bars;

    BookingLimits(JdbcTemplate jdbc, BookingBars bars) {
        this.jdbc = jdbc;
        this.bars = bars;
    }

    /**
     * Before a new booking is inserted, inside the tenant's transaction: refuses one over a limit, else the warnings to
     * give with the answer.
     */
    List<Warning> beforeBooking(BookingRules.Rules rule, String account, String personKey, Instant now) {
        String self = "sub:" + account;
        boolean forOther = !self.equals(personKey);
        lock(rule.tenant(), self);
        if (forOther) lock(rule.tenant(), personKey);
        List<Warning> warnings = new ArrayList<>();
        int person = jdbc.queryForObject("""
                select count(*) from appointment where tenant_id = ? and person_key = ? and status = 'BOOKED' and starts_at > ?""",
                Integer.class, rule.tenant(), personKey, Timestamp.from(now));
        String who = forOther ? "办事人" : "您";
        if (person >= rule.maxActivePerPerson()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, who + "在本中心已有 " + person + " 个待办的预约，每人最多 " + rule.maxActivePerPerson()
                    + " 个；请先办理或取消已有的预约", forOther ? "bookedFor" : "slotId", null);
        }
        if (person + 1 == rule.maxActivePerPerson()) {
            warnings.add(new Warning("ACTIVE_LIMIT", who + "在本中心的待办预约已达每人 " + rule.maxActivePerPerson()
                    + " 个的上限；办理、取消或过期后才能再预约。", person + 1, rule.maxActivePerPerson(), null));
        }
        if (forOther) {
            int others = jdbc.queryForObject("""
                    select count(*) from appointment where tenant_id = ? and citizen_id = ? and person_key <> ? and status = 'BOOKED'
                    and starts_at > ?""", Integer.class, rule.tenant(), account, self, Timestamp.from(now));
            if (others >= rule.maxActiveForOthers()) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "您在本中心为他人代约（帮办）的待办预约已有 " + others + " 个，最多 "
                        + rule.maxActiveForOthers() + " 个；请先办理或取消已有的代约", "bookedFor", null);
            }
            if (others + 1 == rule.maxActiveForOthers()) {
                warnings.add(new Warning("ACTIVE_LIMIT", "您在本中心为他人代约的待办预约已达 " + rule.maxActiveForOthers()
                        + " 个的上限；办理、取消或过期后才能再代约。", others + 1, rule.maxActiveForOthers(), null));
            }
        }
        int cancelled = cancellationsThisMonth(rule.tenant(), account, now);
        if (cancelled + 1 == rule.maxCancellationsPerMonth()) warnings.add(oneMoreCancellation(rule, cancelled, now));
        return warnings;
    }

    /**
     * After a cancellation, inside the tenant's transaction: one before the month's limit warns; reaching it bars the
     * account from booking at this tenant until the month ends (a bar the centre administrator may lift).
     */
    List<Warning> afterCancelling(BookingRules.Rules rule, String account, Instant now) {
        String self = "sub:" + account;
        lock(rule.tenant(), self);
        int cancelled = cancellationsThisMonth(rule.tenant(), account, now);
        if (cancelled + 1 == rule.maxCancellationsPerMonth()) return List.of(oneMoreCancellation(rule, cancelled, now));
        if (cancelled < rule.maxCancellationsPerMonth()) return List.of();
        Instant until = monthEnd(now);
        if (bars.active(rule.tenant(), self, now, "CANCELLATIONS").isPresent()) return List.of();
        List<String> codes = jdbc.queryForList("""
                select booking_code from appointment where tenant_id = ? and citizen_id = ? and status = 'CANCELLED' and cancelled_at >= ?
                order by cancelled_at desc limit 20""", String.class, rule.tenant(), account, Timestamp.from(monthStart(now)));
        String reason = "本月取消预约 " + cancelled + " 次（每月最多 " + rule.maxCancellationsPerMonth() + " 次）";
        bars.bar(rule.tenant(), self, "公众账号 " + account.substring(0, Math.min(8, account.length())) + "…", "CANCELLATIONS", reason,
                codes, now, until);
        return List.of(new Warning("CANCELLATION_BAR", "本月您已在本中心取消预约 " + cancelled + " 次，达到每月 " + rule.maxCancellationsPerMonth()
                + " 次的上限：自即日起至 " + BookingBars.format(until) + " 暂停在本中心预约。", cancelled, rule.maxCancellationsPerMonth(), until));
    }

    private Warning oneMoreCancellation(BookingRules.Rules rule, int cancelled, Instant now) {
        return new Warning("CANCELLATIONS", "本月您已在本中心取消预约 " + (rule.maxCancellationsPerMonth() - 1) + " 次；再取消 1 次，至 "
                + BookingBars.format(monthEnd(now)) + " 前将不能在本中心预约。", cancelled, rule.maxCancellationsPerMonth(), monthEnd(now));
    }

    private int cancellationsThisMonth(String tenant, String account, Instant now) {
        return jdbc.queryForObject("""
                select count(*) from appointment where tenant_id = ? and citizen_id = ? and status = 'CANCELLED' and cancelled_at >= ?""",
                Integer.class, tenant, account, Timestamp.from(monthStart(now)));
    }

    private void lock(String tenant, String key) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, "zwy:booking:" + tenant + ":" + key);
    }

    private static Instant monthStart(Instant now) {
        return LocalDate.ofInstant(now, Schedule.ZONE).withDayOfMonth(1).atStartOfDay(Schedule.ZONE).toInstant();
    }

    private static Instant monthEnd(Instant now) {
        return LocalDate.ofInstant(now, Schedule.ZONE).withDayOfMonth(1).plusMonths(1).atStartOfDay(Schedule.ZONE).toInstant();
    }
}
