package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.cases.api.WindowReport;
import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.identity.Callers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Supervision reports on cases (M1): the tenancy check, then case-service, which checks again. */
@Controller
public class CaseReportGraph {

    private final CaseReportApi reports;

    public CaseReportGraph(CaseReportApi reports) {
        this.reports = reports;
    }

    @QueryMapping
    public Mono<WindowReport> windowReport(@Argument String tenantCode, @Argument String month, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的统计报表");
        return reports.windowReport(tenantCode, month);
    }
}
