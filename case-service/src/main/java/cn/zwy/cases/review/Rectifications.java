package cn.zwy.cases.review;

import cn.zwy.cases.api.ReviewApi;
import cn.zwy.cases.api.ReviewApi.DishonestyListing;
import cn.zwy.cases.api.ReviewApi.Review;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.cases.messages.ReviewMessage;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.ScopedId;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The rectification loop of a bad review (V6): the centre administrator assigns it to the one who answers for it (谁办理、
 * 谁负责); the assignee (or an administrator) verifies it and answers the reviewer (差评回复: every bad review, 100 %);
 * a valid one is rectified and the reviewer called back (回访, satisfied or not); the administrator closes it. An
 * invalid or malicious one is closed after verification; a malicious one may put the reviewer on the dishonesty list
 * (V5, administrator only). Each step has a deadline in working days on the tenant's calendar and a timer that warns when
 * it passes; a step out of order is RULE_VIOLATION V6 and changes nothing.
 */
@Service
class Rectifications {

    private static final Logger log = LoggerFactory.getLogger(Rectifications.class);

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ReviewViews views;
    private final ReviewTimers timers;
    private final FilingReadModels readModels;
    private final CaseFacts cases;
    private final CitizenMessages messages;
    private final OutboxPublisher outbox;
    private final ReviewProperties props;

    Rectifications(TenantTransactions tx, JdbcTemplate jdbc, ReviewViews views, ReviewTimers timers, FilingReadModels readModels,
                   CaseFacts cases, CitizenMessages messages, OutboxPublisher outbox, ReviewProperties props) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.views = views;
        this.timers = timers;
        this.readModels = readModels;
        this.cases = cases;
        this.messages = messages;
        this.outbox = outbox;
        this.props = props;
    }

    /** The rectification row and what the step needs of its review. */
    record Row(UUID reviewId, String tenant, String state, String assignee, String finding, int version, String citizenId, UUID openingId,
               UUID caseId, String subject, String lineName) {}

    private interface Step {
        /** Applies the step (the row is locked and in a state it may start from); answers the next state. */
        String apply(Row r, Instant now);
    }

    Review assign(Caller caller, String id, ReviewApi.Assign in) {
        return step(caller, id, in == null ? null : in.version(), true, "assigned", (r, now) -> {
            requireState(r, "指派", "OPEN", "ASSIGNED");
            String assignee = required("assignee", in.assignee(), 100);
            jdbc.update("update review_rectification set assignee = ?, assigned_by = ?, assigned_at = ? where review_id = ?",
                    assignee, caller.username(), Timestamp.from(now), r.reviewId());
            return "ASSIGNED";
        });
    }

    Review verify(Caller caller, String id, ReviewApi.Verify in) {
        return step(caller, id, in == null ? null : in.version(), false, "verified", (r, now) -> {
            requireState(r, "核实", "ASSIGNED");
            String finding = in.finding() == null ? "" : in.finding();
            if (!Set.of("VALID", "INVALID", "MALICIOUS").contains(finding)) {
                throw ApiException.validation("finding", "核实结论应为 属实 VALID、不属实 INVALID 或 恶意差评 MALICIOUS");
            }
            String reply = required("reply", in.reply(), 1000);
            boolean list = Boolean.TRUE.equals(in.listReviewer());
            if (list) {
                if (!"MALICIOUS".equals(finding)) {
                    throw new ApiException(ErrorCode.RULE_VIOLATION, "只有经核实为恶意差评的，才能将评价人列入失信名单（V5）", "listReviewer", "V5");
                }
                if (!caller.isCentreAdminOf(r.tenant())) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "将评价人列入失信名单须由本中心管理员决定（V5）", "listReviewer", "V5");
                }
                String reason = required("listingReason", in.listingReason(), 500);
                LocalDate today = CaseFacts.today();
                String reviewer = jdbc.queryForObject("select reviewer_name from review where id = ?", String.class, r.reviewId());
                jdbc.update("""
                        insert into review_dishonesty (id, tenant_id, citizen_id, review_id, reviewer, reason, listed_by, listed_on, expires_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), r.tenant(), r.citizenId(), r.reviewId(), reviewer, reason,
                        caller.username(), Date.valueOf(today), Date.valueOf(today.plusDays(props.dishonestyDays())));
                outbox.publish("review.reviewer_listed", r.tenant(), "review", r.tenant() + ":" + r.reviewId(),
                        Map.of("reviewId", r.tenant() + ":" + r.reviewId(), "tenantCode", r.tenant(), "expiresOn", today.plusDays(props.dishonestyDays()).toString()));
            }
            jdbc.update("""
                    update review_rectification set finding = ?, reply = ?, verified_by = ?, verified_at = ? where review_id = ?""",
                    finding, reply, caller.username(), Timestamp.from(now), r.reviewId());
            // 差评回复: the answer goes to the reviewer (in-app, and by SMS when the service was a case)
            tell(r.tenant(), r.citizenId(), r.openingId(), r.caseId(), r.subject(), ReviewMessage.Kind.REVIEW_REPLY, "您对「" + r.lineName() + "」（" + r.subject() + "）的评价已收到答复：" + reply, now);
            return "VERIFIED";
        });
    }

    Review rectify(Caller caller, String id, ReviewApi.Rectify in) {
        return step(caller, id, in == null ? null : in.version(), false, "rectified", (r, now) -> {
            requireState(r, "整改", "VERIFIED");
            if (!"VALID".equals(r.finding())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "经核实不属实的差评无需整改，请直接办结（V6）", "id", "V6");
            }
            jdbc.update("update review_rectification set measures = ?, rectified_by = ?, rectified_at = ? where review_id = ?",
                    required("measures", in.measures(), 2000), caller.username(), Timestamp.from(now), r.reviewId());
            return "RECTIFIED";
        });
    }

    Review callBack(Caller caller, String id, ReviewApi.CallBack in) {
        return step(caller, id, in == null ? null : in.version(), false, "called_back", (r, now) -> {
            requireState(r, "回访", "RECTIFIED");
            if (in.satisfied() == null) throw ApiException.validation("satisfied", "请记录评价人对整改是否满意（satisfied: true/false）");
            jdbc.update("""
                    update review_rectification set satisfied = ?, callback_note = ?, called_back_by = ?, called_back_at = ? where review_id = ?""",
                    in.satisfied(), Reviews.trimmed("note", in.note(), 1000), caller.username(), Timestamp.from(now), r.reviewId());
            return "CALLED_BACK";
        });
    }

    Review close(Caller caller, String id, ReviewApi.Close in) {
        return step(caller, id, in == null ? null : in.version(), true, "closed", (r, now) -> {
            boolean invalid = "VERIFIED".equals(r.state()) && r.finding() != null && !"VALID".equals(r.finding());
            if (!invalid) requireState(r, "办结", "CALLED_BACK");
            jdbc.update("update review_rectification set closing_note = ?, closed_by = ?, closed_at = ? where review_id = ?",
                    Reviews.trimmed("note", in == null ? null : in.note(), 1000), caller.username(), Timestamp.from(now), r.reviewId());
            return "CLOSED";
        });
    }

    private Review step(Caller caller, String id, Integer version, boolean adminOnly, String event, Step step) {
        ScopedId s = Reviews.scoped("reviewId", id);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(s.tenant())) throw ApiException.forbidden("只能处理本中心的差评");
        if (adminOnly && !caller.isCentreAdminOf(s.tenant())) {
            throw ApiException.forbidden("差评的指派和办结由本中心管理员（差评处置负责人）负责（V6）");
        }
        return tx.write(s.tenant(), () -> {
            Row r = jdbc.query("""
                    select x.review_id, x.tenant_id, x.state, x.assignee, x.finding, x.version, r.citizen_id, r.opening_id, o.case_id,
                           o.subject_label, o.line_name
                    from review_rectification x join review r on r.id = x.review_id join review_opening o on o.id = r.opening_id
                    where x.tenant_id = ? and x.review_id = ? for update of x""", Rectifications::row, s.tenant(), s.id())
                    .stream().findFirst().orElseThrow(() -> ApiException.notFound("reviewId", "本中心没有这条差评: " + id));
            if (!adminOnly && !caller.isCentreAdminOf(r.tenant()) && !caller.username().equals(r.assignee())) {
                throw ApiException.forbidden("只有被指派的整改负责人或本中心管理员可以处理这条差评（V6）");
            }
            if (version != null && version != r.version()) throw ApiException.conflict("version", "这条差评已被他人处理（版本 " + r.version() + "），请刷新后再试");
            Instant now = Instant.now();
            String next = step.apply(r, now);
            LocalDate today = CaseFacts.today();
            int days = switch (next) {
                case "ASSIGNED" -> props.verifyDays();
                case "VERIFIED" -> "VALID".equals(jdbc.queryForObject("select finding from review_rectification where review_id = ?", String.class,
                        r.reviewId())) ? props.rectifyDays() : props.closeDays();
                case "RECTIFIED" -> props.callBackDays();
                case "CALLED_BACK" -> props.closeDays();
                default -> 0;
            };
            LocalDate due = days == 0 ? null : readModels.workingDaysAfter(today, days);
            jdbc.update("update review_rectification set state = ?, due_on = ?, version = version + 1 where review_id = ?",
                    next, due == null ? null : Date.valueOf(due), r.reviewId());
            timers.step(r.tenant(), r.reviewId(), next, due);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("reviewId", r.tenant() + ":" + r.reviewId());
            payload.put("tenantCode", r.tenant());
            payload.put("state", next);
            payload.put("dueOn", due == null ? null : due.toString());
            payload.put("at", now.toString());
            outbox.publish("review." + event, r.tenant(), "review", r.tenant() + ":" + r.reviewId(), payload);
            log.info("bad review {} of {}: {}", r.reviewId(), r.tenant(), next);
            return views.byId(r.tenant(), r.reviewId(), caller, false).orElseThrow();
        });
    }

    private static void requireState(Row r, String what, String... from) {
        if (!List.of(from).contains(r.state())) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "差评处置按 指派→核实→整改→回访→办结 的顺序进行；当前为「" + label(r.state())
                    + "」，不能" + what + "（V6）", "reviewId", "V6");
        }
    }

    static String label(String state) {
        return switch (state) {
            case "OPEN" -> "待指派";
            case "ASSIGNED" -> "待核实";
            case "VERIFIED" -> "待整改";
            case "RECTIFIED" -> "待回访";
            case "CALLED_BACK" -> "待办结";
            default -> "已办结";
        };
    }

    /**
     * A message to the citizen of a service (opening), inside the review's transaction: about its case when it has one
     * (and by SMS to the case's contact phone), else in-app about the opening.
     */
    void tell(String tenant, String citizenId, UUID openingId, UUID caseId, String subject, ReviewMessage.Kind kind, String body, Instant now) {
        String phone = caseId == null ? null : cases.of(tenant, caseId).map(CaseFacts.Facts::contactPhoneMasked).orElse(null);
        messages.send(new ReviewMessage(tenant, citizenId, caseId, caseId == null ? null : subject, phone, openingId, kind, body, now));
    }

    // ------------------------------------------------------------------ the dishonesty list (V5)

    /** The centre's administrators and the province's: the reviewers listed for a malicious bad review; not the window staff (V9). */
    List<DishonestyListing> dishonesty(Caller caller, String tenantCode) {
        if (caller.realm() != Realm.STAFF || !(caller.isCentreAdminOf(tenantCode) || (caller.isProvincialAdmin() && caller.mayRead(tenantCode)))) {
            throw ApiException.forbidden("差评失信名单仅限本中心管理员查看（V9：评价人信息保密）");
        }
        return tx.read(tenantCode, () -> jdbc.query("select * from review_dishonesty where tenant_id = ? order by listed_on desc, id",
                Rectifications::listing, tenantCode));
    }

    DishonestyListing lift(Caller caller, String id, ReviewApi.Lift in) {
        ScopedId s = Reviews.scoped("id", id);
        if (!caller.isCentreAdminOf(s.tenant())) throw ApiException.forbidden("移出失信名单须由本中心管理员决定（V5）");
        String reason = required("reason", in == null ? null : in.reason(), 500);
        return tx.write(s.tenant(), () -> {
            DishonestyListing l = jdbc.query("select * from review_dishonesty where tenant_id = ? and id = ? for update", Rectifications::listing,
                    s.tenant(), s.id()).stream().findFirst().orElseThrow(() -> ApiException.notFound("id", "失信名单中没有这条记录: " + id));
            if (!l.active()) throw new ApiException(ErrorCode.RULE_VIOLATION, "该记录已于 " + l.liftedAt() + " 移出失信名单", "id", "V5");
            jdbc.update("update review_dishonesty set lifted_at = now(), lifted_by = ?, lift_reason = ? where id = ?", caller.username(), reason, s.id());
            outbox.publish("review.reviewer_unlisted", s.tenant(), "review", l.reviewId(), Map.of("reviewId", l.reviewId(), "tenantCode", s.tenant()));
            return jdbc.query("select * from review_dishonesty where id = ?", Rectifications::listing, s.id()).getFirst();
        });
    }

    private static DishonestyListing listing(ResultSet rs, int i) throws SQLException {
        String tenant = rs.getString("tenant_id");
        Timestamp lifted = rs.getTimestamp("lifted_at");
        LocalDate expires = rs.getDate("expires_on").toLocalDate();
        return new DishonestyListing(tenant + ":" + rs.getObject("id", UUID.class), tenant + ":" + rs.getObject("review_id", UUID.class),
                rs.getString("reviewer"), rs.getString("reason"), rs.getString("listed_by"), rs.getDate("listed_on").toLocalDate(), expires,
                lifted == null && !CaseFacts.today().isAfter(expires), lifted == null ? null : lifted.toInstant(), rs.getString("lifted_by"),
                rs.getString("lift_reason"));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("review_id", UUID.class), rs.getString("tenant_id"), rs.getString("state"), rs.getString("assignee"),
                rs.getString("finding"), rs.getInt("version"), rs.getString("citizen_id"), rs.getObject("opening_id", UUID.class),
                rs.getObject("case_id", UUID.class), rs.getString("subject_label"), rs.getString("line_name"));
    }

    static String required(String field, String value, int max) {
        String v = Reviews.trimmed(field, value, max);
        if (v == null) throw ApiException.validation(field, "缺少 " + field);
        return v;
    }
}
