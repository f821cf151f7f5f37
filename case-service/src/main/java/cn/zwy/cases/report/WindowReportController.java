package cn.zwy.cases.report;

import cn.zwy.cases.api.CaseReportApi;
import cn.zwy.cases.api.Comparison;
import cn.zwy.cases.api.WindowReport;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Callers;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The paths of {@link CaseReportApi}: each report as JSON and as an .xlsx workbook made from the same record (the
 * workbook's name is made of the checked arguments only).
 */
@RestController
class WindowReportController {

    private final WindowReports reports;
    private final Comparisons comparisons;
    private final JdbcTemplate jdbc;

    WindowReportController(WindowReports reports, Comparisons comparisons, JdbcTemplate jdbc) {
        this.reports = reports;
        this.comparisons = comparisons;
        this.jdbc = jdbc;
    }

    @GetMapping(CaseReportApi.WINDOW_REPORT)
    WindowReport windowReport(@PathVariable String tenantCode, @RequestParam(required = false) String month) {
        return reports.windowReport(Callers.require(), tenantCode, month);
    }

    @GetMapping(CaseReportApi.WINDOW_REPORT_XLSX)
    ResponseEntity<byte[]> windowReportXlsx(@PathVariable String tenantCode, @RequestParam(required = false) String month) {
        WindowReport r = reports.windowReport(Callers.require(), tenantCode, month);
        return xlsx(Workbooks.windowReport(name(r.tenantCode()), r), "窗口月报-" + r.tenantCode() + "-" + r.month());
    }

    @GetMapping(CaseReportApi.COUNTY_COMPARISON)
    Comparison countyComparison(@PathVariable String regionPrefix, @RequestParam(required = false) String period,
                                @RequestParam(required = false) String rankBy) {
        return comparisons.counties(Callers.require(), regionPrefix, period, rankBy);
    }

    @GetMapping(CaseReportApi.COUNTY_COMPARISON_XLSX)
    ResponseEntity<byte[]> countyComparisonXlsx(@PathVariable String regionPrefix, @RequestParam(required = false) String period,
                                                @RequestParam(required = false) String rankBy) {
        Comparison c = comparisons.counties(Callers.require(), regionPrefix, period, rankBy);
        return xlsx(Workbooks.comparison(c.scope() + " 各县区比较（M2）", c), "县区比较-" + c.scope() + "-" + c.period());
    }

    @GetMapping(CaseReportApi.DRILL_DOWN)
    Comparison drillDown(@PathVariable String tenantCode, @RequestParam(required = false) String period,
                         @RequestParam(required = false) String hallKey, @RequestParam(required = false) String windowKey,
                         @RequestParam(required = false) String rankBy) {
        return comparisons.drillDown(Callers.require(), tenantCode, period, hallKey, windowKey, rankBy);
    }

    @GetMapping(CaseReportApi.DRILL_DOWN_XLSX)
    ResponseEntity<byte[]> drillDownXlsx(@PathVariable String tenantCode, @RequestParam(required = false) String period,
                                         @RequestParam(required = false) String hallKey, @RequestParam(required = false) String windowKey,
                                         @RequestParam(required = false) String rankBy) {
        Caller caller = Callers.require();
        Comparison c = comparisons.drillDown(caller, tenantCode, period, hallKey, windowKey, rankBy);
        return xlsx(Workbooks.comparison(name(c.scope()) + " " + level(c.level()) + "比较（M2）", c),
                level(c.level()) + "比较-" + c.scope() + "-" + c.period());
    }

    private static String level(String level) {
        return switch (level) {
            case "HALL" -> "大厅";
            case "WINDOW" -> "窗口";
            default -> "工作人员";
        };
    }

    /** The tenant's name as tenant-service announced it (its code until then). */
    private String name(String tenantCode) {
        return jdbc.query("select name from tenant_model where tenant_code = ?", (rs, i) -> rs.getString(1), tenantCode)
                .stream().findFirst().orElse(tenantCode);
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(CaseReportApi.XLSX));
        h.setContentDisposition(ContentDisposition.attachment().filename(fileName + ".xlsx", StandardCharsets.UTF_8).build());
        h.setCacheControl("no-store");
        return ResponseEntity.ok().headers(h).body(body);
    }
}
