package cn.zwy.cases.booking;

import cn.zwy.common.tenant.ScopedId;
import cn.zwy.cases.api.BookingApi.BookingBar;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A2: after the configured number of no-shows within the configured period, the person may not book at this
 * tenant until the bar expires. A bar is a row (never deleted): why, until when, which bookings made it; the
 * centre administrator may lift it with a reason. No-shows before a lift do not count towards the next bar.
 */
@Component
class BookingBars {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final BookingProperties props;

    BookingBars(JdbcTemplate jdbc, TenantTransactions tx, BookingProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
    }

    /** Inside the tenant's transaction: a RULE_VIOLATION (A2) saying why and until when if any of these persons is barred. */
    void requireNotBarred(String tenant, List<String> personKeys, Instant now) {
        for (String key : personKeys) {
            Optional<BookingBar> bar = active(tenant, key, now);
            if (bar.isPresent()) {
                BookingBar b = bar.get();
                boolean self = key.startsWith("sub:");
                boolean noShows = "NO_SHOW".equals(b.kind());
                throw new ApiException(ErrorCode.RULE_VIOLATION, (self ? "您" : "办事人") + "因" + b.reason() + "，自 "
                        + format(b.barredAt()) + " 起至 " + format(b.barredUntil()) + " 暂停在本中心预约" + (noShows ? "（A2）" : "")
                        + "。如有异议，请联系中心工作人员。", self ? "slotId" : "bookedFor", noShows ? "A2" : null);
            }
        }
    }

    Optional<BookingBar> active(String tenant, String personKey, Instant now) {
        return jdbc.query("""
                select * from booking_bar where tenant_id = ? and person_key = ? and lifted_at is null and barred_until > ?
                order by barred_until desc limit 1""", BookingBars::row, tenant, personKey, Timestamp.from(now)).stream().findFirst();
    }

    /** The bar of that kind (NO_SHOW or CANCELLATIONS) in force for the person, if any. */
    Optional<BookingBar> active(String tenant, String personKey, Instant now, String kind) {
        return jdbc.query("""
                select * from booking_bar where tenant_id = ? and person_key = ? and lifted_at is null and barred_until > ? and kind = ?
                order by barred_until desc limit 1""", BookingBars::row, tenant, personKey, Timestamp.from(now), kind).stream().findFirst();
    }

    /**
     * After a no-show of {@code personKey}, inside the tenant's transaction: bars the person when the no-shows
     * counted (in the period, after the last lifted bar) reach the limit and no bar is in force; the new bar or none.
     */
    Optional<BookingBar> afterNoShow(String tenant, String personKey, String who, Instant now) {
        if (active(tenant, personKey, now, "NO_SHOW").isPresent()) return Optional.empty();
        Timestamp since = Timestamp.from(now.minus(props.noShowPeriod()));
        List<Timestamp> lifted = jdbc.queryForList("""
                select max(lifted_at) from booking_bar where tenant_id = ? and person_key = ? and lifted_at is not null and kind = 'NO_SHOW'""",
                Timestamp.class, tenant, personKey);
        Timestamp from = lifted.isEmpty() || lifted.getFirst() == null || lifted.getFirst().before(since) ? since : lifted.getFirst();
        List<String> codes = jdbc.queryForList("""
                select booking_code from appointment where tenant_id = ? and person_key = ? and status = 'NO_SHOW' and no_show_at > ?
                order by no_show_at""", String.class, tenant, personKey, from);
        if (codes.size() < props.noShowLimit()) return Optional.empty();
        String reason = props.noShowPeriod().toDays() + " 天内 " + codes.size() + " 次预约未到（爽约）";
        return Optional.of(bar(tenant, personKey, who, "NO_SHOW", reason, codes, now, now.plus(props.barDuration())));
    }

    /** Inside the tenant's transaction: bars the person until {@code until} (kind NO_SHOW or CANCELLATIONS); the bar. */
    BookingBar bar(String tenant, String personKey, String who, String kind, String reason, List<String> codes, Instant now, Instant until) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into booking_bar (id, tenant_id, person_key, who, reason, no_show_codes, barred_at, barred_until, kind)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, personKey, who, reason, String.join(",", codes), Timestamp.from(now), Timestamp.from(until), kind);
        return jdbc.query("select * from booking_bar where id = ?", BookingBars::row, id).getFirst();
    }

    /** The tenant's bars still running (lifted ones too, to show who lifted them): its staff and its province's administrator. */
    List<BookingBar> list(Caller caller, String tenantCode) {
        Bookings.requireTenant(tenantCode);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的暂停预约名单");
        return tx.read(tenantCode, () -> jdbc.query("""
                select * from booking_bar where tenant_id = ? and barred_until > now() order by barred_at desc limit 200""",
                BookingBars::row, tenantCode));
    }

    /** The centre administrator lifts a bar with a reason; a bar lifted already is answered as it is. */
    BookingBar lift(Caller caller, String barId, String reason) {
        ScopedId b = Bookings.scoped("barId", barId);
        if (!caller.isCentreAdminOf(b.tenant())) throw ApiException.forbidden("只有本中心管理员可以解除暂停预约");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) throw ApiException.validation("reason", "请写明解除的理由（1–500 个字）");
        return tx.write(b.tenant(), () -> {
            BookingBar bar = jdbc.query("select * from booking_bar where tenant_id = ? and id = ? for update", BookingBars::row, b.tenant(), b.id())
                    .stream().findFirst().orElseThrow(() -> ApiException.notFound("barId", "本中心没有这条暂停预约记录: " + barId));
            if (bar.liftedAt() != null) return bar;
            jdbc.update("update booking_bar set lifted_at = now(), lifted_by = ?, lift_reason = ? where tenant_id = ? and id = ?",
                    caller.displayName() == null ? caller.username() : caller.displayName(), why, b.tenant(), b.id());
            return jdbc.query("select * from booking_bar where id = ?", BookingBars::row, b.id()).getFirst();
        });
    }

    static String format(Instant at) {
        return LocalDateTime.ofInstant(at, Schedule.ZONE).format(UNTIL);
    }

    private static BookingBar row(ResultSet rs, int i) throws SQLException {
        Timestamp lifted = rs.getTimestamp("lifted_at");
        String tenant = rs.getString("tenant_id");
        return new BookingBar(tenant + ":" + rs.getObject("id", UUID.class), tenant, rs.getString("who"), rs.getString("reason"),
                Arrays.asList(rs.getString("no_show_codes").split(",")), rs.getTimestamp("barred_at").toInstant(),
                rs.getTimestamp("barred_until").toInstant(), lifted == null ? null : lifted.toInstant(), rs.getString("lifted_by"),
                rs.getString("lift_reason"), rs.getString("kind"));
    }
}
