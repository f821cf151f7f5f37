package cn.zwy.cases.api;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Cross-level cases (跨层联办, C11): the unit that first received and accepted a case reviews it and sends
 * it up to the level above on the platform (the nearest tenant above, a town's county); the upper level
 * finds it in its inbox ({@link InboxFilter#ESCALATED_TO_US}) and replies; the first-receiving unit stays
 * responsible, tracks the reply on the case and answers the applicant by completing it.
 */
@HttpExchange
public interface CrossLevelApi {

    String ESCALATION = "/api/cases/{id}/escalation";
    String REPLY = ESCALATION + "/reply";

    /** The case's escalation, for the first-receiving unit, the upper level and the applicant; NOT_FOUND when it has none. */
    @GetExchange(ESCALATION)
    Mono<Escalation> get(@PathVariable("id") String id);

    /** The first-receiving unit sends the accepted case up (once). */
    @PostExchange(ESCALATION)
    Mono<CaseView> escalate(@PathVariable("id") String id, @RequestBody Escalate body);

    /** The upper level's reply (its approver or centre administrator), recorded at its place. */
    @PostExchange(REPLY)
    Mono<CaseView> reply(@PathVariable("id") String id, @RequestBody Reply body);

    record Escalate(Long version, String window, String reason) {}

    record Reply(Long version, String window, Boolean approved, String reply) {}

    enum State { AWAITING_UPPER, ANSWERED }

    record Escalation(String upperTenantCode, String upperTenantName, String reason, LocalDate escalatedOn, String escalatedBy,
                      State state, Boolean approved, String reply, LocalDate repliedOn, String repliedBy) {}
}
