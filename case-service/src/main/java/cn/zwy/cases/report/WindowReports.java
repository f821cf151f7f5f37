package cn.zwy.cases.report;

import cn.zwy.cases.api.WindowReport;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The monthly report per window (M1, C8), computed from the case records themselves: the window
 * is the one named on the case's acceptance record (C16), the completion day that of its
 * completion record, the deadline the case's own (pauses and approved extensions included), so the
 * report never disagrees with what the case shows. A late case counts against the window only when the window is at
 * fault (C7, {@link OverdueFault}). Beside the cases: the reviews of the window's services (ADR 0020's records) and the
 * complaints about it (from the complaint events, ADR 0024). Read under the tenant's row-level security.
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
        Map<String, int[]> rows = new TreeMap<>();
        tx.read(tenantCode, () -> {
            cases(tenantCode, from, asOf, rows);
            reviews(tenantCode, from, asOf, rows);
            complaints(tenantCode, from, asOf, rows);
            return null;
        });
        List<WindowReport.Figures> windows = new ArrayList<>();
        int[] total = new int[COLUMNS];
        rows.forEach((window, c) -> {
            windows.add(figures(window, c));
            for (int i = 0; i < COLUMNS; i++) total[i] += c[i];
        });
        return new WindowReport(tenantCode, ym.toString(), asOf, windows, figures("合计", total));
    }

    // the columns of a window's row, in WindowReport.Figures' order (the rates are derived)
    private static final int ACCEPTED = 0, COMPLETED = 1, ON_TIME = 2, LATE = 3, OPEN_LATE = 4, APPLICANT = 5, REVIEWS = 6, GOOD = 7,
            BAD = 8, UNRATED = 9, COMPLAINTS = 10, COMPLAINTS_ACCEPTED = 11, COMPLAINTS_VERIFIED = 12, COLUMNS = 13;

    /**
     * The cases: accepted, completed (on time or late) in the month, and open past their deadline at {@code asOf}; late
     * ones count against the window only when it is at fault (C7, {@link OverdueFault}).
     */
    private void cases(String tenantCode, LocalDate from, LocalDate asOf, Map<String, int[]> rows) {
        jdbc.query("""
                with acc as (
                    select distinct on (case_id) case_id, coalesce(nullif(window_name, ''), ?) as window_name,
                           (at at time zone 'Asia/Shanghai')::date as day
                    from case_action where tenant_id = ? and action = 'ACCEPTED' order by case_id, seq),
                done as (
                    select distinct on (case_id) case_id, (at at time zone 'Asia/Shanghai')::date as day
                    from case_action where tenant_id = ? and action in ('COMPLETED', 'DEEMED_APPROVED') order by case_id, seq desc),
                ended as (
                    select distinct on (case_id) case_id, (at at time zone 'Asia/Shanghai')::date as day
                    from case_action where tenant_id = ? and action = 'WITHDRAWN' order by case_id, seq desc),
                k as (
                    select acc.window_name,
                           acc.day between ? and ? as accepted,
                           done.day between ? and ? as completed,
                           done.day between ? and ? and done.day <= f.deadline as on_time,
                           done.day between ? and ? and done.day > f.deadline as late,
                           acc.day <= ? and f.deadline < ? and (done.day is null or done.day > ?)
                               and (ended.day is null or ended.day > ?) as open_late,
                           %s as applicant
                    from acc join case_file f on f.id = acc.case_id and f.tenant_id = ?
                         left join done on done.case_id = acc.case_id
                         left join ended on ended.case_id = acc.case_id)
                select window_name,
                       count(*) filter (where accepted), count(*) filter (where completed), count(*) filter (where on_time),
                       count(*) filter (where late and not applicant), count(*) filter (where open_late and not applicant),
                       count(*) filter (where (late or open_late) and applicant)
                from k where accepted or completed or late or open_late
                group by window_name""".formatted(OverdueFault.applicantCaused("acc.case_id")),
                rs -> {
                    int[] c = row(rows, rs.getString(1));
                    for (int i = 0; i <= APPLICANT; i++) c[i] += rs.getInt(2 + i);
                },
                NO_WINDOW, tenantCode, tenantCode, tenantCode,
                d(from), d(asOf), d(from), d(asOf), d(from), d(asOf), d(from), d(asOf),
                d(asOf), d(asOf), d(asOf), d(asOf), tenantCode);
    }

    /** The reviews of the services the window did in the month, and those left unrated (V4, V7; ADR 0020's records). */
    private void reviews(String tenantCode, LocalDate from, LocalDate asOf, Map<String, int[]> rows) {
        jdbc.query("""
                select coalesce(nullif(o.window_name, ''), ?), count(r.id), count(r.id) filter (where not r.bad),
                       count(r.id) filter (where r.bad), count(*) filter (where o.state = 'UNRATED')
                from review_opening o left join review r on r.opening_id = o.id
                where o.tenant_id = ? and o.done_at >= ? and o.done_at < ?
                group by 1 having count(r.id) > 0 or count(*) filter (where o.state = 'UNRATED') > 0""",
                rs -> {
                    int[] c = row(rows, rs.getString(1));
                    for (int i = 0; i < 4; i++) c[REVIEWS + i] += rs.getInt(2 + i);
                },
                NO_WINDOW, tenantCode, Timestamp.from(from.atStartOfDay(HALLS).toInstant()),
                Timestamp.from(asOf.plusDays(1).atStartOfDay(HALLS).toInstant()));
    }

    /** The complaints about the window (filed, accepted, closed as verified in the month), as the complaint events said (ADR 0024). */
    private void complaints(String tenantCode, LocalDate from, LocalDate asOf, Map<String, int[]> rows) {
        jdbc.query("""
                select window_key, sum(complaints), sum(complaints_accepted), sum(complaints_verified)
                from comparison_unit_month where tenant_id = ? and month between ? and ?
                group by window_key having sum(complaints) + sum(complaints_accepted) + sum(complaints_verified) > 0""",
                rs -> {
                    String w = rs.getString(1);
                    int[] c = row(rows, Contribution.NONE.equals(w) ? NO_WINDOW : w);
                    for (int i = 0; i < 3; i++) c[COMPLAINTS + i] += rs.getInt(2 + i);
                },
                tenantCode, d(from), d(asOf));
    }

    private static int[] row(Map<String, int[]> rows, String window) {
        return rows.computeIfAbsent(window, w -> new int[COLUMNS]);
    }

    private static WindowReport.Figures figures(String window, int[] c) {
        return new WindowReport.Figures(window, c[ACCEPTED], c[COMPLETED], c[ON_TIME], Comparisons.rate(c[ON_TIME], c[COMPLETED]), c[LATE],
                c[OPEN_LATE], c[APPLICANT], c[REVIEWS], c[GOOD], c[BAD], c[UNRATED], Comparisons.rate(c[GOOD], c[REVIEWS]),
                Comparisons.rate(c[UNRATED], c[REVIEWS] + c[UNRATED]), c[COMPLAINTS], c[COMPLAINTS_ACCEPTED], c[COMPLAINTS_VERIFIED]);
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
