package cn.zwy.cases.filing;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What filing's local read models (fed by tenant-service's events) tell other modules of case-service —
 * booking derives slots from the working calendar and books only items a tenant offers — without those
 * modules reading filing's tables. Call inside a transaction bound to the tenant.
 */
@Component
public class FilingReadModels {

    private final LocalCalendar calendar;
    private final GuideVersions guides;

    FilingReadModels(LocalCalendar calendar, GuideVersions guides) {
        this.calendar = calendar;
        this.guides = guides;
    }

    /** The working-day calendar of the tenant the current transaction is bound to (C4). */
    public WorkingCalendar calendarOfCurrentTenant() {
        return calendar.ofCurrentTenant();
    }

    /** The n-th working day after {@code day} on the current tenant's calendar: "within n working days" of it (C4, V4, V6). */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        return CrossRegionCases.workingDaysAfter(day, n, calendar.ofCurrentTenant());
    }

    /** The item's name when the current tenant offers it on {@code day} (a published guide in effect); empty otherwise. */
    public Optional<String> offeredItemName(String itemId, LocalDate day) {
        return guides.inEffect(itemId, day).filter(g -> "PUBLISHED".equals(g.status())).map(GuideVersion::name);
    }
}
