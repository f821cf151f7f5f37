package cn.zwy.cases.complaint;

import cn.zwy.common.events.OutboxPublisher;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every step of a complaint as an event on the one outbox, in the step's transaction, for the comparison read models
 * (M1, M2) and anyone else: {@code complaint.filed}, {@code .accepted}, {@code .assigned}, {@code .delayed},
 * {@code .closed} (a result given, or a refusal: {@code outcome}), {@code .satisfaction_answered},
 * {@code .review_requested}, {@code .acceptance_late}, {@code .handling_late}. One payload shape for all (ADR 0023);
 * never the complainant's name or contact.
 */
@Component
class ComplaintEvents {

    private final OutboxPublisher outbox;

    ComplaintEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    /** Publishes {@code complaint.<what>} about the row as it is after the step; {@code extra} adds the step's own fields. */
    void publish(String what, ComplaintRows.Row r, Instant at, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tenantCode", r.tenant());
        p.put("complaintId", r.publicId());
        p.put("channel", r.channel());
        p.put("hotlineTicket", r.hotlineTicket());
        p.put("hallId", r.hallId() == null ? null : r.hallId().toString());
        p.put("windowId", r.windowId() == null ? null : r.windowId().toString());
        p.put("windowName", r.windowName());
        p.put("staffId", r.staffUsername());
        p.put("staffName", r.staffName());
        p.put("state", r.state());
        p.put("filedAt", r.filedAt().toString());
        p.put("acceptDueOn", r.acceptDueOn().toString());
        p.put("handlingMode", r.handlingMode());
        p.put("complexity", r.complexity());
        p.put("handleDueOn", r.handleDueOn() == null ? null : r.handleDueOn().toString());
        p.put("verified", r.verified());
        p.put("satisfied", r.satisfied());
        p.put("occurredAt", at.toString());
        p.putAll(extra);
        outbox.publish("complaint." + what, r.tenant(), "complaint", r.publicId(), p);
    }
}
