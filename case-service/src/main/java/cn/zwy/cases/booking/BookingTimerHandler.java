package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi.BookingBar;
import cn.zwy.cases.messages.AppointmentMessage;
import cn.zwy.cases.privacy.Masking;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a due booking timer does, in a transaction bound to the appointment's tenant, with the appointment's row
 * locked: a reminder for a booking still standing; the no-show (A2) of a booking neither checked in nor cancelled
 * {@code noShowAfter} after its start, and the bar when it is the person's last allowed one. A timer of an older
 * version (the booking moved) does nothing; a repeated run finds the status changed and adds nothing twice.
 */
@Component
class BookingTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(BookingTimerHandler.class);

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final Bookings bookings;
    private final BookingBars bars;
    private final BookingProperties props;

    private final SpecialServices specialServices;

    BookingTimerHandler(TenantTransactions tx, JdbcTemplate jdbc, Bookings bookings, BookingBars bars, BookingProperties props,
                        SpecialServices specialServices) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.bars = bars;
        this.props = props;
        this.specialServices = specialServices;
    }

    void fire(String instance) {
        BookingTimers.TimerId t = BookingTimers.TimerId.parse(instance);
        if (t.visit()) {
            specialServices.remind(t);
            return;
        }
        tx.write(t.tenant(), () -> {
            Bookings.Row r = jdbc.query("select * from appointment where tenant_id = ? and id = ? for update", Bookings::row,
                    t.tenant(), t.subjectId()).stream().findFirst().orElse(null);
            if (r == null || r.version != t.version() || !"BOOKED".equals(r.status)) return null;
            Instant now = Instant.now();
            switch (t.kind()) {
                case REMIND_DAY, REMIND_HOUR -> {
                    if (!now.isBefore(r.startsAt)) return null;
                    bookings.tell(r, AppointmentMessage.Kind.APPOINTMENT_REMINDER, "提醒：您预约了" + (t.kind() == BookingTimers.Kind.REMIND_DAY
                            ? "明天 " : "今天 ") + Bookings.when(r.startsAt) + " 在" + r.hallName + "办理「" + r.itemName + "」，预约码 " + r.code
                            + "。请按时到场签到，迟到超过 " + props.noShowAfter().toMinutes() + " 分钟视为爽约（A2）。");
                }
                default -> { } // a visit's reminders went to SpecialServices above
                case NO_SHOW -> {
                    if (now.isBefore(r.startsAt.plus(props.noShowAfter()))) return null;
                    jdbc.update("update appointment set status = 'NO_SHOW', no_show_at = ?, updated_at = ? where tenant_id = ? and id = ?",
                            Timestamp.from(now), Timestamp.from(now), r.tenantId, r.id);
                    bookings.tell(r, AppointmentMessage.Kind.NO_SHOW, "您 " + Bookings.when(r.startsAt) + " 在" + r.hallName + "办理「" + r.itemName
                            + "」的预约（预约码 " + r.code + "）未按时签到，已记为爽约一次。" + props.noShowPeriod().toDays() + " 天内爽约 "
                            + props.noShowLimit() + " 次将暂停预约（A2）。");
                    log.info("appointment {} of {}: no-show", r.code, r.tenantId);
                    Optional<BookingBar> bar = bars.afterNoShow(r.tenantId, r.personKey, who(r), now);
                    bar.ifPresent(b -> bookings.tell(r, AppointmentMessage.Kind.BOOKING_BARRED, "因" + b.reason() + "，自 "
                            + BookingBars.format(b.barredAt()) + " 起至 " + BookingBars.format(b.barredUntil()) + " 暂停在本中心预约（A2）。"
                            + "如有异议，请联系中心工作人员。"));
                }
            }
            return null;
        });
    }

    /** Who is barred, as staff see it (masked, M3). */
    private static String who(Bookings.Row r) {
        if (r.bookedForName != null) return Masking.name(r.bookedForName) + " " + r.bookedForIdMasked;
        return "公众账号 " + r.citizenId.substring(0, Math.min(8, r.citizenId.length())) + "…";
    }
}
