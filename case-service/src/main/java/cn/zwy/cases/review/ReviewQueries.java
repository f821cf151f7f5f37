package cn.zwy.cases.review;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.ReviewApi.Indicator;
import cn.zwy.cases.api.ReviewApi.Indicators;
import cn.zwy.cases.api.ReviewApi.Review;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The tenant's reviews for its staff (V9: without the reviewer, {@link ReviewViews}) and the indicators of V7/V8,
 * computed from the reviews themselves with one grouped query per dimension (no rollup table: the figures are always
 * those of the data; ADR 0020 says when that should change).
 */
@Service
class ReviewQueries {

    /** What each dimension groups by (key, label). */
    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "STAFF", new String[] {"coalesce(o.staff_id, '-')", "coalesce(max(o.staff_name), '（未记录）')"},
            "WINDOW", new String[] {"coalesce(o.window_id::text, o.window_name, '-')", "coalesce(max(o.window_name), '（未记录窗口）')"},
            "DEPARTMENT", new String[] {"coalesce(o.department_id::text, '-')", "coalesce(max(o.department_name), '（未分派部门）')"},
            "LINE", new String[] {"o.line_key", "max(o.line_name)"},
            "REGION", new String[] {"o.tenant_id", "o.tenant_id"});

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ReviewViews views;

    ReviewQueries(TenantTransactions tx, JdbcTemplate jdbc, ReviewViews views) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.views = views;
    }

    Page<Review> list(Caller caller, String tenantCode, Boolean bad, Boolean aboutMe, String rectification, Integer first, String after) {
        requireStaff(caller, tenantCode);
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<Object> args = new ArrayList<>(List.of(tenantCode));
        StringBuilder where = new StringBuilder(" where r.tenant_id = ?");
        if (bad != null) {
            where.append(" and r.bad = ?");
            args.add(bad);
        }
        if (Boolean.TRUE.equals(aboutMe)) {
            where.append(" and o.staff_id = ?");
            args.add(caller.userId());
        }
        if (rectification != null) {
            if ("LATE".equals(rectification)) {
                where.append(" and x.state <> 'CLOSED' and x.due_on < ?");
                args.add(Date.valueOf(CaseFacts.today()));
            } else if (List.of("OPEN", "ASSIGNED", "VERIFIED", "RECTIFIED", "CALLED_BACK", "CLOSED").contains(rectification)) {
                where.append(" and x.state = ?");
                args.add(rectification);
            } else {
                throw ApiException.validation("rectification", "整改状态应为 OPEN、ASSIGNED、VERIFIED、RECTIFIED、CALLED_BACK、CLOSED 或 LATE");
            }
        }
        if (cursor != null) {
            where.append(" and (r.created_at, r.id) < (?, ?)");
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        args.add(n + 1);
        String sql = ReviewViews.SELECT + where + " order by r.created_at desc, r.id desc limit ?";
        List<Review> rows = tx.read(tenantCode, () -> jdbc.query(sql, (rs, i) -> views.view(rs, caller, false), args.toArray()));
        boolean more = rows.size() > n;
        List<Page.Item<Review>> items = new ArrayList<>();
        for (Review r : more ? rows.subList(0, n) : rows) {
            items.add(new Page.Item<>(new KeysetCursor(r.createdAt(), UUID.fromString(r.id().substring(r.id().indexOf(':') + 1))).encode(), r));
        }
        return new Page<>(items, more, null);
    }

    /** V7, V8 by one dimension over the services done from {@code from} to {@code to} (inclusive, the halls' days). */
    Indicators indicators(Caller caller, String tenantCode, String dimension, LocalDate from, LocalDate to) {
        requireStaff(caller, tenantCode);
        String[] group = dimension == null ? null : DIMENSIONS.get(dimension);
        if (group == null) throw ApiException.validation("dimension", "统计维度应为 STAFF、WINDOW、DEPARTMENT、LINE 或 REGION");
        if (from != null && to != null && from.isAfter(to)) throw ApiException.validation("from", "起始日期不能晚于截止日期");
        List<Object> args = new ArrayList<>(List.of(tenantCode));
        String where = " where o.tenant_id = ?";
        if (from != null) {
            where += " and o.done_at >= ?";
            args.add(Timestamp.from(from.atStartOfDay(Openings.ZONE).toInstant()));
        }
        if (to != null) {
            where += " and o.done_at < ?";
            args.add(Timestamp.from(to.plusDays(1).atStartOfDay(Openings.ZONE).toInstant()));
        }
        String sql = """
                select %1$s as k, %2$s as label, count(*) as services, count(r.id) as reviews,
                       count(r.id) filter (where not r.bad) as good, count(r.id) filter (where r.bad) as bad,
                       count(*) filter (where o.state = 'UNRATED') as unrated, avg(r.score) as average,
                       count(x.review_id) filter (where x.reply is not null) as replied,
                       count(x.review_id) filter (where x.finding = 'VALID') as valid_bad,
                       count(x.review_id) filter (where x.finding = 'VALID' and x.called_back_at is not null) as rectified,
                       count(x.review_id) filter (where x.called_back_at is not null) as called_back,
                       count(x.review_id) filter (where x.satisfied) as satisfied
                from review_opening o left join review r on r.opening_id = o.id left join review_rectification x on x.review_id = r.id
                %3$s group by %1$s order by count(*) desc, %1$s limit 500""".formatted(group[0], group[1], where);
        List<Indicator> rows = tx.read(tenantCode, () -> jdbc.query(sql, ReviewQueries::indicator, args.toArray()));
        return new Indicators(tenantCode, dimension, from, to, rows);
    }

    private static Indicator indicator(ResultSet rs, int i) throws SQLException {
        int services = rs.getInt("services");
        int reviews = rs.getInt("reviews");
        int good = rs.getInt("good");
        int bad = rs.getInt("bad");
        int unrated = rs.getInt("unrated");
        double avg = rs.getDouble("average");
        Double average = rs.wasNull() ? null : Math.round(avg * 100) / 100.0;
        int replied = rs.getInt("replied");
        int valid = rs.getInt("valid_bad");
        int rectified = rs.getInt("rectified");
        int calledBack = rs.getInt("called_back");
        int satisfied = rs.getInt("satisfied");
        return new Indicator(rs.getString("k"), rs.getString("label"), services, reviews, good, bad, unrated, average, rate(good, reviews),
                rate(good, services), rate(unrated, services), replied, rate(replied, bad), valid, rectified, rate(rectified, valid), calledBack,
                satisfied, rate(satisfied, calledBack));
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    private static void requireStaff(Caller caller, String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的好差评");
    }
}
