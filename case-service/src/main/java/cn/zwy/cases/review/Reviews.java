package cn.zwy.cases.review;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.ReviewApi;
import cn.zwy.cases.api.ReviewApi.PendingReview;
import cn.zwy.cases.api.ReviewApi.Review;
import cn.zwy.cases.api.ReviewApi.ReviewRequest;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.ScopedId;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's review of a completed case or a finished visit (V1–V5, V9). Only the citizen of the case or visit may
 * review it, and once: the opening holds a unique review, so two concurrent submissions store one (the other answers
 * the first with the same idempotency key, else RULE_VIOLATION V2). Staff never review (FORBIDDEN): a review written by
 * a window for a citizen is the fake good review V9 forbids. A bad review without a reason is refused before anything
 * is stored (V5); a bad review opens its rectification (V6) in the same transaction.
 */
@Service
class Reviews {

    private static final Logger log = LoggerFactory.getLogger(Reviews.class);
    static final Map<String, Integer> LEVELS = Map.of("VERY_SATISFIED", 10, "SATISFIED", 8, "BASICALLY_SATISFIED", 6,
            "DISSATISFIED", 3, "VERY_DISSATISFIED", 0);
    static final Map<String, String> REASONS = ReviewApi.BAD_REASONS.stream()
            .collect(Collectors.toMap(List::getFirst, List::getLast, (a, b) -> a, LinkedHashMap::new));

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final Openings openings;
    private final ReviewOpenings opener;
    private final ReviewViews views;
    private final ReviewTimers timers;
    private final CaseFacts cases;
    private final FilingReadModels readModels;
    private final ReviewProperties props;
    private final OutboxPublisher outbox;
    private final JsonMapper json;

    Reviews(TenantTransactions tx, JdbcTemplate jdbc, Openings openings, ReviewOpenings opener, ReviewViews views, ReviewTimers timers,
            CaseFacts cases, FilingReadModels readModels, ReviewProperties props, OutboxPublisher outbox, JsonMapper json) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.openings = openings;
        this.opener = opener;
        this.views = views;
        this.timers = timers;
        this.cases = cases;
        this.readModels = readModels;
        this.props = props;
        this.outbox = outbox;
        this.json = json;
    }

    /** What a valid request says. */
    private record Valid(String key, String level, int score, boolean bad, List<String> reasons, String otherReason, String comment) {}

    /** 一事一评: the applicant reviews their case once it is completed, or while it is overdue and unfinished (V4). */
    Review reviewCase(Caller caller, String caseId, ReviewRequest in) {
        requireCitizen(caller);
        // a citizen reads only their own case: another's is NOT_FOUND, as if absent (V2)
        CaseFacts.Facts f = cases.forCaller(caller, caseId);
        if (!caller.userId().equals(f.citizenId())) throw ApiException.notFound("caseId", "未找到该办件: " + caseId);
        Valid v = validate(in);
        String tenant = f.tenantId();
        return submit(caller, tenant, v, () -> {
            Optional<Openings.Row> o = openings.find(tenant, "CASE", f.id());
            if (o.isPresent()) return o.get();
            if (f.completedAt() != null) {
                // completed, and the event has not reached the opener yet: open it now (the event then finds it open);
                // a part of a package reviewed as a whole answers the package's one opening, once every part is done (V3)
                return opener.completed(f).orElseThrow(() -> new ApiException(ErrorCode.RULE_VIOLATION,
                        "该办件属于“一件事”套餐，套餐整体评价一次，全部事项办结后方可评价（V3）", "caseId", "V3"));
            }
            if (f.overdue()) {
                // V4: a case past its deadline and still unfinished may be reviewed (no review period: it is reviewed now)
                Openings.Row r = new Openings.Row(UUID.randomUUID(), tenant, "CASE", f.id(), f.caseNumber(), f.id(), f.citizenId(), f.staffId(),
                        f.staffName(), null, f.window(), f.departmentId(), f.departmentName(), f.itemId(), f.itemName(), Instant.now(), null,
                        "OPEN", null);
                openings.insert(r);
                return openings.find(tenant, "CASE", f.id()).orElseThrow();
            }
            throw new ApiException(ErrorCode.RULE_VIOLATION, "办件" + statusLabel(f.status()) + "，办结后方可评价；超过承诺期限仍未办结的办件也可以评价（V4）",
                    "caseId", "V4");
        }, f.contactName() == null ? f.applicantName() : f.contactName(), f.contactPhoneMasked());
    }

    /** 一次一评: the citizen reviews a visit they made (the ticket they took, or their booking's) once it is finished. */
    Review reviewVisit(Caller caller, String ticketId, ReviewRequest in) {
        requireCitizen(caller);
        ScopedId s = scoped("ticketId", ticketId);
        Openings.Row found = tx.read(s.tenant(), () -> jdbc.query("select * from review_opening where tenant_id = ? and kind = 'VISIT' and subject_id = ?",
                Openings::row, s.tenant(), s.id())).stream().filter(o -> o.citizenId().equals(caller.userId())).findFirst()
                .orElseThrow(() -> ApiException.notFound("ticketId", "没有您可评价的这次窗口服务（号已办结后方可评价）: " + ticketId));
        Valid v = validate(in);
        return submit(caller, s.tenant(), v, () -> openings.byId(s.tenant(), found.id()).orElseThrow(), caller.displayName(), null);
    }

    private Review submit(Caller caller, String tenant, Valid v, java.util.function.Supplier<Openings.Row> opening, String reviewerName,
                          String reviewerPhone) {
        try {
            return tx.write(tenant, () -> {
                Openings.Row o = opening.get();
                Optional<Review> earlier = replay(caller, tenant, v.key(), o.id());
                if (earlier.isPresent()) return earlier.get();
                if ("REVIEWED".equals(o.state())) {
                    throw new ApiException(ErrorCode.RULE_VIOLATION, "这次服务（" + o.label() + "）已评价过，每次服务只能评价一次（V2）", "id", "V2");
                }
                LocalDate today = CaseFacts.today();
                if ("UNRATED".equals(o.state()) || (o.closesOn() != null && today.isAfter(o.closesOn()))) {
                    throw new ApiException(ErrorCode.RULE_VIOLATION, "评价期已于 " + o.closesOn() + " 结束（办结后 " + props.openWorkingDays()
                            + " 个工作日内可评价），本次服务已记为未评（V4）", "id", "V4");
                }
                UUID id = UUID.randomUUID();
                Instant now = Instant.now();
                jdbc.update("""
                        insert into review (id, tenant_id, opening_id, citizen_id, idempotency_key, level, score, bad, reasons, other_reason,
                            comment, reviewer_name, reviewer_phone_masked, after_reminder, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                        id, tenant, o.id(), caller.userId(), v.key(), v.level(), v.score(), v.bad(), json.writeValueAsString(v.reasons()),
                        v.otherReason(), v.comment(), reviewerName, reviewerPhone, o.remindedAt() != null, Timestamp.from(now));
                jdbc.update("update review_opening set state = 'REVIEWED' where id = ?", o.id());
                if (v.bad()) {
                    LocalDate due = readModels.workingDaysAfter(today, props.assignDays());
                    jdbc.update("insert into review_rectification (review_id, tenant_id, state, due_on) values (?, ?, 'OPEN', ?)",
                            id, tenant, java.sql.Date.valueOf(due));
                    timers.step(tenant, id, "OPEN", due);
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("reviewId", tenant + ":" + id);
                payload.put("tenantCode", tenant);
                payload.put("kind", o.kind());
                payload.put("subjectId", o.subjectPublicId());
                payload.put("level", v.level());
                payload.put("score", v.score());
                payload.put("bad", v.bad());
                payload.put("reasons", v.reasons());
                payload.put("staffId", o.staffId());
                payload.put("windowId", o.windowId() == null ? null : o.windowId().toString());
                payload.put("windowName", o.windowName());
                payload.put("departmentId", o.departmentId() == null ? null : o.departmentId().toString());
                payload.put("lineKey", o.lineKey());
                payload.put("doneAt", o.doneAt().toString());
                payload.put("reviewedAt", now.toString());
                outbox.publish("review.submitted", tenant, "review", tenant + ":" + id, payload);
                log.info("{} {} of {} reviewed: {}", o.kind(), o.label(), tenant, v.level());
                return views.byId(tenant, id, caller, false).orElseThrow();
            });
        } catch (DuplicateKeyException raced) {
            // the same review sent twice at once (one stored; the same key answers it), or another one of the same service
            return tx.read(tenant, () -> replay(caller, tenant, v.key(), null)).orElseThrow(() -> new ApiException(ErrorCode.RULE_VIOLATION,
                    "这次服务已评价过，每次服务只能评价一次（V2）", "id", "V2"));
        }
    }

    /** The review the caller made with this key, answered again; a key used for another service is CONFLICT. */
    private Optional<Review> replay(Caller caller, String tenant, String key, UUID opening) {
        List<Map<String, Object>> rows = jdbc.queryForList("select id, opening_id from review where citizen_id = ? and idempotency_key = ?",
                caller.userId(), key);
        if (rows.isEmpty()) return Optional.empty();
        if (!tenant.equals(jdbc.queryForObject("select tenant_id from review where id = ?", String.class, rows.getFirst().get("id")))
                || (opening != null && !opening.equals(rows.getFirst().get("opening_id")))) {
            throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一次评价，新的评价请使用新的幂等键");
        }
        return views.byId(tenant, (UUID) rows.getFirst().get("id"), caller, true);
    }

    private Valid validate(ReviewRequest in) {
        if (in == null) throw ApiException.validation("input", "缺少评价内容");
        String key = in.idempotencyKey() == null ? "" : in.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw ApiException.validation("idempotencyKey", "幂等键应为 1–100 个字符");
        Integer score = in.level() == null ? null : LEVELS.get(in.level());
        if (score == null) {
            throw ApiException.validation("level", "评价等级应为 非常满意 VERY_SATISFIED、满意 SATISFIED、基本满意 BASICALLY_SATISFIED、不满意 DISSATISFIED 或 非常不满意 VERY_DISSATISFIED（V1）");
        }
        boolean bad = score <= 3;
        List<String> reasons = in.reasons() == null ? List.of() : in.reasons().stream().map(r -> r == null ? "" : r.strip()).distinct().toList();
        for (int i = 0; i < reasons.size(); i++) {
            if (!REASONS.containsKey(reasons.get(i))) {
                throw ApiException.validation("reasons[" + i + "]", "没有这个差评原因: " + reasons.get(i) + "；可选: " + String.join("、", REASONS.keySet()));
            }
        }
        String other = trimmed("otherReason", in.otherReason(), 500);
        String comment = trimmed("comment", in.comment(), 500);
        if (!bad && (!reasons.isEmpty() || other != null)) {
            throw ApiException.validation("reasons", "差评原因只适用于不满意、非常不满意的评价");
        }
        if (bad && reasons.isEmpty() && other == null) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "差评须勾选差评原因（" + String.join("、", REASONS.values()) + "）或填写其他原因（V5）",
                    "reasons", "V5");
        }
        return new Valid(key, in.level(), score, bad, reasons, other, comment);
    }

    /** The calling citizen's services still open for review (not reviewed, the period not over), newest first. */
    Page<PendingReview> pending(Caller caller, Integer first, String after) {
        requireCitizen(caller);
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        LocalDate today = CaseFacts.today();
        List<Object> args = new ArrayList<>(List.of(caller.userId(), java.sql.Date.valueOf(today)));
        String sql = "select * from review_opening where citizen_id = ? and state = 'OPEN' and (closes_on is null or closes_on >= ?)";
        if (cursor != null) {
            sql += " and (done_at, id) < (?, ?)";
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        args.add(n + 1);
        String query = sql + " order by done_at desc, id desc limit ?";
        List<Openings.Row> rows = tx.platform(() -> {
            jdbc.queryForObject("select set_config('app.citizen_id', ?, true)", String.class, caller.userId());
            return jdbc.query(query, Openings::row, args.toArray());
        });
        boolean more = rows.size() > n;
        List<Page.Item<PendingReview>> items = new ArrayList<>();
        for (Openings.Row o : more ? rows.subList(0, n) : rows) {
            String subject = o.subjectPublicId();
            items.add(new Page.Item<>(new KeysetCursor(o.doneAt(), o.id()).encode(), new PendingReview(o.tenant() + ":" + o.id(), o.tenant(),
                    o.kind(), o.caseId() == null ? null : o.tenant() + ":" + o.caseId(), "VISIT".equals(o.kind()) ? subject : null, o.label(),
                    o.lineName(), o.windowName(), o.doneAt(), o.closesOn(), o.remindedAt() != null)));
        }
        return new Page<>(items, more, null);
    }

    static void requireCitizen(Caller caller) {
        if (caller.realm() != Realm.CITIZEN) {
            throw ApiException.forbidden("评价只能由办事群众本人（公众账号）作出，工作人员不能代为评价（V9）");
        }
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "SUBMITTED" -> "尚未受理";
            case "CORRECTION_REQUIRED" -> "待补正";
            case "ACCEPTED" -> "正在办理";
            case "REJECTED" -> "不予受理";
            case "WITHDRAWN" -> "已撤回";
            default -> "状态为 " + status;
        };
    }

    static String trimmed(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > max) throw ApiException.validation(field, field + " 不能超过 " + max + " 个字符");
        return v;
    }

    static ScopedId scoped(String field, String id) {
        return ScopedId.parse(field, id);
    }
}
