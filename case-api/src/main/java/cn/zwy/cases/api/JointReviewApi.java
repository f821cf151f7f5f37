package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Joint cases (联合办理, C10): the lead window accepts once and names the departments that review in
 * parallel ({@link StaffActions.Accept#jointDepartments()}); each department answers by its own due
 * date or is deemed to agree; a department that needs its upper authority's approval escalates within
 * 7 working days of acceptance, and the applicant hears of the upper reply when it is recorded. Every
 * step is a staff action on the case (version checked, recorded, C16). Read by whoever may read the case.
 */
@HttpExchange
public interface JointReviewApi {

    String REVIEWS = "/api/cases/{id}/joint-reviews";
    String ANSWER = REVIEWS + "/answer";
    String ESCALATE = REVIEWS + "/escalate";
    String UPPER_REPLY = REVIEWS + "/upper-reply";
    /** A tenant's reviews still waiting for a department's opinion, across its open joint cases. */
    String PENDING = "/api/cases/joint-reviews/{tenantCode}";
    /** The most waiting reviews one read answers. */
    int MAX_PENDING = 200;

    /** The case's department reviews in the order named at acceptance; empty for a case that is not joint. */
    @GetExchange(REVIEWS)
    Mono<List<JointReview>> list(@PathVariable("id") String id);

    /**
     * The tenant's own staff: the reviews still waiting for an opinion (PENDING) of its accepted joint cases, the
     * soonest due first; with {@code department}, only that department's (its name as named at acceptance).
     */
    @GetExchange(PENDING)
    Mono<List<PendingReview>> pending(@PathVariable("tenantCode") String tenantCode,
                                      @RequestParam(name = "department", required = false) String department);

    @PostExchange(ANSWER)
    Mono<CaseView> answer(@PathVariable("id") String id, @RequestBody Answer body);

    @PostExchange(ESCALATE)
    Mono<CaseView> escalate(@PathVariable("id") String id, @RequestBody Escalate body);

    @PostExchange(UPPER_REPLY)
    Mono<CaseView> upperReply(@PathVariable("id") String id, @RequestBody UpperReply body);

    /** A department named at acceptance; {@code upperApproval}: its part must be approved by its upper authority (上报). */
    record JointDepartment(String department, Boolean upperApproval) {}

    enum ReviewState {
        /** Waiting for the department's opinion. */
        PENDING,
        AGREED,
        DISAGREED,
        /** No opinion by the due date: the department is deemed to agree (视缺席窗口默认议定事项, C10). */
        DEEMED_AGREED
    }

    /**
     * One department's review with its own clock: started on the acceptance day, due by {@code due};
     * {@code escalateDue} (7 working days after acceptance) only where the upper authority approves.
     */
    record JointReview(String department, boolean upperApproval, ReviewState state, LocalDate startedOn, LocalDate due,
                       boolean overdue, LocalDate escalateDue, LocalDate escalatedOn, String upperAuthority,
                       LocalDate upperReplyOn, Boolean upperApproved, String opinion, String answeredBy, String window,
                       Instant answeredAt) {}

    /** A department's review waiting for its opinion, with the case it belongs to (as the inbox shows it). */
    record PendingReview(CaseSummary caseSummary, JointReview review) {}

    record Answer(Long version, String window, String department, Boolean agreed, String opinion) {}

    record Escalate(Long version, String window, String department, String upperAuthority) {}

    record UpperReply(Long version, String window, String department, Boolean approved, String reply) {}
}
