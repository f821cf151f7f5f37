package cn.zwy.cases.api;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/** case-service's supervision reports (M1, C8), for the tenant's staff and its province's administrator. */
@HttpExchange
public interface CaseReportApi {

    String WINDOW_REPORT = "/api/cases/reports/{tenantCode}/windows";

    /** @param month {@code yyyy-MM}, not in the future */
    @GetExchange(WINDOW_REPORT)
    Mono<WindowReport> windowReport(@PathVariable("tenantCode") String tenantCode, @RequestParam("month") String month);
}
