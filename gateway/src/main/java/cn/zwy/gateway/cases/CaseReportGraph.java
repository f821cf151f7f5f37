package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.cases.api.Comparison;
import cn.zwy.cases.api.WindowReport;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.identity.Callers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Supervision reports on cases (M1, M2; ADR 0024): the access check and the arguments' shapes here, then
 * case-service, which checks again. {@link ReportExports} serves the same reports as .xlsx.
 */
@Controller
public class CaseReportGraph {

    private final CaseReportApi reports;

    public CaseReportGraph(CaseReportApi reports) {
        this.reports = reports;
    }

    @QueryMapping
    public Mono<WindowReport> windowReport(@Argument String tenantCode, @Argument String month, @AuthenticationPrincipal Jwt jwt) {
        checkWindowReport(Callers.require(jwt), tenantCode);
        return reports.windowReport(tenantCode, month);
    }

    @QueryMapping
    public Mono<Comparison> countyComparison(@Argument String regionPrefix, @Argument String period, @Argument String rankBy,
                                             @AuthenticationPrincipal Jwt jwt) {
        checkCountyComparison(Callers.require(jwt), regionPrefix, period);
        return reports.countyComparison(regionPrefix, period, rankBy);
    }

    @QueryMapping
    public Mono<Comparison> comparisonDrillDown(@Argument String tenantCode, @Argument String period, @Argument String hallKey,
                                                @Argument String windowKey, @Argument String rankBy, @AuthenticationPrincipal Jwt jwt) {
        checkDrillDown(Callers.require(jwt), tenantCode, period, hallKey, windowKey);
        return reports.drillDown(tenantCode, period, hallKey, windowKey, rankBy);
    }

    static void checkWindowReport(Caller caller, String tenantCode) {
        if (tenantCode == null || !caller.mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的统计报表");
    }

    /** Who first (a refusal never depends on the arguments' shape), then the shapes, before any URL is made. */
    static void checkCountyComparison(Caller caller, String regionPrefix, String period) {
        if (regionPrefix == null || !caller.maySupervise(regionPrefix)) throw ApiException.forbidden("只有本省或本市的管理员可以比较其辖区各县区");
        if (!regionPrefix.matches("\\d{2}|\\d{4}")) throw ApiException.validation("regionPrefix", "比较范围应为省（2 位）或市（4 位）区划代码");
        checkPeriod(period);
    }

    static void checkDrillDown(Caller caller, String tenantCode, String period, String hallKey, String windowKey) {
        if (tenantCode == null || !caller.mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的比较");
        checkPeriod(period);
        if (hallKey != null && !hallKey.matches("-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw ApiException.validation("hallKey", "大厅应为比较结果中的大厅 key");
        }
        if (windowKey != null && (windowKey.isBlank() || windowKey.length() > 100)) {
            throw ApiException.validation("windowKey", "窗口应为比较结果中的窗口 key（至多 100 字）");
        }
    }

    private static void checkPeriod(String period) {
        if (period != null && !period.matches("\\d{4}(-\\d{2}|-Q[1-4])?")) {
            throw ApiException.validation("period", "统计期应为月（2026-11）、季度（2026-Q4）或年（2026）");
        }
    }
}
