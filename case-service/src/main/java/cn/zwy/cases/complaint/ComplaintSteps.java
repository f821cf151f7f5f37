package cn.zwy.cases.complaint;

import cn.zwy.cases.api.ComplaintApi;
import cn.zwy.cases.api.ComplaintApi.Complaint;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.cases.messages.ComplaintMessage;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.ScopedId;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The steps of a complaint after it came in. The centre's administrator or supervisor decides acceptance (P2: accepted,
 * on the spot or after checking, or refused with the reason and the proper channel), assigns the handling mode and
 * complexity (P3: direct investigation, transfer to a department, supervision; simple 3, complex 10 working days from
 * acceptance), and records the result and whether the complaint was verified (P4, P5); the centre administrator (the
 * head who approves it) delays a special one to at most 30 working days with a written notice to the complainant (P3).
 * The complainant — or, for one without an account, the handling staff who heard them by phone or letter — answers
 * satisfied or not and may ask for a review within 15 working days of the result (P4). Each step locks the row, is
 * checked against the state it may start from (RULE_VIOLATION with the rule otherwise, nothing changed), tells the
 * complainant where they have an account, and is an event on the outbox.
 */
@Service
class ComplaintSteps {

    private static final Logger log = LoggerFactory.getLogger(ComplaintSteps.class);
    static final List<String> MODES = List.of("DIRECT", "TRANSFER", "SUPERVISE");
    static final List<String> REFUSAL_CHANNELS = List.of("LITIGATION", "ARBITRATION", "ADMINISTRATIVE_RECONSIDERATION", "PETITION", "DEPARTMENT");

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ComplaintRows rows;
    private final ComplaintViews views;
    private final ComplaintTimers timers;
    private final ComplaintEvents events;
    private final FilingReadModels readModels;
    private final CitizenMessages messages;
    private final ComplaintProperties props;

    ComplaintSteps(TenantTransactions tx, JdbcTemplate jdbc, ComplaintRows rows, ComplaintViews views, ComplaintTimers timers,
                   ComplaintEvents events, FilingReadModels readModels, CitizenMessages messages, ComplaintProperties props) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.timers = timers;
        this.events = events;
        this.readModels = readModels;
        this.messages = messages;
        this.props = props;
    }

    private interface Step {
        /** Applies the step to the locked row (checked for who may take it); answers the event to publish, or null. */
        String apply(ComplaintRows.Row r, Instant now, LocalDate today, Map<String, Object> extra);
    }

    /** Who may take a step. */
    private enum Who { HANDLER, HEAD, COMPLAINANT }

    Complaint accept(Caller caller, String id, ComplaintApi.Accept in) {
        return step(caller, id, in == null ? null : in.version(), Who.HANDLER, (r, now, today, extra) -> {
            requireState(r, "受理", "P2", "FILED");
            boolean onSpot = in != null && Boolean.TRUE.equals(in.onSpot());
            // a general complaint is handled within 3 working days of acceptance until its complexity is assessed (P3)
            LocalDate due = readModels.workingDaysAfter(today, props.simpleDays());
            jdbc.update("""
                    update complaint set state = 'ACCEPTED', accepted_at = ?, accepted_by = ?, accepted_on_spot = ?, complexity = 'SIMPLE',
                        handle_due_on = ? where id = ?""", Timestamp.from(now), caller.username(), onSpot, Date.valueOf(due), r.id());
            timers.due(ComplaintTimers.Step.HANDLING, r.tenant(), r.id(), due);
            tell(r, ComplaintMessage.Kind.COMPLAINT_ACCEPTED, "您于 " + day(r.filedAt()) + " 提出的投诉已受理，将在 " + due
                    + " 前办结并答复您（一般投诉 3 个工作日；较复杂的投诉 10 个工作日，届时另行告知）。", now);
            extra.put("acceptedOnSpot", onSpot);
            extra.put("acceptedLate", today.isAfter(r.acceptDueOn()));
            return "accepted";
        });
    }

    Complaint refuse(Caller caller, String id, ComplaintApi.Refuse in) {
        return step(caller, id, in == null ? null : in.version(), Who.HANDLER, (r, now, today, extra) -> {
            requireState(r, "作出不予受理决定", "P2", "FILED");
            String reason = Complaints.trimmed("reason", in == null ? null : in.reason(), 1000);
            if (reason == null) throw new ApiException(ErrorCode.RULE_VIOLATION, "不予受理应说明理由和依据（P2）", "reason", "P2");
            String channel = in.channel();
            if (channel == null) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "不予受理应告知投诉人合法的投诉渠道（诉讼、仲裁、行政复议、信访或有关职能部门，P2）", "channel", "P2");
            }
            if (!REFUSAL_CHANNELS.contains(channel)) {
                throw ApiException.validation("channel", "投诉渠道应为 " + String.join("、", REFUSAL_CHANNELS));
            }
            String guidance = Complaints.trimmed("guidance", in.guidance(), 1000);
            if (guidance == null) guidance = ComplaintApi.guidance(channel);
            jdbc.update("""
                    update complaint set state = 'REFUSED', refused_at = ?, refused_by = ?, refusal_reason = ?, refusal_channel = ?,
                        refusal_guidance = ? where id = ?""", Timestamp.from(now), caller.username(), reason, channel, guidance, r.id());
            tell(r, ComplaintMessage.Kind.COMPLAINT_REFUSED, "您于 " + day(r.filedAt()) + " 提出的投诉不予受理。理由：" + reason + "。" + guidance, now);
            extra.put("outcome", "REFUSED");
            extra.put("refusalChannel", channel);
            extra.put("verified", false);
            return "closed";
        });
    }

    Complaint assign(Caller caller, String id, ComplaintApi.Assign in) {
        return step(caller, id, in == null ? null : in.version(), Who.HANDLER, (r, now, today, extra) -> {
            requireState(r, "分派办理", "P3", "ACCEPTED");
            String mode = in == null ? null : in.mode();
            if (mode == null || !MODES.contains(mode)) throw ApiException.validation("mode", "办理方式应为 直查 DIRECT、转办 TRANSFER 或 督办 SUPERVISE（P3）");
            String complexity = in.complexity();
            if ("SPECIAL".equals(complexity) || "SPECIAL".equals(r.complexity())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "比较特殊的投诉须经中心负责人批准延期（最多 30 个工作日），并书面告知投诉人延期理由：请使用 delayComplaint（P3）",
                        "complexity", "P3");
            }
            if (!"SIMPLE".equals(complexity) && !"COMPLEX".equals(complexity)) {
                throw ApiException.validation("complexity", "复杂程度应为 一般 SIMPLE（3 个工作日）或 较复杂 COMPLEX（10 个工作日，P3）");
            }
            String department = Complaints.trimmed("department", in.department(), 200);
            if (!"DIRECT".equals(mode) && department == null) {
                throw ApiException.validation("department", "转办、督办须写明承办的职能部门（P3）");
            }
            String handler = Complaints.trimmed("handler", in.handler(), 100);
            LocalDate due = readModels.workingDaysAfter(r.acceptedOn(), "COMPLEX".equals(complexity) ? props.complexDays() : props.simpleDays());
            jdbc.update("""
                    update complaint set handling_mode = ?, complexity = ?, department = ?, handler = ?, assigned_at = ?, assigned_by = ?,
                        handle_due_on = ? where id = ?""", mode, complexity, department, handler, Timestamp.from(now), caller.username(),
                    Date.valueOf(due), r.id());
            timers.due(ComplaintTimers.Step.HANDLING, r.tenant(), r.id(), due);
            return "assigned";
        });
    }

    Complaint delay(Caller caller, String id, ComplaintApi.Delay in) {
        return step(caller, id, in == null ? null : in.version(), Who.HEAD, (r, now, today, extra) -> {
            requireState(r, "延期", "P3", "ACCEPTED");
            String notice = Complaints.trimmed("notice", in == null ? null : in.notice(), 2000);
            if (notice == null) throw new ApiException(ErrorCode.RULE_VIOLATION, "延期须书面告知投诉人延期理由（P3）", "notice", "P3");
            int days = in.workingDays() == null ? props.specialDays() : in.workingDays();
            int current = "COMPLEX".equals(r.complexity()) ? props.complexDays() : props.simpleDays();
            if ("SPECIAL".equals(r.complexity())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "该投诉已延期一次（至 " + r.handleDueOn() + "），特殊投诉最长 " + props.specialDays() + " 个工作日（P3）",
                        "workingDays", "P3");
            }
            if (days > props.specialDays() || days <= current) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "延期后的办理期限应多于原期限（" + current + " 个工作日）且自受理之日起最多 "
                        + props.specialDays() + " 个工作日（P3）", "workingDays", "P3");
            }
            if (today.isAfter(r.handleDueOn())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "办理期限已于 " + r.handleDueOn() + " 届满，延期须在期限届满前决定（P3）", "id", "P3");
            }
            LocalDate due = readModels.workingDaysAfter(r.acceptedOn(), days);
            jdbc.update("""
                    update complaint set complexity = 'SPECIAL', delay_notice = ?, delayed_at = ?, delayed_by = ?, handle_due_on = ? where id = ?""",
                    notice, Timestamp.from(now), caller.username(), Date.valueOf(due), r.id());
            timers.due(ComplaintTimers.Step.HANDLING, r.tenant(), r.id(), due);
            tell(r, ComplaintMessage.Kind.COMPLAINT_DELAYED, "您的投诉办理期限延长至 " + due + "。延期理由：" + notice, now);
            extra.put("workingDays", days);
            return "delayed";
        });
    }

    Complaint result(Caller caller, String id, ComplaintApi.Result in) {
        return step(caller, id, in == null ? null : in.version(), Who.HANDLER, (r, now, today, extra) -> {
            requireState(r, "答复处理结果", "P4", "ACCEPTED");
            String result = Complaints.trimmed("result", in == null ? null : in.result(), 2000);
            if (result == null) throw ApiException.validation("result", "请填写调查处理意见（答复投诉人的处理结果，P4）");
            if (in.verified() == null) throw ApiException.validation("verified", "请写明投诉是否经调查属实（verified: true/false，P5）");
            String staffUsername = Complaints.trimmed("staffUsername", in.staffUsername(), 100);
            String staffName = Complaints.trimmed("staffName", in.staffName(), 100);
            LocalDate closes = readModels.workingDaysAfter(today, props.reviewDays());
            jdbc.update("""
                    update complaint set state = 'RESULT_GIVEN', result = ?, verified = ?, result_at = ?, result_by = ?, review_closes_on = ?,
                        staff_username = coalesce(?, staff_username), staff_name = coalesce(?, staff_name) where id = ?""",
                    result, in.verified(), Timestamp.from(now), caller.username(), Date.valueOf(closes), staffUsername, staffName, r.id());
            tell(r, ComplaintMessage.Kind.COMPLAINT_RESULT, "您的投诉已办结。处理结果：" + result + "。请告诉我们您是否满意；如对处理结果不服，可在 " + closes
                    + " 前（收到答复之日起 " + props.reviewDays() + " 个工作日内）申请复核。", now);
            extra.put("outcome", "RESULT");
            extra.put("onTime", !today.isAfter(r.handleDueOn()));
            extra.put("reviewClosesOn", closes.toString());
            return "closed";
        });
    }

    Complaint satisfaction(Caller caller, String id, ComplaintApi.Satisfaction in) {
        return step(caller, id, null, Who.COMPLAINANT, (r, now, today, extra) -> {
            requireState(r, "评价处理结果", "P4", "RESULT_GIVEN");
            if (r.satisfied() != null) throw new ApiException(ErrorCode.RULE_VIOLATION, "已于 " + day(r.answeredAt()) + " 答复过是否满意（P4）", "id", "P4");
            if (in == null || in.satisfied() == null) throw ApiException.validation("satisfied", "请选择对处理结果满意或不满意（satisfied: true/false）");
            jdbc.update("update complaint set satisfied = ?, satisfaction_comment = ?, answered_at = ? where id = ?", in.satisfied(),
                    Complaints.trimmed("comment", in.comment(), 500), Timestamp.from(now), r.id());
            return "satisfaction_answered";
        });
    }

    Complaint requestReview(Caller caller, String id, ComplaintApi.ReviewRequest in) {
        return step(caller, id, null, Who.COMPLAINANT, (r, now, today, extra) -> {
            requireState(r, "申请复核", "P4", "RESULT_GIVEN");
            if (r.reviewRequestedAt() != null) throw new ApiException(ErrorCode.RULE_VIOLATION, "已于 " + day(r.reviewRequestedAt()) + " 申请过复核（P4）", "id", "P4");
            if (today.isAfter(r.reviewClosesOn())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "复核申请应在收到处理结果之日起 " + props.reviewDays() + " 个工作日内（" + r.reviewClosesOn()
                        + " 前）提出，现已逾期（P4）", "id", "P4");
            }
            String reason = Complaints.trimmed("reason", in == null ? null : in.reason(), 1000);
            if (reason == null) throw ApiException.validation("reason", "请写明申请复核的理由");
            jdbc.update("update complaint set review_requested_at = ?, review_reason = ? where id = ?", Timestamp.from(now), reason, r.id());
            return "review_requested";
        });
    }

    private Complaint step(Caller caller, String id, Integer version, Who who, Step step) {
        ScopedId s = ScopedId.parse("complaintId", id);
        boolean citizen = caller.realm() == Realm.CITIZEN;
        if (!citizen && (caller.realm() != Realm.STAFF || !caller.actsFor(s.tenant()))) throw ApiException.forbidden("只能处理本中心的投诉");
        if (citizen && who != Who.COMPLAINANT) throw ApiException.forbidden("投诉的受理、办理和答复由中心工作人员进行");
        if (who == Who.HEAD && !caller.isCentreAdminOf(s.tenant())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "投诉延期须经中心负责人（本中心管理员）批准（P3）", "id", "P3");
        }
        if (who == Who.HANDLER && !ComplaintViews.handles(caller, s.tenant())) {
            throw ApiException.forbidden("投诉由本中心管理员或督查受理、办理和答复");
        }
        return tx.write(s.tenant(), () -> {
            ComplaintRows.Row r = rows.lock(s.tenant(), s.id()).orElseThrow(() -> ApiException.notFound("complaintId", "没有这件投诉: " + id));
            if (who == Who.COMPLAINANT) {
                // the complainant themselves; for one without an account, the handling staff record what they said
                if (citizen && !caller.userId().equals(r.citizenId())) throw ApiException.notFound("complaintId", "没有这件投诉: " + id);
                if (!citizen && (r.citizenId() != null || !ComplaintViews.handles(caller, r.tenant()))) {
                    throw ApiException.forbidden("投诉人有公众账号的，由投诉人本人答复是否满意、申请复核（P4）");
                }
            }
            if (version != null && version != r.version()) throw ApiException.conflict("version", "这件投诉已被他人处理（版本 " + r.version() + "），请刷新后再试");
            Instant now = Instant.now();
            Map<String, Object> extra = new LinkedHashMap<>();
            String event = step.apply(r, now, CaseFacts.today(), extra);
            jdbc.update("update complaint set version = version + 1 where id = ?", r.id());
            ComplaintRows.Row after = rows.byId(r.tenant(), r.id()).orElseThrow();
            if (event != null) events.publish(event, after, now, extra);
            log.info("complaint {} of {}: {} ({})", r.id(), r.tenant(), event, after.state());
            return views.reader(caller).view(after, false);
        });
    }

    private static void requireState(ComplaintRows.Row r, String what, String rule, String... from) {
        if (!List.of(from).contains(r.state())) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "投诉按 登记→受理（或不予受理）→办理→答复→评价/复核 的顺序进行；当前为「" + label(r.state())
                    + "」，不能" + what + "（" + rule + "）", "complaintId", rule);
        }
    }

    static String label(String state) {
        return switch (state) {
            case "FILED" -> "待受理";
            case "ACCEPTED" -> "办理中";
            case "REFUSED" -> "不予受理";
            default -> "已答复";
        };
    }

    /** A message to a complainant who has an account, in the step's transaction. */
    private void tell(ComplaintRows.Row r, ComplaintMessage.Kind kind, String body, Instant now) {
        if (r.citizenId() != null) messages.send(new ComplaintMessage(r.tenant(), r.citizenId(), r.id(), kind, body, now));
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ComplaintTimers.ZONE).toLocalDate();
    }
}
