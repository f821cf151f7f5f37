package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.SupervisionApi;
import cn.zwy.cases.api.SupervisionApi.MaterialRef;
import cn.zwy.cases.api.SupervisionApi.Push;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval–supervision split (审管分离, C15). The centre administrator names each item's supervising
 * department among the tenant's departments. When a case of the item completes — decided by an approver,
 * deemed approved (C9) or finished on the spot (C3) — its result and a reference to its materials (names,
 * copies, upload ids: the department reads the files through the case, never a copy) are pushed to that
 * department's inbox in the completion's own transaction, so a completion is never without its push, and
 * announced on the event path (case.supervision.pushed, no personal data). The department acknowledges
 * each push once.
 */
@Component
class Supervision {

    static final String PUSHED = CaseService.EVENT_PREFIX + "supervision.pushed";

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final OutboxPublisher outbox;
    private final JsonMapper json;

    Supervision(JdbcTemplate jdbc, TenantTransactions tx, OutboxPublisher outbox, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
    }

    List<SupervisionApi.Item> items(Caller caller, String tenantCode) {
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的事项设置");
        return tx.read(tenantCode, () -> jdbc.query("""
                select s.*, d.name as department_name, (select g.name from guide_version_model g where g.item_id = s.item_id
                             order by g.effective_from desc, g.number desc limit 1) as item_name
                from supervision_item s join department_model d on d.id = s.department_id where s.tenant_id = ? order by s.item_id""",
                (rs, i) -> new SupervisionApi.Item(rs.getString("item_id"), rs.getString("item_name"), rs.getString("department_id"),
                        rs.getString("department_name"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()),
                tenantCode));
    }

    SupervisionApi.Item set(Caller caller, String tenantCode, String itemId, SupervisionApi.Assign body) {
        if (!caller.isCentreAdminOf(tenantCode)) throw ApiException.forbidden("监管部门只能由本中心管理员按事项设置");
        return tx.write(tenantCode, () -> {
            List<String> names = jdbc.queryForList("""
                    select name from guide_version_model where item_id = ? and tenant_id = ?
                    order by effective_from desc, number desc limit 1""", String.class, itemId, tenantCode);
            if (names.isEmpty()) throw ApiException.notFound("itemId", "本中心没有这个事项：" + itemId);
            if (body == null || body.departmentId() == null || body.departmentId().isBlank()) {
                jdbc.update("delete from supervision_item where tenant_id = ? and item_id = ?", tenantCode, itemId);
                return new SupervisionApi.Item(itemId, names.getFirst(), null, null, caller.displayName(), Instant.now());
            }
            UUID department = uuid("departmentId", body.departmentId());
            List<String> departments = jdbc.queryForList("select name from department_model where id = ?", String.class, department);
            if (departments.isEmpty()) throw ApiException.notFound("departmentId", "本中心没有这个部门：" + body.departmentId());
            Instant now = Instant.now();
            jdbc.update("""
                    insert into supervision_item (tenant_id, item_id, department_id, changed_by, changed_at) values (?, ?, ?, ?, ?)
                    on conflict (tenant_id, item_id) do update set department_id = excluded.department_id,
                        changed_by = excluded.changed_by, changed_at = excluded.changed_at""",
                    tenantCode, itemId, department, caller.displayName(), Timestamp.from(now));
            return new SupervisionApi.Item(itemId, names.getFirst(), department.toString(), departments.getFirst(), caller.displayName(), now);
        });
    }

    /**
     * In the completion's transaction (the case is COMPLETED): pushes it to the item's supervising
     * department, if it has one; the part of the completion's note that says so, or "".
     */
    String push(CaseRow c) {
        List<Map<String, Object>> dept = jdbc.queryForList("""
                select d.id, d.name from supervision_item s join department_model d on d.id = s.department_id
                where s.tenant_id = ? and s.item_id = ?""", c.tenantId, c.itemId);
        if (dept.isEmpty()) return "";
        UUID department = (UUID) dept.getFirst().get("id");
        String name = (String) dept.getFirst().get("name");
        int added = jdbc.update("""
                insert into supervision_push (case_id, tenant_id, department_id, case_number, item_id, item_name, result, result_reason,
                    materials, completed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, case_id) do nothing""",
                c.id, c.tenantId, department, c.caseNumber, c.itemId, c.itemName, c.result, c.resultReason,
                json.writeValueAsString(materials(c.materials)), Timestamp.from(c.updatedAt));
        if (added == 1) {
            outbox.publish(PUSHED, c.tenantId, "case", c.publicId().toString(), Map.of("caseId", c.publicId().toString(),
                    "caseNumber", c.caseNumber, "tenantCode", c.tenantId, "itemId", c.itemId, "departmentId", department.toString(),
                    "result", c.result));
        }
        return "；结果和材料已推送监管部门" + name + "（审管分离，C15）";
    }

    Page<Push> inbox(Caller caller, String tenantCode, String departmentId, Boolean unacknowledgedOnly, Integer first, String after) {
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心监管部门的推送");
        UUID department = uuid("departmentId", departmentId);
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        boolean open = Boolean.TRUE.equals(unacknowledgedOnly);
        return tx.read(tenantCode, () -> {
            String sql = "select p.*, d.name as department_name from supervision_push p join department_model d on d.id = p.department_id "
                    + "where p.tenant_id = ? and p.department_id = ?" + (open ? " and p.acknowledged_at is null" : "")
                    + (cursor == null ? "" : " and (p.completed_at, p.case_id) < (?, ?)") + " order by p.completed_at desc, p.case_id desc limit ?";
            List<Object> args = new ArrayList<>(List.of(tenantCode, department));
            if (cursor != null) {
                args.add(Timestamp.from(cursor.at()));
                args.add(cursor.id());
            }
            args.add(n + 1);
            List<Push> rows = jdbc.query(sql, (rs, i) -> push(rs), args.toArray());
            boolean more = rows.size() > n;
            return Page.of(more ? rows.subList(0, n) : rows, p -> new KeysetCursor(p.completedAt(), CaseId.parse("id", p.caseId()).id()).encode(),
                    more, null);
        });
    }

    Push acknowledge(Caller caller, String id) {
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(cid.tenantCode())) throw ApiException.forbidden("只能确认本中心监管部门的推送");
        return tx.write(cid.tenantCode(), () -> {
            jdbc.update("update supervision_push set acknowledged_at = ?, acknowledged_by = ? where case_id = ? and acknowledged_at is null",
                    Timestamp.from(Instant.now()), caller.displayName(), cid.id());
            return jdbc.query("select p.*, d.name as department_name from supervision_push p join department_model d on d.id = p.department_id "
                    + "where p.case_id = ?", (rs, i) -> push(rs), cid.id()).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("id", "该办件没有推送给监管部门"));
        });
    }

    private Push push(ResultSet rs) throws SQLException {
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        String tenant = rs.getString("tenant_id");
        return new Push(new CaseId(tenant, rs.getObject("case_id", UUID.class)).toString(), rs.getString("case_number"),
                rs.getString("item_id"), rs.getString("item_name"), rs.getString("department_id"), rs.getString("department_name"),
                rs.getString("result"), rs.getString("result_reason"),
                json.readValue(rs.getString("materials"), new TypeReference<List<MaterialRef>>() {}),
                rs.getTimestamp("completed_at").toInstant(), ack == null ? null : ack.toInstant(), rs.getString("acknowledged_by"));
    }

    private List<MaterialRef> materials(String caseMaterials) {
        List<CaseService.StoredMaterial> stored = json.readValue(caseMaterials, new TypeReference<List<CaseService.StoredMaterial>>() {});
        return stored.stream().map(m -> new MaterialRef(m.name(), m.copies(), m.uploadId())).toList();
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.validation(field, "部门编号格式不正确: " + value);
        }
    }


}
