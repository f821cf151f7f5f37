package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.CitizenActions;
import cn.zwy.cases.api.DishonestyEntry;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.cases.api.SubmitCaseRequest;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import java.util.List;
import org.springframework.web.bind.annotation.RestController;

/** case-service's REST API: the contract {@link CaseApi} (case-api module), implemented. */
@RestController
class CaseController implements CaseApi {

    private final CaseService cases;
    private final CaseQueries queries;

    CaseController(CaseService cases, CaseQueries queries) {
        this.cases = cases;
        this.queries = queries;
    }

    @Override
    public Receipt submit(SubmitCaseRequest request) { return cases.submit(Callers.require(), request); }

    @Override
    public CaseView get(String id) { return queries.get(Callers.require(), id); }

    @Override
    public Page<CaseSummary> mine(Integer first, String after) { return queries.mine(Callers.require(), first, after); }

    @Override
    public Page<CaseSummary> inbox(String tenantCode, Integer first, String after) {
        return queries.inbox(Callers.require(), tenantCode, first, after);
    }

    @Override
    public List<DishonestyEntry> dishonesty(String tenantCode) { return queries.dishonesty(Callers.require(), tenantCode); }

    @Override
    public CaseView accept(String id, StaffActions.Accept body) { return cases.accept(Callers.require(), id, body); }

    @Override
    public CaseView issueOneTimeNotice(String id, StaffActions.Notice body) { return cases.issueOneTimeNotice(Callers.require(), id, body); }

    @Override
    public CaseView correct(String id, CitizenActions.Correct body) { return cases.correct(Callers.require(), id, body); }

    @Override
    public CaseView reject(String id, StaffActions.Reject body) { return cases.reject(Callers.require(), id, body); }

    @Override
    public CaseView complete(String id, StaffActions.Complete body) { return cases.complete(Callers.require(), id, body); }

    @Override
    public CaseView deliver(String id, StaffActions.Deliver body) { return cases.deliver(Callers.require(), id, body); }

    @Override
    public CaseView confirmDelivery(String id) { return cases.confirmDelivery(Callers.require(), id); }

    @Override
    public CaseView withdraw(String id, CitizenActions.Withdraw body) { return cases.withdraw(Callers.require(), id, body); }

    @Override
    public CaseView requestExtension(String id, StaffActions.RequestExtension body) {
        return cases.requestExtension(Callers.require(), id, body);
    }

    @Override
    public CaseView decideExtension(String id, StaffActions.DecideExtension body) {
        return cases.decideExtension(Callers.require(), id, body);
    }
}
