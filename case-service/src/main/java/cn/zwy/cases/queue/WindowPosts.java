package cn.zwy.cases.queue;

import cn.zwy.cases.api.QueueApi;
import cn.zwy.cases.booking.BookingHalls;
import cn.zwy.cases.booking.BookingHalls.HallWindow;
import cn.zwy.cases.booking.BookingHalls.WindowHolders;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * AB岗 (T6): who may call and serve at a window. A window whose holders tenant-service announced is served by its A
 * holder, or by its B holder while the A holder is absent: the B holder takes the post over (recorded, who and
 * when), and the A holder's next action at the window ends the takeover (A is back). An A post nobody holds is the
 * B holder's. A window whose holders were never announced is served by any staff member of the tenant (as before).
 */
@Component
class WindowPosts {

    private static final Logger log = LoggerFactory.getLogger(WindowPosts.class);

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final BookingHalls halls;

    WindowPosts(JdbcTemplate jdbc, TenantTransactions tx, BookingHalls halls) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.halls = halls;
    }

    /**
     * Inside the tenant's writing transaction: refuses a caller who does not hold the window's post now (FORBIDDEN for
     * staff holding neither post, RULE_VIOLATION for the B holder while A is present; rule T6); the A holder's action
     * ends a running takeover.
     */
    void requireMayServe(Caller caller, HallWindow w, Instant now) {
        WindowHolders h = halls.holders(w.id()).orElse(null);
        if (h == null || !h.known() || (h.a() == null && h.b() == null)) return;
        String me = caller.username();
        if (me != null && me.equals(h.a())) {
            int ended = jdbc.update("update queue_window_takeover set ended_at = ?, ended_by = ? where window_id = ? and ended_at is null",
                    Timestamp.from(now), me, w.id());
            if (ended > 0) log.info("A holder {} back at {}: the B holder's takeover ended", me, w.label());
            return;
        }
        if (me != null && me.equals(h.b())) {
            if (h.a() == null || running(w.id()) != null) return;
            throw new ApiException(ErrorCode.RULE_VIOLATION, w.label() + "的 A 岗（" + name(h.aName(), h.a()) + "）在岗；B 岗须在 A 岗不在时先接替岗位"
                    + "（takeOverWindowPost）才能叫号办理（AB岗）", "windowId", "T6");
        }
        throw new ApiException(ErrorCode.FORBIDDEN, w.label() + "由 A 岗" + name(h.aName(), h.a()) + (h.b() == null ? "" : "、B 岗" + name(h.bName(), h.b()))
                + "叫号办理，您不是该窗口的岗位人员（AB岗）", "windowId", "T6");
    }

    /** The B holder takes the post over while the A holder is absent; taking it over again answers the running takeover. */
    QueueApi.WindowPost takeOver(Caller caller, String tenantCode, String windowIdText) {
        Tickets.requireTenant(tenantCode);
        UUID windowId = Tickets.uuid("windowId", windowIdText);
        Tickets.requireStaff(caller, tenantCode);
        return tx.write(tenantCode, () -> {
            HallWindow w = halls.window(windowId).orElseThrow(() -> ApiException.notFound("windowId", "本中心没有这个窗口: " + windowId));
            WindowHolders h = halls.holders(windowId).orElse(null);
            if (h == null || !h.known() || h.b() == null || !h.b().equals(caller.username())) {
                throw new ApiException(ErrorCode.FORBIDDEN, "只有" + w.label() + "的 B 岗人员可以在 A 岗不在时接替（AB岗）", "windowId", "T6");
            }
            Instant now = Instant.now();
            if (running(windowId) == null) {
                jdbc.update("insert into queue_window_takeover (id, tenant_id, window_id, taken_by, taken_at) values (?, ?, ?, ?, ?)",
                        UUID.randomUUID(), tenantCode, windowId, caller.username(), Timestamp.from(now));
                log.info("B holder {} took over {} of {} (A holder {} absent)", caller.username(), w.label(), tenantCode, h.a());
            }
            return view(tenantCode, w, h);
        });
    }

    private QueueApi.WindowPost view(String tenantCode, HallWindow w, WindowHolders h) {
        Instant since = running(w.id());
        return new QueueApi.WindowPost(w.id().toString(), tenantCode, w.label(), name(h.aName(), h.a()), h.b() == null ? null : name(h.bName(), h.b()),
                since == null ? "A" : "B", since);
    }

    private Instant running(UUID windowId) {
        List<Timestamp> at = jdbc.queryForList("select taken_at from queue_window_takeover where window_id = ? and ended_at is null",
                Timestamp.class, windowId);
        return at.isEmpty() ? null : at.getFirst().toInstant();
    }

    private static String name(String name, String username) {
        if (username == null) return "（空缺）";
        return name == null || name.isBlank() ? username : name;
    }
}
