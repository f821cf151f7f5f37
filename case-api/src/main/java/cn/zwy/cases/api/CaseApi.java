package cn.zwy.cases.api;

import cn.zwy.common.api.Page;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * case-service's REST API as the gateway calls it (an HTTP service proxy; its answers are
 * {@code Mono}s because the gateway is reactive). case-service's {@code CaseController} maps the
 * same paths (the constants below) and answers with the same records. The caller is the bearer
 * token passed along: case-service checks again that a citizen acts only on their own cases and
 * staff only within their tenant. Errors are RFC 9457 problem details with {@code code},
 * {@code field} and {@code rule}.
 */
@HttpExchange
public interface CaseApi {

    String CASES = "/api/cases";
    String CASE = "/api/cases/{id}";
    String MINE = "/api/cases/mine";
    String INBOX = "/api/cases/inbox/{tenantCode}";
    String DISHONESTY = "/api/cases/dishonesty/{tenantCode}";
    String ACCEPT = "/api/cases/{id}/accept";
    String ONE_TIME_NOTICE = "/api/cases/{id}/one-time-notice";
    String CORRECT = "/api/cases/{id}/correct";
    String REJECT = "/api/cases/{id}/reject";
    String COMPLETE = "/api/cases/{id}/complete";
    String ASSIGN = "/api/cases/{id}/assign";
    String DELIVER = "/api/cases/{id}/deliver";
    String CONFIRM_DELIVERY = "/api/cases/{id}/confirm-delivery";
    String WITHDRAW = "/api/cases/{id}/withdraw";
    String EXTENSION = "/api/cases/{id}/extension";
    String PERSONAL_DATA = "/api/cases/{id}/personal-data";
    String PERSONAL_DATA_READS = "/api/cases/{id}/personal-data/reads";
    String EXTENSION_DECISION = "/api/cases/{id}/extension/decision";
    String FORWARD = "/api/cases/{id}/forward";
    String RECEIVE_FORWARDED = "/api/cases/{id}/receive-forwarded";
    String RETURN_RESULT = "/api/cases/{id}/return-result";
    String HAND_OVER_RESULT = "/api/cases/{id}/hand-over-result";
    String AGENCY = "/api/cases/{id}/agency";
    String AGENCY_END = "/api/cases/{id}/agency/end";
    String MY_MESSAGES = "/api/messages/mine";
    String MESSAGE_READ = "/api/messages/{id}/read";
    /** The most cases one page holds. */
    int MAX_FIRST = 100;

    /** A citizen files a case (C1); a retry with the same idempotency key answers the same receipt. */
    @PostExchange(CASES)
    Mono<Receipt> submit(@RequestBody SubmitCaseRequest request);

    @GetExchange(CASE)
    Mono<CaseView> get(@PathVariable("id") String id);

    /** The caller's own cases, newest first (a citizen). */
    /** The calling citizen's own messages, newest first. */
    @GetExchange(MY_MESSAGES)
    Mono<Page<CitizenMessage>> myMessages(@RequestParam(name = "first", required = false) Integer first,
                                          @RequestParam(name = "after", required = false) String after);

    /** The calling citizen marks one of their own messages read (another's is NOT_FOUND). */
    @PostExchange(MESSAGE_READ)
    Mono<CitizenMessage> markMessageRead(@PathVariable("id") String id);

    @GetExchange(MINE)
    Mono<Page<CaseSummary>> mine(@RequestParam(name = "first", required = false) Integer first,
                                 @RequestParam(name = "after", required = false) String after);

    /**
     * A tenant's open cases for its staff, by deadline (soonest first; cases not yet accepted after
     * them, by filing time), with warnings (C8). {@code filter} RECEIVED_FOR_OTHERS: the cases its hall
     * received for other tenants (C12); default OWN.
     */
    @GetExchange(INBOX)
    Mono<Page<CaseSummary>> inbox(@PathVariable("tenantCode") String tenantCode,
                                  @RequestParam(name = "filter", required = false) InboxFilter filter,
                                  @RequestParam(name = "departmentId", required = false) String departmentId,
                                  @RequestParam(name = "first", required = false) Integer first,
                                  @RequestParam(name = "after", required = false) String after);

    /** The tenant's dishonesty list (C5), for its staff. */
    @GetExchange(DISHONESTY)
    Mono<List<DishonestyEntry>> dishonesty(@PathVariable("tenantCode") String tenantCode);

    @PostExchange(ACCEPT)
    Mono<CaseView> accept(@PathVariable("id") String id, @RequestBody StaffActions.Accept body);

    @PostExchange(ONE_TIME_NOTICE)
    Mono<CaseView> issueOneTimeNotice(@PathVariable("id") String id, @RequestBody StaffActions.Notice body);

    @PostExchange(CORRECT)
    Mono<CaseView> correct(@PathVariable("id") String id, @RequestBody CitizenActions.Correct body);

    @PostExchange(REJECT)
    Mono<CaseView> reject(@PathVariable("id") String id, @RequestBody StaffActions.Reject body);

    /** T5: the front desk hands an accepted case to one of the tenant's departments for approval. */
    @PostExchange(ASSIGN)
    Mono<CaseView> assign(@PathVariable("id") String id, @RequestBody StaffActions.Assign body);

    @PostExchange(COMPLETE)
    Mono<CaseView> complete(@PathVariable("id") String id, @RequestBody StaffActions.Complete body);

    @PostExchange(DELIVER)
    Mono<CaseView> deliver(@PathVariable("id") String id, @RequestBody StaffActions.Deliver body);

    @PostExchange(CONFIRM_DELIVERY)
    Mono<CaseView> confirmDelivery(@PathVariable("id") String id);

    @PostExchange(WITHDRAW)
    Mono<CaseView> withdraw(@PathVariable("id") String id, @RequestBody CitizenActions.Withdraw body);

    @PostExchange(EXTENSION)
    Mono<CaseView> requestExtension(@PathVariable("id") String id, @RequestBody StaffActions.RequestExtension body);

    @PostExchange(EXTENSION_DECISION)
    Mono<CaseView> decideExtension(@PathVariable("id") String id, @RequestBody StaffActions.DecideExtension body);

    /** M3: one personal number of the case in full, for its own tenant's staff, with a reason; the read is recorded. */
    @PostExchange(PERSONAL_DATA)
    Mono<StaffActions.PersonalDataShown> revealPersonalData(@PathVariable("id") String id, @RequestBody StaffActions.RevealPersonalData body);

    /** M3: who was shown a personal number of the case in full (every audited read, newest first), for its own tenant's staff. */
    @GetExchange(PERSONAL_DATA_READS)
    Mono<List<StaffActions.PersonalDataRead>> personalDataReads(@PathVariable("id") String id);

    /** C12, the receiving hall's staff: form checked, forwarded to the owning tenant (paper: carrier and tracking number). */
    @PostExchange(FORWARD)
    Mono<CaseView> forward(@PathVariable("id") String id, @RequestBody StaffActions.Forward body);

    /** C12, the owning tenant's front desk: the posted materials arrived; the transit pause ends. */
    @PostExchange(RECEIVE_FORWARDED)
    Mono<CaseView> receiveForwarded(@PathVariable("id") String id, @RequestBody StaffActions.ReceiveForwarded body);

    /** C12, the owning tenant's front desk: the result goes back by the chosen delivery mode. */
    @PostExchange(RETURN_RESULT)
    Mono<CaseView> returnResult(@PathVariable("id") String id, @RequestBody StaffActions.ReturnResult body);

    /** C12, the receiving hall's staff: the result handed over or posted to the applicant. */
    @PostExchange(HAND_OVER_RESULT)
    Mono<CaseView> handOverResult(@PathVariable("id") String id, @RequestBody StaffActions.HandOverResult body);

    /** C13, the hall's front desk (agent): remote agency starts, due within 7 working days. */
    @PostExchange(AGENCY)
    Mono<CaseView> startAgency(@PathVariable("id") String id, @RequestBody StaffActions.StartAgency body);

    /** C13: the remote agency ends early for one of the rulebook's reasons. */
    @PostExchange(AGENCY_END)
    Mono<CaseView> endAgency(@PathVariable("id") String id, @RequestBody StaffActions.EndAgency body);
}
