package cn.zwy.cases.complaint;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.ComplaintApi;
import cn.zwy.cases.api.ComplaintApi.Appraisal;
import cn.zwy.cases.api.ComplaintApi.AppraisalRow;
import cn.zwy.cases.api.ComplaintApi.Complaint;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.ScopedId;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reading complaints: the complainant's own (across tenants, with {@code app.citizen_id} bound), the tenant's for its
 * staff and its province's administrator (the complainant hidden as {@link ComplaintViews} says), one by id, and the
 * appraisal figures of P5 — verified complaints per staff member or window in a year, counted from the complaints
 * themselves with one grouped query (no rollup: a county's complaints are dozens a year).
 */
@Service
class ComplaintQueries {

    private static final Set<String> STATES = Set.of("FILED", "ACCEPTED", "REFUSED", "RESULT_GIVEN");
    private static final Set<String> CHANNELS = Set.of("ON_SITE", "PHONE", "LETTER", "EMAIL", "APP", "MINI_PROGRAM", "WEBSITE", "HOTLINE_12345");

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ComplaintRows rows;
    private final ComplaintViews views;
    private final ComplaintProperties props;

    ComplaintQueries(TenantTransactions tx, JdbcTemplate jdbc, ComplaintRows rows, ComplaintViews views, ComplaintProperties props) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.props = props;
    }

    /** The calling citizen's complaints, newest first. */
    Page<Complaint> mine(Caller caller, Integer first, String after) {
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("“我的投诉”仅供投诉人本人（公众账号）查看");
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<Object> args = new ArrayList<>(List.of(caller.userId()));
        String sql = "select * from complaint where citizen_id = ?";
        if (cursor != null) {
            sql += " and (filed_at, id) < (?, ?)";
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        args.add(n + 1);
        String query = sql + " order by filed_at desc, id desc limit ?";
        List<ComplaintRows.Row> found = tx.platform(() -> {
            jdbc.queryForObject("select set_config('app.citizen_id', ?, true)", String.class, caller.userId());
            return jdbc.query(query, rows::row, args.toArray());
        });
        // each tenant's calendar for the clocks' colours (a citizen complains to a few tenants at most)
        Map<String, LocalDate> next = new HashMap<>();
        LocalDate today = CaseFacts.today();
        boolean more = found.size() > n;
        List<Page.Item<Complaint>> items = new ArrayList<>();
        for (ComplaintRows.Row r : more ? found.subList(0, n) : found) {
            LocalDate nextDay = next.computeIfAbsent(r.tenant(), t -> tx.read(t, views::nextWorkingDay));
            items.add(new Page.Item<>(new KeysetCursor(r.filedAt(), r.id()).encode(), ComplaintViews.view(r, caller, false, today, nextDay, Set.of())));
        }
        return new Page<>(items, more, null);
    }

    /** The tenant's complaints for its staff and its province's administrator, newest first. */
    Page<Complaint> list(Caller caller, String tenantCode, String state, Boolean late, Boolean aboutMe, String channel, Integer first, String after) {
        String tenant = Complaints.tenantCode(tenantCode);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenant)) throw ApiException.forbidden("只能查看本中心的投诉");
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<Object> args = new ArrayList<>(List.of(tenant));
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        if (state != null) {
            if (!STATES.contains(state)) throw ApiException.validation("state", "投诉状态应为 FILED、ACCEPTED、REFUSED 或 RESULT_GIVEN");
            where.append(" and state = ?");
            args.add(state);
        }
        if (channel != null) {
            if (!CHANNELS.contains(channel)) throw ApiException.validation("channel", "投诉渠道应为 " + String.join("、", CHANNELS));
            where.append(" and channel = ?");
            args.add(channel);
        }
        if (Boolean.TRUE.equals(aboutMe)) {
            where.append(" and staff_username = ?");
            args.add(caller.username());
        }
        if (Boolean.TRUE.equals(late)) {
            // past the current step's deadline: not decided after the acceptance deadline, not answered after the handling one
            where.append(" and ((state = 'FILED' and accept_due_on < ?) or (state = 'ACCEPTED' and handle_due_on < ?))");
            Date today = Date.valueOf(CaseFacts.today());
            args.add(today);
            args.add(today);
        }
        if (cursor != null) {
            where.append(" and (filed_at, id) < (?, ?)");
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        args.add(n + 1);
        String sql = "select * from complaint" + where + " order by filed_at desc, id desc limit ?";
        return tx.read(tenant, () -> {
            List<ComplaintRows.Row> found = jdbc.query(sql, rows::row, args.toArray());
            ComplaintViews.Reader reader = views.reader(caller);
            boolean more = found.size() > n;
            List<Page.Item<Complaint>> items = new ArrayList<>();
            for (ComplaintRows.Row r : more ? found.subList(0, n) : found) {
                items.add(new Page.Item<>(new KeysetCursor(r.filedAt(), r.id()).encode(), reader.view(r, false)));
            }
            return new Page<>(items, more, null);
        });
    }

    /** One complaint: its complainant's own, or for the tenant's staff and its province's administrator; NOT_FOUND for anyone else. */
    Complaint one(Caller caller, String id) {
        ScopedId s = ScopedId.parse("id", id);
        boolean citizen = caller.realm() == Realm.CITIZEN;
        if (!citizen && (caller.realm() != Realm.STAFF || !caller.mayRead(s.tenant()))) throw ApiException.notFound("id", "没有这件投诉: " + id);
        return tx.read(s.tenant(), () -> rows.byId(s.tenant(), s.id())
                .filter(r -> !citizen || caller.userId().equals(r.citizenId()))
                .map(r -> views.reader(caller).view(r, false))
                .orElseThrow(() -> ApiException.notFound("id", "没有这件投诉: " + id)));
    }

    /** P5: the verified complaints of the year (by the day the result was given) per staff member or window. */
    Appraisal appraisal(Caller caller, String tenantCode, int year, String dimension) {
        String tenant = Complaints.tenantCode(tenantCode);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenant)) throw ApiException.forbidden("只能查看本中心的投诉考核情况");
        if (year < 2000 || year > 2100) throw ApiException.validation("year", "年度应在 2000 到 2100 之间");
        String[] group = switch (dimension == null ? "" : dimension) {
            case "STAFF" -> new String[] {"staff_username", "coalesce(max(staff_name), staff_username)", "staff_username is not null"};
            case "WINDOW" -> new String[] {"coalesce(window_id::text, window_name)", "coalesce(max(window_name), coalesce(window_id::text, window_name))",
                    "(window_id is not null or window_name is not null)"};
            default -> throw ApiException.validation("dimension", "考核维度应为 工作人员 STAFF 或 窗口 WINDOW");
        };
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ComplaintTimers.ZONE).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ComplaintTimers.ZONE).toInstant());
        String sql = """
                select %1$s as k, %2$s as label, count(*) as verified from complaint
                where tenant_id = ? and verified and result_at >= ? and result_at < ? and %3$s
                group by %1$s order by count(*) desc, %1$s limit 500""".formatted(group[0], group[1], group[2]);
        int bar = props.excellentBar();
        List<AppraisalRow> out = tx.read(tenant, () -> jdbc.query(sql, (rs, i) -> new AppraisalRow(rs.getString("k"), rs.getString("label"),
                rs.getInt("verified"), rs.getInt("verified") >= bar), tenant, from, to));
        return new ComplaintApi.Appraisal(tenant, year, dimension, bar, out);
    }
}
