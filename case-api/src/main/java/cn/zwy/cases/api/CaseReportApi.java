package cn.zwy.cases.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * case-service's supervision reports (M1, M2, C8; ADR 0024): the monthly report per window for the tenant's staff and
 * the administrators of its city and province, and the comparison of counties for those administrators, each also as
 * an .xlsx workbook with the same figures.
 */
@HttpExchange
public interface CaseReportApi {

    String WINDOW_REPORT = "/api/cases/reports/{tenantCode}/windows";
    String WINDOW_REPORT_XLSX = "/api/cases/reports/{tenantCode}/windows.xlsx";
    String COUNTY_COMPARISON = "/api/cases/comparisons/regions/{regionPrefix}";
    String COUNTY_COMPARISON_XLSX = "/api/cases/comparisons/regions/{regionPrefix}.xlsx";
    String DRILL_DOWN = "/api/cases/comparisons/tenants/{tenantCode}";
    String DRILL_DOWN_XLSX = "/api/cases/comparisons/tenants/{tenantCode}.xlsx";
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** @param month {@code yyyy-MM}, not in the future */
    @GetExchange(WINDOW_REPORT)
    Mono<WindowReport> windowReport(@PathVariable("tenantCode") String tenantCode, @RequestParam("month") String month);

    @GetExchange(WINDOW_REPORT_XLSX)
    Mono<ResponseEntity<byte[]>> windowReportXlsx(@PathVariable("tenantCode") String tenantCode, @RequestParam("month") String month);

    /**
     * The counties of a province (2 digits) or city (4 digits), for its administrator.
     *
     * @param period {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}; null: the current month
     * @param rankBy a {@link Comparisons} indicator; null: VOLUME
     */
    @GetExchange(COUNTY_COMPARISON)
    Mono<Comparison> countyComparison(@PathVariable("regionPrefix") String regionPrefix,
                                      @RequestParam(value = "period", required = false) String period,
                                      @RequestParam(value = "rankBy", required = false) String rankBy);

    @GetExchange(COUNTY_COMPARISON_XLSX)
    Mono<ResponseEntity<byte[]>> countyComparisonXlsx(@PathVariable("regionPrefix") String regionPrefix,
                                                      @RequestParam(value = "period", required = false) String period,
                                                      @RequestParam(value = "rankBy", required = false) String rankBy);

    /** Within a county: its halls; with {@code hallKey} that hall's windows; with {@code windowKey} too, that window's staff. */
    @GetExchange(DRILL_DOWN)
    Mono<Comparison> drillDown(@PathVariable("tenantCode") String tenantCode,
                               @RequestParam(value = "period", required = false) String period,
                               @RequestParam(value = "hallKey", required = false) String hallKey,
                               @RequestParam(value = "windowKey", required = false) String windowKey,
                               @RequestParam(value = "rankBy", required = false) String rankBy);

    @GetExchange(DRILL_DOWN_XLSX)
    Mono<ResponseEntity<byte[]>> drillDownXlsx(@PathVariable("tenantCode") String tenantCode,
                                               @RequestParam(value = "period", required = false) String period,
                                               @RequestParam(value = "hallKey", required = false) String hallKey,
                                               @RequestParam(value = "windowKey", required = false) String windowKey,
                                               @RequestParam(value = "rankBy", required = false) String rankBy);

    /** The indicators a comparison is ranked by; the better end of each is noted. */
    final class Comparisons {
        private Comparisons() {}

        /** VOLUME (more first), ON_TIME_RATE (higher), OVERDUE (fewer), GOOD_RATE (higher), UNRATED_RATE (lower), COMPLAINTS (fewer). */
        public static final java.util.List<String> INDICATORS = java.util.List.of("VOLUME", "ON_TIME_RATE", "OVERDUE", "GOOD_RATE",
                "UNRATED_RATE", "COMPLAINTS");
    }
}
