package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.catalog.Cursors;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.common.api.Page;
import cn.zwy.tenant.catalog.ScopedId;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.TimeLimit;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The item list in one SQL statement, cheap at any number of tenants: the tenant's guides in
 * keyset order (index guide_tenant_order_idx), each joined to its one version in effect
 * (index guide_version_in_effect_idx), stopping after a page. Runs inside the caller's tenant
 * transaction, so row-level security applies as well as the explicit tenant condition.
 */
@Component
public class GuideQueries {

    private static final String COLUMNS = """
            v.id as version_id, v.number, v.status, v.effective_from, v.name, v.item_type, v.case_class, v.department,
            v.promised_limit, v.promised_unit, v.tags, v.tolerated_missing, v.cross_region""";

    private final JdbcTemplate jdbc;

    public GuideQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page<GuideViews.Summary> list(String tenantCode, ItemFilter f, boolean staffView, LocalDate today, Cursors.Key after, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select g.id, g.basic_code, ").append(COLUMNS).append(" from guide g cross join lateral (select * from guide_version v where v.guide_id = g.id ");
        if (staffView) {
            // staff see every adopted item by its newest version, the draft first
            sql.append("order by (v.status = 'DRAFT') desc, v.number desc limit 1) v where g.tenant_id = ?");
        } else {
            sql.append("and v.status <> 'DRAFT' and v.effective_from <= ? order by v.effective_from desc, v.number desc limit 1) v ")
               .append("where g.tenant_id = ? and v.status = 'PUBLISHED'");
            args.add(Date.valueOf(today));
        }
        args.add(tenantCode);
        if (after != null) {
            sql.append(" and (g.basic_code, g.id) > (?, ?)");
            args.add(after.sortKey());
            args.add(after.id());
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = escape(f.text().strip());
            sql.append(" and (v.name like ? or g.basic_code like ?)");
            args.add("%" + t + "%");
            args.add(t + "%");
        }
        if (f.itemType() != null) { sql.append(" and v.item_type = ?"); args.add(f.itemType().name()); }
        if (f.caseClass() != null) { sql.append(" and v.case_class = ?"); args.add(f.caseClass().name()); }
        if (f.tag() != null) { sql.append(" and v.tags like ?"); args.add("%," + f.tag().name() + ",%"); }
        if (f.toleratedMissing() != null) { sql.append(" and v.tolerated_missing = ?"); args.add(f.toleratedMissing()); }
        if (f.crossRegion() != null && f.crossRegion() != CrossRegionScope.NONE) {
            List<CrossRegionScope> wide = Arrays.stream(CrossRegionScope.values()).filter(s -> s.compareTo(f.crossRegion()) >= 0).toList();
            sql.append(" and v.cross_region in (").append(String.join(",", wide.stream().map(s -> "?").toList())).append(")");
            wide.forEach(s -> args.add(s.name()));
        }
        sql.append(" order by g.basic_code, g.id limit ?");
        args.add(size + 1);
        List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> row(tenantCode, rs), args.toArray());
        List<Page.Item<GuideViews.Summary>> items = rows.stream().limit(size)
                .map(r -> new Page.Item<>(Cursors.encode("it", r.basicCode, r.id), r.summary)).toList();
        return new Page<>(items, rows.size() > size, null);
    }

    private record Row(UUID id, String basicCode, GuideViews.Summary summary) {}

    private static Row row(String tenantCode, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String tags = rs.getString("tags");
        List<SixWay> tagList = tags == null || tags.isEmpty() ? List.of()
                : Arrays.stream(tags.split(",")).filter(s -> !s.isEmpty()).map(SixWay::valueOf).toList();
        Integer promised = (Integer) rs.getObject("promised_limit");
        String unit = rs.getString("promised_unit");
        String caseClass = rs.getString("case_class");
        Date effective = rs.getDate("effective_from");
        return new Row(id, rs.getString("basic_code"), new GuideViews.Summary(
                new ScopedId(tenantCode, id).toString(), tenantCode, rs.getString("basic_code"), rs.getString("name"),
                ItemType.valueOf(rs.getString("item_type")), caseClass == null ? null : CaseClass.valueOf(caseClass),
                rs.getString("department"), promised == null ? null : new TimeLimit(promised, unit == null ? null : LimitUnit.valueOf(unit)),
                tagList, rs.getBoolean("tolerated_missing"), CrossRegionScope.valueOf(rs.getString("cross_region")),
                new ScopedId(tenantCode, rs.getObject("version_id", UUID.class)).toString(), (Integer) rs.getObject("number"),
                GuideStatus.valueOf(rs.getString("status")), effective == null ? null : effective.toLocalDate()));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
