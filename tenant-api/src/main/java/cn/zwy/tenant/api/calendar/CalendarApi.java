package cn.zwy.tenant.api.calendar;

import cn.zwy.tenant.api.PublicRead;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The working-day calendar (C4) and hall opening (A4): tenant-service's {@code CalendarController}. */
@HttpExchange
public interface CalendarApi {

    String WORKING_DAY = "/api/tenants/{tenantCode}/calendar/working-day";
    String ADD = "/api/tenants/{tenantCode}/calendar/add";
    String BETWEEN = "/api/tenants/{tenantCode}/calendar/between";
    String NEXT_OPENING = "/api/tenants/{tenantCode}/halls/{hallId}/next-opening";
    String NEXT_OPENINGS = "/api/tenants/{tenantCode}/halls/next-openings";
    /** The most halls {@link #nextOpenings} answers in one read. */
    int MAX_HALLS_PER_READ = 100;
    String NATIONAL = "/api/calendar/national/{year}";
    String TENANT_DAY = "/api/tenants/{tenantCode}/calendar/days/{date}";
    String SPECIAL_DAY = "/api/tenants/{tenantCode}/halls/{hallId}/special-days/{date}";

    @PublicRead
    @GetExchange(WORKING_DAY)
    Mono<CalendarAnswer<Boolean>> workingDay(@PathVariable String tenantCode, @RequestParam LocalDate date);

    @PublicRead
    @GetExchange(ADD)
    Mono<CalendarAnswer<LocalDate>> add(@PathVariable String tenantCode, @RequestParam LocalDate from, @RequestParam int days);

    @PublicRead
    @GetExchange(BETWEEN)
    Mono<CalendarAnswer<Integer>> between(@PathVariable String tenantCode, @RequestParam LocalDate from,
                                          @RequestParam LocalDate to);

    @PublicRead
    @GetExchange(NEXT_OPENING)
    Mono<CalendarAnswer<HallOpening>> nextOpening(@PathVariable String tenantCode, @PathVariable UUID hallId,
                                                  @RequestParam(required = false) Instant from);

    /** {@link #nextOpening} of several halls of the tenant (at most {@link #MAX_HALLS_PER_READ}) in one read, in the order asked. */
    @PublicRead
    @GetExchange(NEXT_OPENINGS)
    Mono<List<CalendarAnswer<HallOpening>>> nextOpenings(@PathVariable String tenantCode, @RequestParam List<UUID> hallId,
                                                         @RequestParam(required = false) Instant from);

    /** A year of the national holiday calendar, the holiday-cn file as given (tenant-service checks it). */
    @PutExchange(NATIONAL)
    Mono<CalendarDays.LoadResult> loadNational(@PathVariable int year, @RequestBody JsonNode holidayCnFile);

    @PutExchange(TENANT_DAY)
    Mono<CalendarDays.TenantDayView> setDay(@PathVariable String tenantCode, @PathVariable LocalDate date,
                                            @RequestBody CalendarDays.TenantDayInput input);

    @DeleteExchange(TENANT_DAY)
    Mono<CalendarDays.Removed> removeDay(@PathVariable String tenantCode, @PathVariable LocalDate date);

    @PutExchange(SPECIAL_DAY)
    Mono<CalendarDays.SpecialDayView> setSpecialDay(@PathVariable String tenantCode, @PathVariable UUID hallId,
                                                    @PathVariable LocalDate date, @RequestBody CalendarDays.SpecialDayInput input);

    @DeleteExchange(SPECIAL_DAY)
    Mono<CalendarDays.Removed> removeSpecialDay(@PathVariable String tenantCode, @PathVariable UUID hallId,
                                                @PathVariable LocalDate date);
}
