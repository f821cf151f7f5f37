package cn.zwy.tenant.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.calendar.CalendarAnswer;
import cn.zwy.tenant.calendar.WorkingDays;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * S6: adding, cancelling, delegating down or changing an item is announced at least
 * {@value #WORKING_DAYS} working days before it takes effect (counted on the tenant's calendar,
 * C4), unless a provincial administrator marks it urgent. The calendar is another component's
 * ({@link WorkingDays}); this class only asks it.
 */
@Component
public class NoticePeriod {

    public static final int WORKING_DAYS = 5;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** When a change was announced and from when it applies; warnings come from the calendar. */
    public record Decision(Instant announcedAt, LocalDate effectiveFrom, LocalDate earliest, List<String> warnings) {}

    private final ObjectProvider<WorkingDays> calendar;
    private final Clock clock;

    public NoticePeriod(ObjectProvider<WorkingDays> calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * @param calendarCode whose working days count (the tenant; the province for its standard catalog)
     * @param requested    the wished effective date, or null for the earliest allowed
     * @param notBefore    a date the change may not precede (the effective date of the version it follows), or null
     */
    public Decision decide(String calendarCode, LocalDate requested, boolean urgent, LocalDate notBefore) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate earliest;
        List<String> warnings = List.of();
        if (urgent) {
            earliest = today;
        } else {
            WorkingDays days = calendar.getIfAvailable();
            if (days == null) {
                // the working-day calendar is a separate component; without it S6 cannot be decided
                throw new ApiException(ErrorCode.RULE_VIOLATION,
                        "工作日历尚未配置，无法计算公告期（提前 " + WORKING_DAYS + " 个工作日）", "effectiveFrom", "S6");
            }
            CalendarAnswer<LocalDate> answer = days.addWorkingDays(calendarCode, today, WORKING_DAYS);
            earliest = answer.value();
            warnings = answer.warnings();
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
        return new Decision(now, effective, earliest, warnings);
    }
}
