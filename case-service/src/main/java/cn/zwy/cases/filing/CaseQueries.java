package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.InboxFilter;
import cn.zwy.cases.api.DishonestyEntry;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads: one case, a citizen's own cases, a tenant's inbox. Checked here whatever the gateway did. */
@Service
public class CaseQueries {

    static final int MAX_FIRST = CaseApi.MAX_FIRST;
    private static final LocalDate NO_DEADLINE = LocalDate.of(9999, 12, 31);

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final CaseStore store;
    private final CaseViews views;

    CaseQueries(TenantTransactions tx, JdbcTemplate jdbc, CaseStore store, CaseViews views) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.store = store;
        this.views = views;
    }

    /**
     * A citizen sees only their own case (another's is NOT_FOUND, as if absent); staff their tenant's,
     * the cases their hall received for another tenant (C12) and those a lower level sent up to them (C11),
     * read under their own tenant's binding, where row-level security shows exactly those; any other
     * case is NOT_FOUND.
     */
    public CaseView get(Caller caller, String id) {
        return read(caller, id, (c, staff) -> views.view(c, staff));
    }

    /** What {@code read} makes of the case (and whether the caller reads it as staff), as {@link #get} lets the caller see it. */
    <T> T read(Caller caller, String id, java.util.function.BiFunction<CaseRow, Boolean, T> read) {
        CaseId cid = CaseId.parse("id", id);
        boolean staff = caller.realm() == Realm.STAFF;
        if (staff && !caller.mayRead(cid.tenantCode())) {
            String hall = caller.tenant().filter(caller::actsFor).orElseThrow(() -> ApiException.forbidden("只能查看本中心的办件"));
            return tx.read(hall, () -> read.apply(store.find(cid.tenantCode(), cid.id())
                    .filter(c -> hall.equals(c.receivingTenantId) || hall.equals(c.escalatedTo))
                    .orElseThrow(() -> CaseService.notFound(id)), true));
        }
        return tx.read(cid.tenantCode(), () -> read.apply(store.find(cid.tenantCode(), cid.id())
                .filter(c -> staff || c.filedBy(caller))
                .orElseThrow(() -> CaseService.notFound(id)), staff));
    }

    /** The caller's own cases across tenants, newest first. */
    public Page<CaseSummary> mine(Caller caller, Integer first, String after) {
        CaseService.requireCitizen(caller);
        int n = first(first);
        String[] cursor = after == null ? null : decode("after", after, 2);
        List<Map<String, Object>> rows = tx.platform(() -> cursor == null
                ? jdbc.queryForList("""
                        select case_id, tenant_id, submitted_at from citizen_case where citizen_id = ?
                        order by submitted_at desc, case_id desc limit ?""", caller.userId(), n + 1)
                : jdbc.queryForList("""
                        select case_id, tenant_id, submitted_at from citizen_case where citizen_id = ?
                          and (submitted_at, case_id) < (?, ?)
                        order by submitted_at desc, case_id desc limit ?""",
                        caller.userId(), Timestamp.from(Instant.parse(cursor[0])), UUID.fromString(cursor[1]), n + 1));
        boolean more = rows.size() > n;
        List<Map<String, Object>> page = more ? rows.subList(0, n) : rows;
        Map<String, List<UUID>> byTenant = new LinkedHashMap<>();
        for (Map<String, Object> r : page) {
            byTenant.computeIfAbsent((String) r.get("tenant_id"), t -> new ArrayList<>()).add((UUID) r.get("case_id"));
        }
        Map<UUID, CaseSummary> found = new HashMap<>();
        byTenant.forEach((tenant, ids) -> tx.read(tenant, () -> {
            for (UUID id : ids) store.find(tenant, id).ifPresent(c -> found.put(id, views.summary(c)));
            return null;
        }));
        List<Page.Item<CaseSummary>> items = new ArrayList<>();
        for (Map<String, Object> r : page) {
            CaseSummary s = found.get((UUID) r.get("case_id"));
            if (s == null) continue;
            Instant at = ((Timestamp) r.get("submitted_at")).toInstant();
            items.add(new Page.Item<>(encode(at.toString(), r.get("case_id").toString()), s));
        }
        return new Page<>(items, more, null);
    }

    /**
     * A tenant's open cases, soonest deadline first (not yet accepted ones after them, by filing time):
     * its own (a case filed at another region's hall only once it arrived, C12), or those its hall
     * received for other tenants (RECEIVED_FOR_OTHERS, under the receiving policies of row-level security),
     * or those a lower level sent up to it (ESCALATED_TO_US, C11, under the escalation policies), or its
     * own cases assigned to one of its departments (OWN with a department: its queue, T5), or those
     * received at the caller's own station (AT_MY_STATION, T3: also before they reached the centre).
     */
    public Page<CaseSummary> inbox(Caller caller, String tenantCode, InboxFilter filter, String departmentId, Integer first, String after) {
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的办件");
        int n = first(first);
        InboxFilter f = filter == null ? InboxFilter.OWN : filter;
        UUID department = departmentId == null ? null : department(departmentId);
        if (department != null && f != InboxFilter.OWN) {
            throw ApiException.validation("departmentId", "部门队列只适用于本中心自己的办件（filter: OWN）");
        }
        String[] cursor = after == null ? null : decode("after", after, 3);
        // T3: a station's queue is its own staff's (the agents posted there)
        String site = f != InboxFilter.AT_MY_STATION ? null : caller.site().filter(s -> caller.actsFor(tenantCode))
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "只有驻代办点（site）的本中心工作人员可以查看代办点的办件（T3）", "filter", "T3"));
        return tx.read(tenantCode, () -> {
            String open = "status in ('SUBMITTED', 'CORRECTION_REQUIRED', 'ACCEPTED', 'COMPLETED') and " + switch (f) {
                case RECEIVED_FOR_OTHERS -> "receiving_tenant_id = ? and tenant_id <> receiving_tenant_id";
                case ESCALATED_TO_US -> "escalated_to = ?";
                case OWN -> "tenant_id = ? and (relay_state is null or relay_state = 'ARRIVED')"
                        + (department == null ? "" : " and department_id = ?");
                case AT_MY_STATION -> "tenant_id = ? and station_site = ?";
            };
            String order = " order by coalesce(deadline, date '9999-12-31'), submitted_at, id limit ?";
            List<Object> args = new ArrayList<>();
            args.add(tenantCode);
            if (department != null) args.add(department);
            if (site != null) args.add(site);
            String sql = "select * from case_file where " + open;
            if (cursor != null) {
                sql += " and (coalesce(deadline, date '9999-12-31'), submitted_at, id) > (?, ?, ?)";
                args.add(Date.valueOf(LocalDate.parse(cursor[0])));
                args.add(Timestamp.from(Instant.parse(cursor[1])));
                args.add(UUID.fromString(cursor[2]));
            }
            args.add(n + 1);
            List<CaseRow> rows = jdbc.query(sql + order, CaseStore::row, args.toArray());
            boolean more = rows.size() > n;
            List<Page.Item<CaseSummary>> items = new ArrayList<>();
            for (CaseRow c : more ? rows.subList(0, n) : rows) {
                LocalDate key = c.deadline == null ? NO_DEADLINE : c.deadline;
                items.add(new Page.Item<>(encode(key.toString(), c.submittedAt.toString(), c.id.toString()), views.summary(c)));
            }
            return new Page<>(items, more, null);
        });
    }

    /** C5: the tenant's dishonesty list, for its own staff (and the province's administrator) only. */
    public List<DishonestyEntry> dishonesty(Caller caller, String tenantCode) {
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("失信名单仅限本中心工作人员查看");
        return tx.read(tenantCode, () -> jdbc.query("""
                select d.*, c.case_number, c.applicant_id_masked from dishonesty_entry d join case_file c on c.tenant_id = d.tenant_id and c.id = d.case_id
                where d.tenant_id = ? order by d.listed_on desc, d.id""",
                (rs, i) -> new DishonestyEntry(new CaseId(tenantCode, rs.getObject("case_id", UUID.class)).toString(),
                        rs.getString("case_number"), rs.getString("applicant_name"), rs.getString("applicant_id_masked"),
                        rs.getString("reason"), rs.getDate("listed_on").toLocalDate(), rs.getDate("expires_on").toLocalDate(),
                        rs.getString("appeal")), tenantCode));
    }

    private static UUID department(String departmentId) {
        try {
            return UUID.fromString(departmentId);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("departmentId", "部门编号格式不正确: " + departmentId);
        }
    }

    private static int first(Integer first) {
        if (first == null) return 20;
        if (first < 1 || first > MAX_FIRST) throw ApiException.validation("first", "first 应在 1 到 " + MAX_FIRST + " 之间");
        return first;
    }

    private static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String field, String cursor, int parts) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (p.length != parts) throw new IllegalArgumentException();
            return p;
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "分页游标无效");
        }
    }
}
