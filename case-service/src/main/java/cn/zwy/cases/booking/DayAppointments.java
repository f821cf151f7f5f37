package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.BookingApi.DayAppointment;
import cn.zwy.cases.privacy.BlindIndex;
import cn.zwy.cases.privacy.Masking;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A hall's appointments of one day by name (A1, M3; ADR 0033): what the staff at the door and the windows look up when
 * a citizen says "I booked": who comes by masked name (张*), the slot, the item, the state, the booking code to check
 * them in. A name is never stored in full for this: a full name typed at the window is found by its keyed hash
 * ({@link BlindIndex#ofName}), a single character by the masked name's first (the surname). The tenant's own staff only
 * (they check citizens in); the full name or number is shown only through the audited "show" of a case (M3).
 */
@Component
class DayAppointments {

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final HallSchedules halls;
    private final BlindIndex index;

    DayAppointments(TenantTransactions tx, JdbcTemplate jdbc, HallSchedules halls, BlindIndex index) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.halls = halls;
        this.index = index;
    }

    List<DayAppointment> list(Caller caller, String tenantCode, String hallIdText, LocalDate date, String name) {
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) {
            throw ApiException.forbidden("只有本中心的工作人员可以查看大厅的预约名单");
        }
        UUID hallId = Bookings.uuid("hallId", hallIdText);
        if (date == null) throw ApiException.validation("date", "缺少日期 date");
        String typed = name == null ? "" : name.replaceAll("[\\s\\u3000]+", "");
        if (typed.codePointCount(0, typed.length()) > 50) throw ApiException.validation("name", "姓名最多 50 个字");
        return tx.read(tenantCode, () -> {
            halls.hall(tenantCode, hallId).orElseThrow(() -> ApiException.notFound("hallId", "该租户没有这个服务大厅: " + hallId));
            List<Object> args = new ArrayList<>(List.of(tenantCode, hallId, Date.valueOf(date)));
            String sql = "select * from appointment where tenant_id = ? and hall_id = ? and day = ?";
            if (typed.codePointCount(0, typed.length()) == 1) {
                // the surname: the masked name's first character (bookings made before names were kept: the person booked for)
                sql += " and (person_name_masked like ? or (person_name_masked is null and booked_for_name like ?))";
                args.add(escapeLike(typed) + "%");
                args.add(escapeLike(typed) + "%");
            } else if (!typed.isEmpty()) {
                sql += " and person_name_index = ?";
                args.add(index.ofName(typed));
            }
            args.add(BookingApi.MAX_DAY_LIST);
            return jdbc.query(sql + " order by starts_at, booking_code limit ?", (rs, n) -> row(tenantCode, rs), args.toArray());
        });
    }

    private static DayAppointment row(String tenant, ResultSet rs) throws SQLException {
        String forName = rs.getString("booked_for_name");
        String masked = rs.getString("person_name_masked");
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new DayAppointment(tenant + ":" + rs.getObject("id", UUID.class), rs.getString("booking_code"), rs.getString("status"),
                masked != null ? masked : Masking.name(forName), forName != null, rs.getString("phone_masked"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("item_id"),
                rs.getString("item_name"), checkedIn == null ? null : checkedIn.toInstant());
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
