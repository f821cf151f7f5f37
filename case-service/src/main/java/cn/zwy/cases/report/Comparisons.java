package cn.zwy.cases.report;

import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.cases.api.Comparison;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The comparison of units on the supervision indicators (M2; ADR 0024), read from the monthly rollups (V48): the counties
 * of a province or city for its administrator (T7), and within a county its halls, a hall's windows and a window's staff
 * for the county's own staff and the administrators above it. Read under row-level security bound to what the caller
 * may see: a province's administrator's transaction is bound to the province, so another province's rows are not even
 * visible to the query (a provincial administrator of 44 never sees 41's figures).
 */
@Service
class Comparisons {

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;

    Comparisons(JdbcTemplate jdbc, TenantTransactions tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The counties of the province (2 digits) or city (4 digits), for its administrator or a province's above it. */
    Comparison counties(Caller caller, String regionPrefix, String period, String rankBy) {
        if (caller.realm() != Realm.STAFF || regionPrefix == null || !caller.maySupervise(regionPrefix)) {
            throw ApiException.forbidden("只有本省或本市的管理员可以比较其辖区各县区");
        }
        if (!regionPrefix.matches("\\d{2}|\\d{4}")) throw ApiException.validation("regionPrefix", "比较范围应为省（2 位）或市（4 位）区划代码");
        Period p = Period.parse(period, "period");
        Indicator rank = Indicator.parse(rankBy);
        int len = regionPrefix.length();
        return tx.read(regionPrefix, () -> {
            Map<String, Unit> units = new LinkedHashMap<>();
            // every county of the region on the platform, with or without figures
            jdbc.query("select tenant_code, name from tenant_model where length(tenant_code) = 6 and left(tenant_code, ?) = ? order by tenant_code",
                    rs -> { units.put(rs.getString(1), new Unit(rs.getString(1), rs.getString(2), Figures.ZERO)); }, len, regionPrefix);
            jdbc.query("""
                    select left(d.tenant_id, 6) as k, max(m.name) as name, %s
                    from comparison_tenant_month d left join tenant_model m on m.tenant_code = left(d.tenant_id, 6)
                    where d.month between ? and ? and d.tenant_id >= ? and d.tenant_id < ?
                    group by left(d.tenant_id, 6)""".formatted(Measure.sums()),
                    rs -> { units.put(rs.getString("k"), new Unit(rs.getString("k"), name(rs.getString("name"), rs.getString("k")), Figures.of(rs))); },
                    Date.valueOf(p.from()), Date.valueOf(p.covered()), regionPrefix, above(regionPrefix));
            List<Comparison.Point> trend = trend(p, "comparison_tenant_month", "tenant_id >= ? and tenant_id < ?", List.of(regionPrefix, above(regionPrefix)));
            return comparison(regionPrefix, "COUNTY", null, null, p, rank, new ArrayList<>(units.values()), trend);
        });
    }

    /**
     * Within a county (or town) tenant: its halls; with {@code hallKey}, that hall's windows; with {@code windowKey} too,
     * that window's staff. A regional administrator's view of a county takes in its towns' halls too.
     */
    Comparison drillDown(Caller caller, String tenantCode, String period, String hallKey, String windowKey, String rankBy) {
        if (caller.realm() != Realm.STAFF || tenantCode == null || !caller.mayRead(tenantCode)) {
            throw ApiException.forbidden("只能查看本中心或所辖区域的比较");
        }
        if (!DivisionCodes.isTenant(tenantCode)) throw ApiException.validation("tenantCode", "租户代码应为 4、6 或 9 位区划代码");
        if (windowKey != null && hallKey == null) throw ApiException.validation("windowKey", "查看窗口的工作人员时须先指定大厅（hallKey）");
        Period p = Period.parse(period, "period");
        Indicator rank = Indicator.parse(rankBy);
        String level = hallKey == null ? "HALL" : windowKey == null ? "WINDOW" : "STAFF";
        String[] group = switch (level) {
            case "HALL" -> new String[] {"hall_key", "max(hall_name)"};
            case "WINDOW" -> new String[] {"window_key", "max(window_name)"};
            default -> new String[] {"staff_key", "max(staff_name)"};
        };
        StringBuilder where = new StringBuilder("tenant_id >= ? and tenant_id < ?");
        List<Object> args = new ArrayList<>(List.of(tenantCode, above(tenantCode)));
        if (hallKey != null) {
            where.append(" and hall_key = ?");
            args.add(hallKey);
        }
        if (windowKey != null) {
            where.append(" and window_key = ?");
            args.add(windowKey);
        }
        // a regional administrator reads under its region's scope (the county's towns included); the county's own staff
        // under the county's
        String scope = caller.actsFor(tenantCode) ? tenantCode : caller.supervisedRegion().orElse(tenantCode);
        return tx.read(scope, () -> {
            List<Object> unitArgs = new ArrayList<>(List.of(Date.valueOf(p.from()), Date.valueOf(p.covered())));
            unitArgs.addAll(args);
            List<Unit> units = jdbc.query("""
                    select %s as k, %s as name, %s from comparison_unit_month where month between ? and ? and %s group by %s"""
                    .formatted(group[0], group[1], Measure.sums(), where, group[0]),
                    (rs, i) -> new Unit(rs.getString("k"), unitName(level, rs.getString("k"), rs.getString("name")), Figures.of(rs)),
                    unitArgs.toArray());
            List<Comparison.Point> trend = trend(p, "comparison_unit_month", where.toString(), args);
            return comparison(tenantCode, level, hallKey, windowKey, p, rank, units, trend);
        });
    }

    /** The scope's totals for the {@code grain.trend} periods up to {@code p}, oldest first (zero where nothing happened). */
    private List<Comparison.Point> trend(Period p, String table, String where, List<Object> whereArgs) {
        Period first = p.minus(p.grain().trend - 1);
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(first.from()), Date.valueOf(p.covered())));
        args.addAll(whereArgs);
        Map<java.time.LocalDate, Figures> byStart = new LinkedHashMap<>();
        jdbc.query("""
                select date_trunc('%s', month)::date as start, %s from %s where month between ? and ? and %s group by 1"""
                .formatted(p.grain().trunc, Measure.sums(), table, where),
                rs -> { byStart.put(rs.getDate("start").toLocalDate(), Figures.of(rs)); }, args.toArray());
        List<Comparison.Point> out = new ArrayList<>();
        for (int i = p.grain().trend - 1; i >= 0; i--) {
            Period q = p.minus(i);
            out.add(new Comparison.Point(q.label(), q.from(), q.covered(), byStart.getOrDefault(q.from(), Figures.ZERO).view()));
        }
        return out;
    }

    private static Comparison comparison(String scope, String level, String hallKey, String windowKey, Period p, Indicator rank,
                                         List<Unit> units, List<Comparison.Point> trend) {
        Figures total = Figures.ZERO;
        for (Unit u : units) total = total.plus(u.figures());
        units.sort(rank.order().thenComparing(Unit::key));
        List<Comparison.Unit> ranked = new ArrayList<>();
        Double previous = null;
        int r = 0;
        for (int i = 0; i < units.size(); i++) {
            Double v = rank.value(units.get(i).figures());
            if (i == 0 || v == null || !v.equals(previous)) r = i + 1;   // equal figures share a rank
            previous = v;
            ranked.add(new Comparison.Unit(r, units.get(i).key(), units.get(i).name(), units.get(i).figures().view()));
        }
        return new Comparison(scope, level, hallKey, windowKey, p.label(), p.from(), p.covered(), rank.name(), ranked, total.view(), trend);
    }

    private static String unitName(String level, String key, String name) {
        if (name != null) return name;
        return switch (level) {
            case "HALL" -> Contribution.NONE.equals(key) ? "（未注明大厅）" : key;
            case "WINDOW" -> Contribution.NONE.equals(key) ? WindowReports.NO_WINDOW : key;
            default -> Contribution.NONE.equals(key) ? "（未记录）" : key;
        };
    }

    /**
     * The first code after every code that starts with {@code prefix} (codes are digits): {@code tenant_id >= prefix and
     * tenant_id < above(prefix)} selects the codes under a division on the primary key's index, where {@code left()}
     * would read the whole table.
     */
    static String above(String prefix) {
        return prefix + "z";
    }

    private static String name(String name, String code) {
        return name == null ? code : name;
    }

    record Unit(String key, String name, Figures figures) {}

    /** The rollup's counters, summed; {@link #view()} adds the rates. */
    record Figures(int[] counts) {

        static final Figures ZERO = new Figures(new int[Measure.ALL.length]);

        static Figures of(ResultSet rs) throws SQLException {
            int[] c = new int[Measure.ALL.length];
            for (Measure m : Measure.ALL) c[m.ordinal()] = rs.getInt(m.column());
            return new Figures(c);
        }

        int get(Measure m) {
            return counts[m.ordinal()];
        }

        Figures plus(Figures o) {
            int[] c = counts.clone();
            for (int i = 0; i < c.length; i++) c[i] += o.counts[i];
            return new Figures(c);
        }

        Comparison.Figures view() {
            return new Comparison.Figures(get(Measure.ACCEPTED), get(Measure.COMPLETED), get(Measure.COMPLETED_ON_TIME),
                    rate(get(Measure.COMPLETED_ON_TIME), get(Measure.COMPLETED)), get(Measure.OVERDUE), get(Measure.OVERDUE_APPLICANT),
                    get(Measure.VISITS), get(Measure.REVIEWS), get(Measure.GOOD_REVIEWS), get(Measure.BAD_REVIEWS), get(Measure.UNRATED),
                    rate(get(Measure.GOOD_REVIEWS), get(Measure.REVIEWS)), rate(get(Measure.UNRATED), get(Measure.REVIEWS) + get(Measure.UNRATED)),
                    get(Measure.COMPLAINTS), get(Measure.COMPLAINTS_ACCEPTED), get(Measure.COMPLAINTS_CLOSED), get(Measure.COMPLAINTS_VERIFIED),
                    get(Measure.COMPLAINTS_SATISFIED));
        }
    }

    static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    /** What units are ranked by, and which end is better. */
    enum Indicator {
        VOLUME(true, f -> f.get(Measure.ACCEPTED)),
        ON_TIME_RATE(true, f -> nullable(f.view().onTimeRate())),
        OVERDUE(false, f -> f.get(Measure.OVERDUE)),
        GOOD_RATE(true, f -> nullable(f.view().goodRate())),
        UNRATED_RATE(false, f -> nullable(f.view().unratedRate())),
        COMPLAINTS(false, f -> f.get(Measure.COMPLAINTS));

        private final boolean higherIsBetter;
        private final ToDoubleFunction<Figures> value;

        Indicator(boolean higherIsBetter, ToDoubleFunction<Figures> value) {
            this.higherIsBetter = higherIsBetter;
            this.value = value;
        }

        static Indicator parse(String s) {
            if (s == null || s.isBlank()) return VOLUME;
            if (!CaseReportApi.Comparisons.INDICATORS.contains(s)) {
                throw ApiException.validation("rankBy", "排名指标应为 " + String.join("、", CaseReportApi.Comparisons.INDICATORS));
            }
            return valueOf(s);
        }

        Double value(Figures f) {
            double v = value.applyAsDouble(f);
            return Double.isNaN(v) ? null : v;
        }

        /** Best first; units without the figure (no completions, no reviews) last. */
        Comparator<Unit> order() {
            Comparator<Double> values = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
            return Comparator.comparing(u -> value(u.figures()), Comparator.nullsLast(values));
        }

        private static double nullable(Double d) {
            return d == null ? Double.NaN : d;
        }
    }
}
