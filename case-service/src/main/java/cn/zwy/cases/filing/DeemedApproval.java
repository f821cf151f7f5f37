package cn.zwy.cases.filing;

import cn.zwy.cases.api.DeemedApprovalApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * C9 deemed approval on timeout (超时默认). The tenant's switch per item is its own record; a case
 * accepted while the switch is on carries the promise from then on (its acceptance notice told the
 * applicant), and the overdue timer approves it if no decision came by the deadline
 * ({@link CaseTimerHandler}).
 */
@Component
class DeemedApproval {

    static final String NOTICE = "；逾期未作出决定的，视为准予（C9）";
    static final String DEEMED_REASON = "期限届满未作出决定，依规视为准予（C9）";

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;

    DeemedApproval(JdbcTemplate jdbc, TenantTransactions tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    List<DeemedApprovalApi.Item> items(Caller caller, String tenantCode) {
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的事项设置");
        return tx.read(tenantCode, () -> jdbc.query("""
                select d.*, (select g.name from guide_version_model g where g.item_id = d.item_id
                             order by g.effective_from desc, g.number desc limit 1) as item_name
                from deemed_approval_item d where d.tenant_id = ? order by d.item_id""",
                (rs, i) -> new DeemedApprovalApi.Item(rs.getString("item_id"), rs.getString("item_name"), rs.getBoolean("enabled"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()), tenantCode));
    }

    DeemedApprovalApi.Item set(Caller caller, String tenantCode, String itemId, DeemedApprovalApi.Switch body) {
        if (!caller.isCentreAdminOf(tenantCode)) throw ApiException.forbidden("超时默认只能由本中心管理员按事项开启或关闭");
        if (body == null || body.enabled() == null) throw ApiException.validation("enabled", "请说明开启（true）还是关闭（false）");
        return tx.write(tenantCode, () -> {
            List<String> names = jdbc.queryForList("""
                    select name from guide_version_model where item_id = ? and tenant_id = ?
                    order by effective_from desc, number desc limit 1""", String.class, itemId, tenantCode);
            if (names.isEmpty()) throw ApiException.notFound("itemId", "本中心没有这个事项：" + itemId);
            Instant now = Instant.now();
            jdbc.update("""
                    insert into deemed_approval_item (tenant_id, item_id, enabled, changed_by, changed_at) values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, item_id) do update set enabled = excluded.enabled, changed_by = excluded.changed_by,
                        changed_at = excluded.changed_at""", tenantCode, itemId, body.enabled(), caller.displayName(), Timestamp.from(now));
            return new DeemedApprovalApi.Item(itemId, names.getFirst(), body.enabled(), caller.displayName(), now);
        });
    }

    /** At acceptance, in the case's transaction: whether the case now carries the promise. */
    boolean promiseAtAcceptance(CaseRow c, LocalDate today) {
        Boolean on = jdbc.query("select enabled from deemed_approval_item where tenant_id = ? and item_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, c.tenantId, c.itemId);
        if (!Boolean.TRUE.equals(on)) return false;
        jdbc.update("insert into case_deemed_approval (case_id, tenant_id, promised_on) values (?, ?, ?) on conflict (tenant_id, case_id) do nothing",
                c.id, c.tenantId, Date.valueOf(today));
        return true;
    }

    boolean promised(CaseRow c) {
        Integer n = jdbc.queryForObject("select count(*) from case_deemed_approval where tenant_id = ? and case_id = ?",
                Integer.class, c.tenantId, c.id);
        return n != null && n > 0;
    }
}
