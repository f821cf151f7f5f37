package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.CaseUpdatesApi;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.InboxFilter;
import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.cases.api.CitizenActions;
import cn.zwy.cases.api.DishonestyEntry;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.cases.api.SubmitCaseRequest;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** case-service's REST API: the paths and records of the contracts {@link CaseApi} and {@link CaseUpdatesApi} (case-api module). */
@RestController
class CaseController {

    private final CaseService cases;
    private final CaseQueries queries;
    private final CrossRegionCases relay;
    private final CaseUpdates updates;
    private final CitizenMessages messages;
    private final CasePersonalData personal;

    CaseController(CaseService cases, CaseQueries queries, CrossRegionCases relay, CaseUpdates updates, CitizenMessages messages,
                   CasePersonalData personal) {
        this.cases = cases;
        this.queries = queries;
        this.relay = relay;
        this.updates = updates;
        this.messages = messages;
        this.personal = personal;
    }

    @PostMapping(CaseApi.CASES)
    Receipt submit(@RequestBody(required = false) SubmitCaseRequest request) { return cases.submit(Callers.require(), request); }

    @GetMapping(CaseApi.CASE)
    CaseView get(@PathVariable String id) { return queries.get(Callers.require(), id); }

    @GetMapping(path = CaseUpdatesApi.UPDATES, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter updates(@PathVariable String id) { return updates.open(Callers.require(), id); }

    @GetMapping(CaseApi.MY_MESSAGES)
    Page<CitizenMessage> myMessages(@RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return messages.mine(Callers.require(), first, after);
    }

    @PostMapping(CaseApi.MESSAGE_READ)
    CitizenMessage markMessageRead(@PathVariable String id) { return messages.markRead(Callers.require(), id); }

    @GetMapping(CaseApi.MINE)
    Page<CaseSummary> mine(@RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return queries.mine(Callers.require(), first, after);
    }

    @GetMapping(CaseApi.INBOX)
    Page<CaseSummary> inbox(@PathVariable String tenantCode, @RequestParam(required = false) InboxFilter filter,
                            @RequestParam(required = false) String departmentId,
                            @RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return queries.inbox(Callers.require(), tenantCode, filter, departmentId, first, after);
    }

    @GetMapping(CaseApi.DISHONESTY)
    List<DishonestyEntry> dishonesty(@PathVariable String tenantCode) { return queries.dishonesty(Callers.require(), tenantCode); }

    @PostMapping(CaseApi.PERSONAL_DATA)
    StaffActions.PersonalDataShown revealPersonalData(@PathVariable String id,
                                                      @RequestBody(required = false) StaffActions.RevealPersonalData body) {
        return personal.reveal(Callers.require(), id, body);
    }

    @GetMapping(CaseApi.PERSONAL_DATA_READS)
    List<StaffActions.PersonalDataRead> personalDataReads(@PathVariable String id) {
        return personal.reads(Callers.require(), id);
    }

    @PostMapping(CaseApi.ACCEPT)
    CaseView accept(@PathVariable String id, @RequestBody(required = false) StaffActions.Accept body) {
        return cases.accept(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.ONE_TIME_NOTICE)
    CaseView issueOneTimeNotice(@PathVariable String id, @RequestBody(required = false) StaffActions.Notice body) {
        return cases.issueOneTimeNotice(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.CORRECT)
    CaseView correct(@PathVariable String id, @RequestBody(required = false) CitizenActions.Correct body) {
        return cases.correct(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.REJECT)
    CaseView reject(@PathVariable String id, @RequestBody(required = false) StaffActions.Reject body) {
        return cases.reject(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.ASSIGN)
    CaseView assign(@PathVariable String id, @RequestBody(required = false) StaffActions.Assign body) {
        return cases.assign(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.COMPLETE)
    CaseView complete(@PathVariable String id, @RequestBody(required = false) StaffActions.Complete body) {
        return cases.complete(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.DELIVER)
    CaseView deliver(@PathVariable String id, @RequestBody(required = false) StaffActions.Deliver body) {
        return cases.deliver(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.CONFIRM_DELIVERY)
    CaseView confirmDelivery(@PathVariable String id) { return cases.confirmDelivery(Callers.require(), id); }

    @PostMapping(CaseApi.WITHDRAW)
    CaseView withdraw(@PathVariable String id, @RequestBody(required = false) CitizenActions.Withdraw body) {
        return cases.withdraw(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.EXTENSION)
    CaseView requestExtension(@PathVariable String id, @RequestBody(required = false) StaffActions.RequestExtension body) {
        return cases.requestExtension(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.EXTENSION_DECISION)
    CaseView decideExtension(@PathVariable String id, @RequestBody(required = false) StaffActions.DecideExtension body) {
        return cases.decideExtension(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.FORWARD)
    CaseView forward(@PathVariable String id, @RequestBody(required = false) StaffActions.Forward body) {
        return relay.forward(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.RECEIVE_FORWARDED)
    CaseView receiveForwarded(@PathVariable String id, @RequestBody(required = false) StaffActions.ReceiveForwarded body) {
        return relay.receiveForwarded(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.RETURN_RESULT)
    CaseView returnResult(@PathVariable String id, @RequestBody(required = false) StaffActions.ReturnResult body) {
        return relay.returnResult(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.HAND_OVER_RESULT)
    CaseView handOverResult(@PathVariable String id, @RequestBody(required = false) StaffActions.HandOverResult body) {
        return relay.handOverResult(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.AGENCY)
    CaseView startAgency(@PathVariable String id, @RequestBody(required = false) StaffActions.StartAgency body) {
        return relay.startAgency(Callers.require(), id, body);
    }

    @PostMapping(CaseApi.AGENCY_END)
    CaseView endAgency(@PathVariable String id, @RequestBody(required = false) StaffActions.EndAgency body) {
        return relay.endAgency(Callers.require(), id, body);
    }
}
