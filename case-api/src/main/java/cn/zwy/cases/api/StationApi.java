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
 * Three-level agency (三级全程代理, T3): an agent (代办员) of the tenant, posted at a village or town
 * station (their token's {@code site}), records an application there for an applicant who may have no
 * account; the station forwards it to the centre within 2 working days ({@link CaseApi#FORWARD}, the
 * centre's front desk {@link CaseApi#RECEIVE_FORWARDED}); the agent carries the case and answers the
 * applicant: the station's queue is {@link InboxFilter#AT_MY_STATION}, the messages for applicants
 * without an account are {@link #messages}, and the agent delivers the result ({@link CaseApi#DELIVER}).
 */
@HttpExchange
public interface StationApi {

    String SUBMISSIONS = "/api/stations/cases";
    String MESSAGES = "/api/stations/messages/{tenantCode}";
    String CLAIM = "/api/stations/cases/claim";

    /** The agent records a station submission (C1 receipt naming the agent, T8); a retry with the same key answers the same receipt. */
    @PostExchange(SUBMISSIONS)
    Mono<Receipt> submit(@RequestBody StationSubmission request);

    /**
     * What the tenant's applicants without an account were told of their cases (receipt, notices, result),
     * newest first: the agent answers them in person or by phone. {@code siteCode}: one station's (default:
     * the caller's own station, if they have one; otherwise every station's).
     */
    @GetExchange(MESSAGES)
    Mono<Page<CitizenMessage>> messages(@PathVariable("tenantCode") String tenantCode,
                                        @RequestParam(name = "siteCode", required = false) String siteCode,
                                        @RequestParam(name = "first", required = false) Integer first,
                                        @RequestParam(name = "after", required = false) String after);

    /**
     * The applicant claims a case a station recorded for them into their account (T3): named by its case number (on the
     * 受理报送清单) and the applicant's resident ID number; from then on it is in their {@code myCases}, its messages in
     * theirs. Claiming it again answers the same ({@code replayed}).
     */
    @PostExchange(CLAIM)
    Mono<ClaimedCase> claim(@RequestBody ClaimRequest request);

    record ClaimRequest(String caseNumber, String idNumber) {}

    record ClaimedCase(String caseId, String caseNumber, String stationSiteCode, boolean replayed) {}

    /**
     * A submission at a station: as {@link SubmitCaseRequest} (the item's tenant owns the case; no
     * receiving tenant: the station is the tenant's own), plus the agent's contact phone for the receipt (T8) and the
     * values of the item's own form fields (G3).
     */
    record StationSubmission(String idempotencyKey, String itemId, SubmitCaseRequest.Applicant applicant,
                             SubmitCaseRequest.Contact contact, List<SubmitCaseRequest.MaterialRef> materials,
                             DeliveryMode deliveryMode, String agentPhone, List<SubmitCaseRequest.FormValue> formValues) {}
}
