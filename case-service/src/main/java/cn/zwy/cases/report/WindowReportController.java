package cn.zwy.cases.report;

import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.cases.api.WindowReport;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link CaseReportApi}. */
@RestController
class WindowReportController {

    private final WindowReports reports;

    WindowReportController(WindowReports reports) {
        this.reports = reports;
    }

    @GetMapping(CaseReportApi.WINDOW_REPORT)
    WindowReport windowReport(@PathVariable String tenantCode, @RequestParam(required = false) String month) {
        return reports.windowReport(Callers.require(), tenantCode, month);
    }
}
