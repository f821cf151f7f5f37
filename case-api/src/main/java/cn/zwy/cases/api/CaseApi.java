package cn.zwy.cases.api;

import cn.zwy.common.api.Page;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * case-service's REST API as the gateway calls it (an HTTP service proxy) and as case-service's
 * controller implements it. The caller is the bearer token passed along: case-service checks again
 * that a citizen acts only on their own cases and staff only within their tenant. Errors are RFC 9457
 * problem details with {@code code}, {@code field} and {@code rule}.
 */
@HttpExchange("/api/cases")
public interface CaseApi {

    @PostExchange
    Receipt submit(@RequestBody SubmitCaseRequest request);

    @GetExchange("/{id}")
    CaseView get(@PathVariable("id") String id);

    /** The caller's own cases, newest first (a citizen). */
    @GetExchange("/mine")
    Page<CaseSummary> mine(@RequestParam(name = "first", required = false) Integer first,
                           @RequestParam(name = "after", required = false) String after);

    /**
     * A tenant's open cases for its staff, by deadline (soonest first, cases not yet accepted after
     * them by filing time), with warnings.
     */
    @GetExchange("/inbox/{tenantCode}")
    Page<CaseSummary> inbox(@PathVariable("tenantCode") String tenantCode,
                            @RequestParam(name = "first", required = false) Integer first,
                            @RequestParam(name = "after", required = false) String after);

    /** The tenant's dishonesty list (C5), for its staff. */
    @GetExchange("/dishonesty/{tenantCode}")
    List<DishonestyEntry> dishonesty(@PathVariable("tenantCode") String tenantCode);

    @PostExchange("/{id}/accept")
    CaseView accept(@PathVariable("id") String id, @RequestBody StaffActions.Accept body);

    @PostExchange("/{id}/one-time-notice")
    CaseView issueOneTimeNotice(@PathVariable("id") String id, @RequestBody StaffActions.Notice body);

    @PostExchange("/{id}/correct")
    CaseView correct(@PathVariable("id") String id, @RequestBody CitizenActions.Correct body);

    @PostExchange("/{id}/reject")
    CaseView reject(@PathVariable("id") String id, @RequestBody StaffActions.Reject body);

    @PostExchange("/{id}/complete")
    CaseView complete(@PathVariable("id") String id, @RequestBody StaffActions.Complete body);

    @PostExchange("/{id}/deliver")
    CaseView deliver(@PathVariable("id") String id, @RequestBody StaffActions.Deliver body);

    @PostExchange("/{id}/confirm-delivery")
    CaseView confirmDelivery(@PathVariable("id") String id);

    @PostExchange("/{id}/withdraw")
    CaseView withdraw(@PathVariable("id") String id, @RequestBody CitizenActions.Withdraw body);

    @PostExchange("/{id}/extension")
    CaseView requestExtension(@PathVariable("id") String id, @RequestBody StaffActions.RequestExtension body);

    @PostExchange("/{id}/extension/decision")
    CaseView decideExtension(@PathVariable("id") String id, @RequestBody StaffActions.DecideExtension body);
}
