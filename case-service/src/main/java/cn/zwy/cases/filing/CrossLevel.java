package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CrossLevelApi;
import cn.zwy.cases.api.CrossLevelApi.Escalation;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cross-level cases (跨层联办, C11, seed 003 跨层联办工作制度: 首接受理、通知相关、跟踪联办、负责到底).
 *
 * <p>The first-receiving unit accepts and reviews the case (初审), then sends it up: it goes to the nearest
 * tenant above its own on the platform (a town's county, a county's city where the city is a tenant, T2), which finds it in its inbox and replies
 * (approve or refuse, with its reasons) under row-level security policies keyed on the case's
 * {@code escalated_to}, as a receiving hall reaches the cases it received (C12). The case stays the first
 * unit's: its clock keeps running within the promised limit, it tracks the reply on the case, and it
 * answers the applicant by completing the case — not before the reply, and not approving what the upper
 * level refused. Where no level above is on the platform (the county's city is not onboarded; provinces are
 * never tenants) the escalation is refused with that reason: it goes through the upper level's own system.
 */
@Component
class CrossLevel {

    private final JdbcTemplate jdbc;
    private final CaseQueries queries;
    private final TenantReadModel tenants;

    CrossLevel(JdbcTemplate jdbc, CaseQueries queries, TenantReadModel tenants) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.tenants = tenants;
    }

    /** Inside the first unit's staff action: sends the case up; the note of its record. */
    String escalate(CaseRow c, Caller caller, CrossLevelApi.Escalate body) {
        if (c.status != CaseStatus.ACCEPTED) throw CaseService.rule("C11", "status", "须受理并初审通过后才能跨层级转报（办件" + c.status.label() + "）");
        if (c.escalatedTo != null) throw CaseService.rule("C11", "status", "该办件已转报 " + c.escalatedTo + "，不能重复转报");
        String reason = CaseService.required("reason", body.reason(), 500);
        TenantReadModel.Tenant upper = tenants.parentOf(c.tenantId).orElseThrow(() -> CaseService.rule("C11", "id",
                "本平台上没有开通的上级（" + c.tenantId + " 之上），请通过上级的办件系统报送"));
        jdbc.update("""
                insert into case_escalation (case_id, tenant_id, upper_tenant_id, reason, escalated_on, escalated_by, state)
                values (?, ?, ?, ?, ?, ?, 'AWAITING_UPPER')""",
                c.id, c.tenantId, upper.code(), reason, CaseStore.date(Today.date()), caller.displayName());
        c.escalatedTo = upper.code();
        return "初审通过，跨层级转报" + upper.name() + "（" + upper.code() + "）：" + reason + "；本单位跟踪办理并在承诺期限内答复申请人（C11）";
    }

    /** Inside the upper level's action (bound to its own tenant): its reply; the note of the case's record. */
    String reply(CaseRow c, Caller caller, String window, CrossLevelApi.Reply body) {
        if (c.status != CaseStatus.ACCEPTED) throw CaseService.rule("C11", "status", "办件" + c.status.label() + "，不能再批复");
        Escalation e = find(c).orElseThrow(() -> CaseService.notFound(c.publicId().toString()));
        if (e.state() == CrossLevelApi.State.ANSWERED) throw CaseService.rule("C11", "status", "已于 " + e.repliedOn() + " 批复，不能重复批复");
        if (body.approved() == null) throw ApiException.validation("approved", "请说明批准（true）还是不批准（false）");
        String reply = CaseService.required("reply", body.reply(), 1000);
        jdbc.update("""
                update case_escalation set state = 'ANSWERED', approved = ?, reply = ?, replied_on = ?, replied_by = ?, reply_window = ?
                where case_id = ? and state = 'AWAITING_UPPER'""",
                body.approved(), reply, CaseStore.date(Today.date()), caller.displayName(), window, c.id);
        return "上级批复：" + (body.approved() ? "批准" : "不批准") + "，" + reply + "；由首接单位答复申请人（C11）";
    }

    /** Before the first unit completes: the upper level has replied, and it does not approve what was refused. */
    void checkCompletion(CaseRow c, boolean approved) {
        if (c.escalatedTo == null) return;
        Escalation e = find(c).orElseThrow();
        if (e.state() == CrossLevelApi.State.AWAITING_UPPER) {
            throw CaseService.rule("C11", "status", "已转报" + e.upperTenantName() + "，须待上级批复后才能办结");
        }
        if (approved && !Boolean.TRUE.equals(e.approved())) {
            throw CaseService.rule("C11", "approved", e.upperTenantName() + "不批准，不能准予：" + e.reply());
        }
    }

    /**
     * The case's escalation for the first unit's staff (and its province's administrator), the upper level's
     * staff (read under their own tenant's binding, where row-level security shows the cases sent up to them)
     * and the applicant.
     */
    Escalation get(Caller caller, String id) {
        return queries.read(caller, id, (c, staff) -> find(c).orElseThrow(() -> ApiException.notFound("id", "该办件没有跨层级转报")));
    }

    private Optional<Escalation> find(CaseRow c) {
        return jdbc.query("select e.*, t.name as upper_name from case_escalation e "
                + "left join tenant_model t on t.tenant_code = e.upper_tenant_id where e.case_id = ?", (rs, n) -> {
            String upper = rs.getString("upper_tenant_id");
            java.sql.Date replied = rs.getDate("replied_on");
            Object approved = rs.getObject("approved");
            String name = rs.getString("upper_name");
            return new Escalation(upper, name == null ? upper : name, rs.getString("reason"),
                    rs.getDate("escalated_on").toLocalDate(), rs.getString("escalated_by"),
                    CrossLevelApi.State.valueOf(rs.getString("state")), approved == null ? null : (Boolean) approved,
                    rs.getString("reply"), replied == null ? null : replied.toLocalDate(), rs.getString("replied_by"));
        }, c.id).stream().findFirst();
    }
}
