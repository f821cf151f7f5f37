package cn.zwy.tenant.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.tenant.calendar.WorkingDays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import cn.zwy.common.tenant.TenantTransactions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * S6: adding, cancelling, delegating down or changing an item is announced at least
 * {@value #WORKING_DAYS} working days before it takes effect (counted on the tenant's calendar,
 * C4), unless a provincial administrator marks it urgent. The calendar is another component's
 * ({@link WorkingDays}); this class only asks it, and passes on what it was unsure of.
 */
@Component
public class NoticePeriod {

    public static final int WORKING_DAYS = 5;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** When a change was announced and from when it applies; warnings come from the calendar. */
    public record Decision(Instant announcedAt, LocalDate effectiveFrom, LocalDate earliest, List<String> warnings) {}

    private final WorkingDays calendar;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;

    public NoticePeriod(WorkingDays calendar, Clock clock, JdbcTemplate jdbc, TenantTransactions tx) {
        this.calendar = calendar;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * For a province's standard catalog: the notice must give every active tenant of the province
     * its own {@value #WORKING_DAYS} working days (closures differ), so the earliest day is the
     * latest of theirs. Must run outside a transaction: each tenant's calendar is read under its
     * own tenant binding.
     */
    public Decision decideForProvince(String provinceCode, LocalDate requested, boolean urgent, LocalDate notBefore) {
        if (urgent) return decide(List.of(), requested, true, notBefore);
        List<String> tenants = tx.platform(() -> jdbc.queryForList(
                "select code from tenant where code like ? and status = 'ACTIVE' order by code", String.class, provinceCode + "%"));
        if (tenants.isEmpty()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "本省尚无开通的租户，无法按工作日计算公告期；如确需立即生效，请标记为紧急变更",
                    "effectiveFrom", "S6");
        }
        return decide(tenants, requested, false, notBefore);
    }

    /**
     * @param calendarCode whose working days count (the tenant)
     * @param requested    the wished effective date, or null for the earliest allowed
     * @param notBefore    a date the change may not precede (the effective date of the version it follows), or null
     */
    public Decision decide(String calendarCode, LocalDate requested, boolean urgent, LocalDate notBefore) {
        return decide(List.of(calendarCode), requested, urgent, notBefore);
    }

    private Decision decide(List<String> calendarCodes, LocalDate requested, boolean urgent, LocalDate notBefore) {
        // at the database's precision, so that what a publication returns is what every later read returns
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate earliest;
        Set<String> warnings = new LinkedHashSet<>();
        earliest = today;
        if (!urgent) {
            for (String code : calendarCodes) {
                CalendarAnswer<LocalDate> answer = calendar.addWorkingDays(code, today, WORKING_DAYS);
                if (answer.value().isAfter(earliest)) earliest = answer.value();
                warnings.addAll(answer.warnings());
            }
        }
        if (notBefore != null && notBefore.isAfter(earliest)) earliest = notBefore;
        LocalDate effective = requested == null ? earliest : requested;
        if (effective.isBefore(today)) {
            throw ApiException.validation("effectiveFrom", "生效日期不能早于今天（" + today + "）: " + effective);
        }
        if (notBefore != null && effective.isBefore(notBefore)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "生效日期不能早于上一版本的生效日期 " + notBefore
                    + "（版本按生效日期先后排列）: " + effective, "effectiveFrom", "S6");
        }
        if (effective.isBefore(earliest)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "事项的新增、取消、下放和变更须提前 " + WORKING_DAYS
                    + " 个工作日公告：今天（" + today + "）公告，最早 " + earliest + " 生效，收到 " + effective
                    + "。紧急变更须由省级管理员标记", "effectiveFrom", "S6");
        }
        return new Decision(now, effective, earliest, List.copyOf(warnings));
    }
}
