package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.cases.api.JointReviewApi.JointDepartment;
import cn.zwy.cases.api.JointReviewApi.JointReview;
import cn.zwy.cases.api.JointReviewApi.ReviewState;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Joint cases (联合办理, C10, seed 003 联合办理工作制度): one door accepts (一门受理), the departments review
 * at the same time (同步办理), within the limit (限时完成).
 *
 * <ul>
 * <li>The lead window names the departments when it accepts; the one acceptance notice lists them, every
 *     material and the time limit. A 联办件 item cannot be accepted without them.</li>
 * <li>Each department's review has its own clock: it starts on the acceptance day and is due one working
 *     day before the case's deadline (the lead keeps its last day to conclude), or on the deadline for a
 *     limit of one day.</li>
 * <li>A department that has given no opinion when its review falls due is deemed to agree (视缺席窗口默认议定事项),
 *     by a timer; a department whose part its upper authority approves is never deemed (its approval
 *     cannot be presumed): it escalates within 7 working days of acceptance (flagged when late), and
 *     when it records the upper reply the applicant is told at once (the rule allows 1 day).</li>
 * <li>The lead completes the case only when every department has answered or been deemed to agree, and
 *     cannot approve what a department (or its upper authority) refused.</li>
 * </ul>
 * Days are working days, as the time limits of 行政许可法 §82 and C4.
 */
@Component
class JointReviews {

    /** Working days from acceptance (the acceptance day being day 1) within which an escalation is due (C10). */
    static final int ESCALATE_WITHIN = 7;
    private static final int MAX_DEPARTMENTS = 20;

    private final JdbcTemplate jdbc;
    private final CaseQueries queries;
    private final GuideVersions guides;
    private final TenantTransactions tx;
    private final CaseViews views;

    JointReviews(JdbcTemplate jdbc, CaseQueries queries, GuideVersions guides, TenantTransactions tx, CaseViews views) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.guides = guides;
        this.tx = tx;
        this.views = views;
    }

    /** The due dates of a joint case's reviews, for its timers. */
    record Opened(LocalDate reviewDue, LocalDate escalateDue, String notice) {}

    /**
     * At acceptance, inside its transaction, after the deadline is set: stores the reviews and answers the
     * part of the acceptance notice that lists them; null for a case that is not joint.
     */
    Opened open(CaseRow c, List<JointDepartment> named, CaseClock.Facts facts, WorkingCalendar cal, LocalDate today) {
        boolean jointItem = "JOINT".equals(c.caseClass);
        if (named == null || named.isEmpty()) {
            if (jointItem) {
                throw CaseService.rule("C10", "jointDepartments", "联办件须在受理时列明参与联合办理的全部部门（一次告知）");
            }
            return null;
        }
        if ("INSTANT".equals(c.caseClass)) {
            throw CaseService.rule("C10", "jointDepartments", "即办件当场办结，不组织联合办理");
        }
        if (named.size() > MAX_DEPARTMENTS) throw ApiException.validation("jointDepartments", "联办部门不能超过 " + MAX_DEPARTMENTS + " 个");
        List<String> departments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            JointDepartment d = named.get(i);
            if (d == null) throw ApiException.validation("jointDepartments[" + i + "]", "联办部门为空");
            String name = CaseService.required("jointDepartments[" + i + "].department", d.department(), 100);
            if (!seen.add(name)) throw ApiException.validation("jointDepartments[" + i + "].department", "联办部门重复: " + name);
            departments.add(name);
        }
        int limit = facts.limit();
        LocalDate reviewDue = limit <= 1 ? c.deadline
                : CaseClock.deadline(new CaseClock.Facts(facts.start(), limit - 1, facts.unit(), facts.pauses(), 0), cal, today);
        LocalDate escalateDue = CaseClock.deadline(new CaseClock.Facts(today, ESCALATE_WITHIN, CaseClock.Unit.WORKING_DAY, List.of(), 0),
                cal, today);
        boolean anyUpper = false;
        StringBuilder who = new StringBuilder();
        for (int i = 0; i < named.size(); i++) {
            boolean upper = Boolean.TRUE.equals(named.get(i).upperApproval());
            anyUpper |= upper;
            jdbc.update("""
                    insert into case_joint_review (case_id, tenant_id, position, department, upper_approval, state, started_on, due, escalate_due)
                    values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""",
                    c.id, c.tenantId, i, departments.get(i), upper, CaseStore.date(today), CaseStore.date(reviewDue),
                    upper ? CaseStore.date(escalateDue) : null);
            who.append(i == 0 ? "" : "、").append(departments.get(i)).append(upper ? "（需报上级审批）" : "");
        }
        List<String> materials = guides.byId(c.guideVersionId).map(g -> g.materials().stream().map(GuideVersion.Material::name).toList()).orElse(List.of());
        String notice = "；联合办理（C10）：由本窗口主办，" + who + "同步审查，各部门于 " + reviewDue + " 前出具意见"
                + (anyUpper ? "，需上级审批的于 " + escalateDue + " 前上报" : "")
                + "；本阶段全部材料：" + String.join("、", materials);
        return new Opened(reviewDue, anyUpper ? escalateDue : null, notice);
    }

    /** A department's opinion (inside the staff action's transaction); the note of the case's record. */
    String answer(CaseRow c, Caller caller, String window, JointReviewApi.Answer body) {
        Row r = open(c, body.department());
        if (r.upperApproval) {
            throw CaseService.rule("C10", "department", r.department + "的意见以上级批复为准，请登记上级批复（recordJointUpperReply）");
        }
        if (body.agreed() == null) throw ApiException.validation("agreed", "请说明同意（true）还是不同意（false）");
        String opinion = opinion(body.agreed(), body.opinion());
        answered(c, r, body.agreed() ? ReviewState.AGREED : ReviewState.DISAGREED, opinion, caller.displayName(), window);
        return r.department + (body.agreed() ? "同意" : "不同意") + (opinion == null ? "" : "：" + opinion);
    }

    /** 上报: a department whose part its upper authority approves sends it up. */
    String escalate(CaseRow c, JointReviewApi.Escalate body) {
        Row r = open(c, body.department());
        if (!r.upperApproval) throw CaseService.rule("C10", "department", r.department + "在受理时未列为需报上级审批的部门");
        if (r.escalatedOn != null) throw CaseService.rule("C10", "department", r.department + "已于 " + r.escalatedOn + " 上报");
        String upper = CaseService.required("upperAuthority", body.upperAuthority(), 200);
        LocalDate today = Today.date();
        jdbc.update("update case_joint_review set escalated_on = ?, upper_authority = ? where tenant_id = ? and case_id = ? and department = ?",
                CaseStore.date(today), upper, c.tenantId, c.id, r.department);
        boolean late = today.isAfter(r.escalateDue);
        return r.department + "已上报" + upper + (late ? "（应于 " + r.escalateDue + " 前上报，已逾期，C10）" : "");
    }

    /** The upper authority's reply: the department's answer; the case's action tells the applicant (C10). */
    String upperReply(CaseRow c, Caller caller, String window, JointReviewApi.UpperReply body) {
        Row r = open(c, body.department());
        if (!r.upperApproval || r.escalatedOn == null) {
            throw CaseService.rule("C10", "department", r.department + "尚未上报，不能登记上级批复");
        }
        if (body.approved() == null) throw ApiException.validation("approved", "请说明上级批准（true）还是不批准（false）");
        String reply = CaseService.required("reply", body.reply(), 1000);
        jdbc.update("update case_joint_review set upper_reply_on = ?, upper_approved = ? where tenant_id = ? and case_id = ? and department = ?",
                CaseStore.date(Today.date()), body.approved(), c.tenantId, c.id, r.department);
        answered(c, r, body.approved() ? ReviewState.AGREED : ReviewState.DISAGREED, reply, caller.displayName(), window);
        return r.upperAuthority + "对" + r.department + "上报事项的批复：" + (body.approved() ? "批准" : "不批准") + "，" + reply;
    }

    /** Before the lead completes a joint case: every department has answered, and none refused what is approved. */
    void checkCompletion(CaseRow c, boolean approved) {
        for (Row r : rows(c.tenantId, c)) {
            if (r.state == ReviewState.PENDING) {
                throw CaseService.rule("C10", "status", "联办部门" + r.department + "尚未出具意见（期限 " + r.due + "），不能办结");
            }
            if (approved && r.state == ReviewState.DISAGREED) {
                throw CaseService.rule("C10", "approved", r.department + "不同意，联办件不能准予：" + (r.opinion == null ? "" : r.opinion));
            }
        }
    }

    /**
     * The review timer (the day after the reviews fell due): departments without an opinion that do not
     * wait for an upper authority are deemed to agree. The note of the case's record, or null when none was.
     */
    String deemAgreement(CaseRow c, LocalDate due) {
        if (c.status != CaseStatus.ACCEPTED) return null;
        List<String> deemed = new ArrayList<>();
        for (Row r : rows(c.tenantId, c)) {
            if (r.state != ReviewState.PENDING || r.upperApproval || !r.due.equals(due) || !Today.date().isAfter(r.due)) continue;
            answered(c, r, ReviewState.DEEMED_AGREED, "逾期未出具意见，视为同意（C10）", CaseTimerHandler.PLATFORM.name(), null);
            deemed.add(r.department);
        }
        return deemed.isEmpty() ? null : String.join("、", deemed) + "未在 " + due + " 前出具意见，视为同意（C10）";
    }

    /** The escalation timer: departments that have not escalated by their due date; null when all did. */
    String lateEscalations(CaseRow c, LocalDate due) {
        if (c.status != CaseStatus.ACCEPTED) return null;
        List<String> late = rows(c.tenantId, c).stream()
                .filter(r -> r.upperApproval && r.escalatedOn == null && due.equals(r.escalateDue) && Today.date().isAfter(due))
                .map(r -> r.department).toList();
        return late.isEmpty() ? null : String.join("、", late) + "未在受理后 " + ESCALATE_WITHIN + " 个工作日内（" + due + " 前）上报上级（C10），列入督办";
    }

    /** The reviews of a case, for whoever may read it (its applicant, the tenant's staff, its province's administrator). */
    List<JointReview> list(Caller caller, String id) {
        // read as the case is; the hall that received it or the level it went up to see no reviews (the owner's rows)
        return queries.read(caller, id, (c, staff) -> {
            LocalDate today = Today.date();
            return rows(c.tenantId, c).stream().map(r -> review(r, today)).toList();
        });
    }

    /**
     * A department's work list (C10): the reviews of the tenant's accepted joint cases still waiting for an opinion,
     * the soonest due first, each with its case as the inbox shows it; with {@code department} only that department's
     * (the name as named at acceptance). The tenant's own staff only, as they act on the reviews; the opinion itself
     * stays the approver's ({@code answerJointReview}).
     */
    List<JointReviewApi.PendingReview> pending(Caller caller, String tenantCode, String department) {
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) {
            throw ApiException.forbidden("只有本中心的工作人员可以查看待出具意见的联办件");
        }
        String name = department == null || department.isBlank() ? null : CaseService.trimmed("department", department, 100);
        return tx.read(tenantCode, () -> {
            List<Object> args = new ArrayList<>(List.of(tenantCode));
            if (name != null) args.add(name);
            args.add(JointReviewApi.MAX_PENDING);
            List<UUID> caseIds = new ArrayList<>();
            List<Row> rows = jdbc.query("""
                    select r.* from case_joint_review r join case_file c on c.tenant_id = r.tenant_id and c.id = r.case_id
                    where r.tenant_id = ? and r.state = 'PENDING' and c.status = 'ACCEPTED'"""
                    + (name == null ? "" : " and r.department = ?") + " order by r.due, r.case_id, r.position limit ?",
                    (rs, n) -> {
                        caseIds.add(rs.getObject("case_id", UUID.class));
                        return row(rs);
                    }, args.toArray());
            if (rows.isEmpty()) return List.<JointReviewApi.PendingReview>of();
            List<UUID> distinct = caseIds.stream().distinct().toList();
            Map<UUID, CaseSummary> cases = new HashMap<>();
            List<Object> ids = new ArrayList<>(List.of(tenantCode));
            ids.addAll(distinct);
            jdbc.query("select * from case_file where tenant_id = ? and id in (" + String.join(", ", java.util.Collections.nCopies(distinct.size(), "?")) + ")",
                    (rs, n) -> CaseStore.row(rs, n), ids.toArray()).forEach(c -> cases.put(c.id, views.summary(c)));
            LocalDate today = Today.date();
            List<JointReviewApi.PendingReview> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                CaseSummary c = cases.get(caseIds.get(i));
                if (c == null) continue;
                out.add(new JointReviewApi.PendingReview(c, review(r, today)));
            }
            return out;
        });
    }

    private static JointReview review(Row r, LocalDate today) {
        return new JointReview(r.department, r.upperApproval, r.state, r.startedOn, r.due,
                r.state == ReviewState.PENDING && today.isAfter(r.due), r.escalateDue, r.escalatedOn, r.upperAuthority,
                r.upperReplyOn, r.upperApproved, r.opinion, r.answeredBy, r.window, r.answeredAt);
    }

    // ------------------------------------------------------------------ rows

    private record Row(String department, boolean upperApproval, ReviewState state, LocalDate startedOn, LocalDate due,
                       LocalDate escalateDue, LocalDate escalatedOn, String upperAuthority, LocalDate upperReplyOn,
                       Boolean upperApproved, String opinion, String answeredBy, String window, Instant answeredAt) {}

    private List<Row> rows(String tenant, CaseRow c) {
        return jdbc.query("select * from case_joint_review where tenant_id = ? and case_id = ? order by position",
                (rs, n) -> row(rs), tenant, c.id);
    }

    /** The named department's review of an open joint case, still waiting for its answer. */
    private Row open(CaseRow c, String department) {
        if (c.status != CaseStatus.ACCEPTED) throw CaseService.rule("C10", "status", "办件" + c.status.label() + "，联合办理已结束");
        String name = CaseService.required("department", department, 100);
        List<Row> all = rows(c.tenantId, c);
        if (all.isEmpty()) throw CaseService.rule("C10", "id", "该办件不是联办件");
        Row r = all.stream().filter(x -> x.department.equals(name)).findFirst()
                .orElseThrow(() -> ApiException.validation("department", "该部门不在本联办件的联办部门中: " + name));
        if (r.state != ReviewState.PENDING) {
            throw CaseService.rule("C10", "department", r.department + "已出具意见（" + label(r.state) + "），不能再次出具");
        }
        return r;
    }

    private void answered(CaseRow c, Row r, ReviewState state, String opinion, String by, String window) {
        jdbc.update("""
                update case_joint_review set state = ?, opinion = ?, answered_by = ?, window_name = ?, answered_at = ?
                where tenant_id = ? and case_id = ? and department = ? and state = 'PENDING'""",
                state.name(), opinion, by, window, Timestamp.from(Instant.now()), c.tenantId, c.id, r.department);
    }

    private static String opinion(boolean agreed, String opinion) {
        if (!agreed && (opinion == null || opinion.isBlank())) throw ApiException.validation("opinion", "不同意须说明理由");
        return opinion == null || opinion.isBlank() ? null : CaseService.trimmed("opinion", opinion, 1000);
    }

    private static String label(ReviewState s) {
        return switch (s) {
            case PENDING -> "待出具";
            case AGREED -> "同意";
            case DISAGREED -> "不同意";
            case DEEMED_AGREED -> "视为同意";
        };
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        Object upperApproved = rs.getObject("upper_approved");
        return new Row(rs.getString("department"), rs.getBoolean("upper_approval"), ReviewState.valueOf(rs.getString("state")),
                day(rs, "started_on"), day(rs, "due"), day(rs, "escalate_due"), day(rs, "escalated_on"), rs.getString("upper_authority"),
                day(rs, "upper_reply_on"), upperApproved == null ? null : (Boolean) upperApproved, rs.getString("opinion"),
                rs.getString("answered_by"), rs.getString("window_name"), answered == null ? null : answered.toInstant());
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
