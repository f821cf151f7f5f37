package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ProblemDetails;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.limits.AdmittedFiles;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The supervision reports as .xlsx downloads (M1, M2; ADR 0024), beside GraphQL because a spreadsheet is a file:
 * signed-in staff only, counted in the caller's per-minute operations like every GraphQL operation, the same access
 * checks and argument shapes as {@link CaseReportGraph}, then case-service's typed contract with the caller's own token
 * (its paths are constants; the arguments travel as encoded variables, and case-service checks again). Refusals are
 * RFC 9457 problem details with code and field.
 */
@RestController
public class ReportExports {

    private final CaseReportApi reports;
    private final AdmittedFiles files;

    public ReportExports(CaseReportApi reports, AdmittedFiles files) {
        this.reports = reports;
        this.files = files;
    }

    @GetMapping("/exports/window-report.xlsx")
    Mono<ResponseEntity<byte[]>> windowReport(@RequestParam(required = false) String tenantCode, @RequestParam(required = false) String month,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return admitted(jwt, exchange, caller -> {
            CaseReportGraph.checkWindowReport(caller, tenantCode);
            if (month == null || !month.matches("\\d{4}-\\d{2}")) throw ApiException.validation("month", "月份格式应为 yyyy-MM，例如 2026-11");
            return reports.windowReportXlsx(tenantCode, month);
        });
    }

    @GetMapping("/exports/county-comparison.xlsx")
    Mono<ResponseEntity<byte[]>> countyComparison(@RequestParam(required = false) String regionPrefix,
                                                  @RequestParam(required = false) String period,
                                                  @RequestParam(required = false) String rankBy,
                                                  @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return admitted(jwt, exchange, caller -> {
            CaseReportGraph.checkCountyComparison(caller, regionPrefix, period);
            return reports.countyComparisonXlsx(regionPrefix, period, rankBy(rankBy));
        });
    }

    @GetMapping("/exports/comparison-drill-down.xlsx")
    Mono<ResponseEntity<byte[]>> drillDown(@RequestParam(required = false) String tenantCode, @RequestParam(required = false) String period,
                                           @RequestParam(required = false) String hallKey, @RequestParam(required = false) String windowKey,
                                           @RequestParam(required = false) String rankBy,
                                           @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return admitted(jwt, exchange, caller -> {
            CaseReportGraph.checkDrillDown(caller, tenantCode, period, hallKey, windowKey);
            return reports.drillDownXlsx(tenantCode, period, hallKey, windowKey, rankBy(rankBy));
        });
    }

    private static String rankBy(String rankBy) {
        if (rankBy != null && !CaseReportApi.Comparisons.INDICATORS.contains(rankBy)) {
            throw ApiException.validation("rankBy", "排名指标应为 " + String.join("、", CaseReportApi.Comparisons.INDICATORS));
        }
        return rankBy;
    }

    /** Signed-in staff within their operations per minute; the workbook with case-service's headers (type, file name). */
    private Mono<ResponseEntity<byte[]>> admitted(Jwt jwt, ServerWebExchange exchange, Function<Caller, Mono<ResponseEntity<byte[]>>> export) {
        return files.admitted(jwt, exchange, export);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        ProblemDetail p = ProblemDetails.of(e);
        return ResponseEntity.status(HttpStatus.valueOf(e.code().status())).body(p);
    }
}
