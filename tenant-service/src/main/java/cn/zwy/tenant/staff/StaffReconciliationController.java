package cn.zwy.tenant.staff;

import cn.zwy.tenant.api.organisation.OrganisationApi;
import cn.zwy.tenant.api.organisation.StaffInputs.Report;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's run of the T7 reconciliation (internal REST; the gateway exposes it as reconcileStaff). */
@RestController
public class StaffReconciliationController {

    private final StaffReconciliation reconciliation;

    public StaffReconciliationController(StaffReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping(OrganisationApi.RECONCILE)
    public Report reconcile() {
        return reconciliation.run(Callers.require());
    }
}
