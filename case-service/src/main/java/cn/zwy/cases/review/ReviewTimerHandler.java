package cn.zwy.cases.review;

import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.messages.ReviewMessage;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a due review timer does, in a transaction bound to its tenant with the row locked: the reminder of a service
 * still open (V4: message and SMS), the end of its review period (UNRATED), a rectification step still in the state
 * whose deadline passed (the warning, V6). A repeated run finds the row changed and does nothing twice.
 */
@Component
class ReviewTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(ReviewTimerHandler.class);

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final Openings openings;
    private final Rectifications rectifications;
    private final OutboxPublisher outbox;

    ReviewTimerHandler(TenantTransactions tx, JdbcTemplate jdbc, Openings openings, Rectifications rectifications, OutboxPublisher outbox) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.openings = openings;
        this.rectifications = rectifications;
        this.outbox = outbox;
    }

    void fire(String instance) {
        ReviewTimers.TimerId t = ReviewTimers.TimerId.parse(instance);
        tx.write(t.tenant(), () -> {
            LocalDate today = CaseFacts.today();
            Instant now = Instant.now();
            switch (t.kind()) {
                case REMIND -> openings.byId(t.tenant(), t.id()).filter(o -> "OPEN".equals(o.state()) && o.remindedAt() == null).ifPresent(o -> {
                    jdbc.update("update review_opening set reminded_at = ? where id = ?", Timestamp.from(now), o.id());
                    rectifications.tell(o.tenant(), o.citizenId(), o.id(), o.caseId(), o.label(), ReviewMessage.Kind.REVIEW_REMINDER, "您办理的「" + o.lineName() + "」（" + o.label() + "）已办结，请对本次服务作出评价："
                            + "非常满意、满意、基本满意、不满意或非常不满意。评价截止 " + o.closesOn() + "，逾期记为未评（V4）。", now);
                    log.info("review reminder for {} {} of {}", o.kind(), o.label(), o.tenant());
                });
                case CLOSE -> openings.byId(t.tenant(), t.id())
                        .filter(o -> "OPEN".equals(o.state()) && o.closesOn() != null && today.isAfter(o.closesOn())).ifPresent(o -> {
                    jdbc.update("update review_opening set state = 'UNRATED', unrated_at = ? where id = ?", Timestamp.from(now), o.id());
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("openingId", o.tenant() + ":" + o.id());
                    payload.put("tenantCode", o.tenant());
                    payload.put("kind", o.kind());
                    payload.put("subjectId", o.subjectPublicId());
                    payload.put("staffId", o.staffId());
                    payload.put("windowId", o.windowId() == null ? null : o.windowId().toString());
                    payload.put("departmentId", o.departmentId() == null ? null : o.departmentId().toString());
                    payload.put("lineKey", o.lineKey());
                    payload.put("doneAt", o.doneAt().toString());
                    outbox.publish("review.unrated", o.tenant(), "review_opening", o.tenant() + ":" + o.id(), payload);
                    log.info("{} {} of {} unrated: the review period ended {}", o.kind(), o.label(), o.tenant(), o.closesOn());
                });
                case STEP -> {
                    int late = jdbc.update("""
                            update review_rectification set late_steps = late_steps || to_jsonb(state::text)
                            where tenant_id = ? and review_id = ? and state = ? and due_on < ? and not late_steps @> jsonb_build_array(state)""",
                            t.tenant(), t.id(), t.step(), java.sql.Date.valueOf(today));
                    if (late == 1) {
                        outbox.publish("review.rectification_late", t.tenant(), "review", t.tenant() + ":" + t.id(),
                                Map.of("reviewId", t.tenant() + ":" + t.id(), "tenantCode", t.tenant(), "state", t.step()));
                        log.warn("bad review {} of {}: step {} ({}) past its deadline (V6)", t.id(), t.tenant(), t.step(), Rectifications.label(t.step()));
                    }
                }
            }
            return null;
        });
    }
}
