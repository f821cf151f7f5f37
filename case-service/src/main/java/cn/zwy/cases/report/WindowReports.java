package cn.zwy.cases.report;

import cn.zwy.cases.api.WindowReport;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The monthly report per window (M1, C8), computed from the case records themselves: the window
 * is the one named on the case's acceptance record (C16), the completion day that of its
 * completion record, the deadline the case's own (pauses and approved extensions included), so the
 * report never disagrees with what the case shows. Read under the tenant's row-level security.
 */
@Service
public class WindowReports {

    static final ZoneId HALLS = ZoneId.of("Asia/Shanghai");
    static final String NO_WINDOW = "未注明窗口";

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;

    WindowReports(JdbcTemplate jdbc, TenantTransactions tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public WindowReport windowReport(Caller caller, String tenantCode, String month) {
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的统计报表");
        YearMonth ym = month(month);
        LocalDate today = LocalDate.now(HALLS);
        LocalDate from = ym.atDay(1);
        LocalDate asOf = ym.atEndOfMonth().isAfter(today) ? today : ym.atEndOfMonth();
        List<WindowReport.Figures> windows = tx.read(tenantCode, () -> jdbc.query("""
                with acc as (
                    select distinct on (case_id) case_id, coalesce(nullif(window_name, ''), ?) as window_name,
                           (at at time zone 'Asia/Shanghai')::date as day
                    from case_action where tenant_id = ? and action = 'ACCEPTED' order by case_id, seq),
                done as (
                    select distinct on (case_id) case_id, (at at time zone 'Asia/Shanghai')::date as day
                    from case_action where tenant_id = ? and action in ('COMPLETED', 'DEEMED_APPROVED') order by case_id, seq desc),
                ended as (
                    select distinct on (case_id) case_id, (at at time zone 'Asia/Shanghai')::date as day
                    from case_action where tenant_id = ? and action = 'WITHDRAWN' order by case_id, seq desc)
                select acc.window_name,
                    count(*) filter (where acc.day between ? and ?) as accepted,
                    count(*) filter (where done.day between ? and ?) as completed,
                    count(*) filter (where done.day between ? and ? and done.day <= f.deadline) as on_time,
                    count(*) filter (where done.day between ? and ? and done.day > f.deadline) as late,
                    count(*) filter (where acc.day <= ? and f.deadline < ? and (done.day is null or done.day > ?)
                                       and (ended.day is null or ended.day > ?)) as open_overdue
                from acc join case_file f on f.id = acc.case_id and f.tenant_id = ?
                     left join done on done.case_id = acc.case_id
                     left join ended on ended.case_id = acc.case_id
                group by acc.window_name
                having count(*) filter (where acc.day between ? and ?) > 0
                    or count(*) filter (where done.day between ? and ?) > 0
                    or count(*) filter (where acc.day <= ? and f.deadline < ? and (done.day is null or done.day > ?)
                                          and (ended.day is null or ended.day > ?)) > 0
                order by acc.window_name""",
                (rs, i) -> figures(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                NO_WINDOW, tenantCode, tenantCode, tenantCode,
                d(from), d(asOf), d(from), d(asOf), d(from), d(asOf), d(from), d(asOf),
                d(asOf), d(asOf), d(asOf), d(asOf), tenantCode,
                d(from), d(asOf), d(from), d(asOf), d(asOf), d(asOf), d(asOf), d(asOf)));
        WindowReport.Figures total = figures("合计", windows.stream().mapToInt(WindowReport.Figures::accepted).sum(),
                windows.stream().mapToInt(WindowReport.Figures::completed).sum(),
                windows.stream().mapToInt(WindowReport.Figures::completedOnTime).sum(),
                windows.stream().mapToInt(WindowReport.Figures::completedOverdue).sum(),
                windows.stream().mapToInt(WindowReport.Figures::openOverdue).sum());
        return new WindowReport(tenantCode, ym.toString(), asOf, windows, total);
    }

    private static WindowReport.Figures figures(String window, int accepted, int completed, int onTime, int late, int openOverdue) {
        Double rate = completed == 0 ? null : Math.round(onTime * 10000.0 / completed) / 10000.0;
        return new WindowReport.Figures(window, accepted, completed, onTime, rate, late, openOverdue);
    }

    private static YearMonth month(String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("month", "月份格式应为 yyyy-MM，例如 2026-11");
        }
        if (ym.isAfter(YearMonth.now(HALLS))) throw ApiException.validation("month", "不能查看尚未开始的月份");
        if (ym.isBefore(YearMonth.of(2000, 1))) throw ApiException.validation("month", "月份过早");
        return ym;
    }

    private static Date d(LocalDate day) {
        return Date.valueOf(day);
    }
}
