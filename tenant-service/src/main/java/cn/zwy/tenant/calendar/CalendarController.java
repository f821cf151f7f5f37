package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.calendar.CalendarDays;
import cn.zwy.tenant.api.calendar.HallOpening;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.common.security.Callers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal REST of the working-day calendar. Reads are public (a citizen may ask when a limit
 * ends or when the hall opens); edits check the caller here again, not trusting the gateway.
 */
@RestController
public class CalendarController {

    private final CalendarService calendar;
    private final CalendarAdmin admin;
    private final NationalCalendar national;

    public CalendarController(CalendarService calendar, CalendarAdmin admin, NationalCalendar national) {
        this.calendar = calendar;
        this.admin = admin;
        this.national = national;
    }

    @GetMapping(CalendarApi.WORKING_DAY)
    public CalendarAnswer<Boolean> workingDay(@PathVariable String tenantCode,
                                              @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        return calendar.isWorkingDay(tenantCode, date);
    }

    @GetMapping(CalendarApi.ADD)
    public CalendarAnswer<LocalDate> add(@PathVariable String tenantCode,
                                         @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                         @RequestParam int days) {
        return calendar.addWorkingDays(tenantCode, from, days);
    }

    @GetMapping(CalendarApi.BETWEEN)
    public CalendarAnswer<Integer> between(@PathVariable String tenantCode,
                                           @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                           @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return calendar.workingDaysBetween(tenantCode, from, to);
    }

    @GetMapping(CalendarApi.NEXT_OPENING)
    public CalendarAnswer<HallOpening> nextOpening(@PathVariable String tenantCode, @PathVariable UUID hallId,
                                                   @RequestParam(required = false) Instant from) {
        return calendar.nextOpening(tenantCode, hallId, from);
    }

    @GetMapping(CalendarApi.NEXT_OPENINGS)
    public List<CalendarAnswer<HallOpening>> nextOpenings(@PathVariable String tenantCode, @RequestParam List<UUID> hallId,
                                                          @RequestParam(required = false) Instant from) {
        return calendar.nextOpenings(tenantCode, hallId, from);
    }

    @PutMapping(CalendarApi.NATIONAL)
    public CalendarDays.LoadResult loadNational(@PathVariable int year, @RequestBody HolidayCnFile file) {
        return national.load(Callers.require(), year, file);
    }

    @PutMapping(CalendarApi.TENANT_DAY)
    public CalendarDays.TenantDayView setDay(@PathVariable String tenantCode,
                                              @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date,
                                              @RequestBody CalendarDays.TenantDayInput input) {
        return admin.setTenantDay(Callers.require(), tenantCode, date, input);
    }

    @DeleteMapping(CalendarApi.TENANT_DAY)
    public CalendarDays.Removed removeDay(@PathVariable String tenantCode,
                                           @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        return admin.removeTenantDay(Callers.require(), tenantCode, date);
    }

    @PutMapping(CalendarApi.SPECIAL_DAY)
    public CalendarDays.SpecialDayView setSpecialDay(@PathVariable String tenantCode, @PathVariable UUID hallId,
                                                      @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date,
                                                      @RequestBody CalendarDays.SpecialDayInput input) {
        return admin.setSpecialDay(Callers.require(), tenantCode, hallId, date, input);
    }

    @DeleteMapping(CalendarApi.SPECIAL_DAY)
    public CalendarDays.Removed removeSpecialDay(@PathVariable String tenantCode, @PathVariable UUID hallId,
                                                  @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        return admin.removeSpecialDay(Callers.require(), tenantCode, hallId, date);
    }
}
