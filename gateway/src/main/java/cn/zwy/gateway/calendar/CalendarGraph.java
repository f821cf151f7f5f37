package cn.zwy.gateway.calendar;

import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.tenant.api.calendar.CalendarApi;
import cn.zwy.tenant.api.calendar.CalendarDays;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.hall.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working-day calendar (C4) and hall opening (A4). Reads are public. Edits are refused
 * here for a tenant the caller may not act for, before any service is called; tenant-service
 * checks again with the same token and decides what the caller's role allows (ADR 0008).
 */
@Controller
public class CalendarGraph {

    public record WorkingDayAnswer(String tenantCode, LocalDate date, boolean working, List<String> warnings) {}

    public record AddWorkingDaysAnswer(String tenantCode, LocalDate from, int days, LocalDate date, List<String> warnings) {}

    public record WorkingDaysBetweenAnswer(String tenantCode, LocalDate from, LocalDate to, int count, List<String> warnings) {}

    public record HallOpening(UUID hallId, boolean openNow, Instant opensAt, Instant closesAt, String note,
                              List<String> warnings) {

        static HallOpening of(CalendarAnswer<cn.zwy.tenant.api.calendar.HallOpening> a) {
            var o = a.value();
            return new HallOpening(o.hallId(), o.openNow(), o.opensAt(), o.closesAt(), o.note(), a.warnings());
        }
    }

    public record LoadNationalCalendarInput(Integer year, String json) {}

    public record SetTenantCalendarDayInput(String tenantCode, LocalDate date, Boolean working, String reason) {}

    public record SetTenantCalendarDayPayload(CalendarDays.TenantDayView day) {}

    public record RemoveTenantCalendarDayInput(String tenantCode, LocalDate date) {}

    public record SetHallSpecialDayInput(String tenantCode, String hallId, LocalDate date, Boolean closed,
                                         List<TimeRange> periods, String reason) {}

    public record SetHallSpecialDayPayload(CalendarDays.SpecialDayView day) {}

    public record RemoveHallSpecialDayInput(String tenantCode, String hallId, LocalDate date) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CalendarApi calendar;
    private final HallApi halls;

    public CalendarGraph(CalendarApi calendar, HallApi halls) {
        this.calendar = calendar;
        this.halls = halls;
    }

    @QueryMapping
    public Mono<WorkingDayAnswer> workingDay(@Argument String tenantCode, @Argument LocalDate date) {
        return calendar.workingDay(tenantCode, date)
                .map(a -> new WorkingDayAnswer(tenantCode, date, a.value(), a.warnings()));
    }

    @QueryMapping
    public Mono<AddWorkingDaysAnswer> addWorkingDays(@Argument String tenantCode, @Argument LocalDate from, @Argument int days) {
        return calendar.add(tenantCode, from, days)
                .map(a -> new AddWorkingDaysAnswer(tenantCode, from, days, a.value(), a.warnings()));
    }

    @QueryMapping
    public Mono<WorkingDaysBetweenAnswer> workingDaysBetween(@Argument String tenantCode, @Argument LocalDate from,
                                                             @Argument LocalDate to) {
        return calendar.between(tenantCode, from, to)
                .map(a -> new WorkingDaysBetweenAnswer(tenantCode, from, to, a.value(), a.warnings()));
    }

    @QueryMapping
    public Mono<HallOpening> hallNextOpening(@Argument String tenantCode, @Argument String hallId, @Argument Instant from) {
        return hall(tenantCode, hallId).flatMap(id -> calendar.nextOpening(tenantCode, id, from)).map(HallOpening::of);
    }

    /**
     * Each hall's status right now (open, or when it next opens), for the citizen's hall lists: one
     * call per tenant for all its halls in the list, not one per hall.
     */
    @BatchMapping(typeName = "Hall", field = "openingStatus")
    public Mono<Map<HallView, HallOpening>> openingStatus(List<HallView> halls) {
        Map<String, List<HallView>> byTenant = halls.stream()
                .collect(Collectors.groupingBy(HallView::tenantCode, LinkedHashMap::new, Collectors.toList()));
        return Flux.fromIterable(byTenant.values())
                .concatMapIterable(same -> chunks(same, CalendarApi.MAX_HALLS_PER_READ))
                .concatMap(chunk -> calendar.nextOpenings(chunk.getFirst().tenantCode(), chunk.stream().map(HallView::id).toList(), null)
                        .flatMapIterable(answers -> {
                            Map<HallView, HallOpening> status = new LinkedHashMap<>();
                            for (int i = 0; i < answers.size(); i++) status.put(chunk.get(i), HallOpening.of(answers.get(i)));
                            return status.entrySet();
                        }))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }

    /** The national calendar is every province's: tenant-service lets the platform operator alone load it. */
    @MutationMapping
    public Mono<CalendarDays.LoadResult> loadNationalCalendar(@Argument LoadNationalCalendarInput input,
                                                              @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        JsonNode file;
        try {
            file = JSON.readTree(input.json());
        } catch (JacksonException e) {
            throw ApiException.validation("json", "节假日安排不是合法的 JSON: " + e.getOriginalMessage());
        }
        if (file == null || !file.isObject()) {
            throw ApiException.validation("json", "节假日安排应为 holiday-cn 格式的 JSON 对象（year、papers、days）");
        }
        return calendar.loadNational(input.year(), file);
    }

    @MutationMapping
    public Mono<SetTenantCalendarDayPayload> setTenantCalendarDay(@Argument SetTenantCalendarDayInput input,
                                                                  @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return calendar.setDay(input.tenantCode(), input.date(), new CalendarDays.TenantDayInput(input.working(), input.reason()))
                .map(SetTenantCalendarDayPayload::new);
    }

    @MutationMapping
    public Mono<CalendarDays.Removed> removeTenantCalendarDay(@Argument RemoveTenantCalendarDayInput input,
                                                              @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return calendar.removeDay(input.tenantCode(), input.date());
    }

    @MutationMapping
    public Mono<SetHallSpecialDayPayload> setHallSpecialDay(@Argument SetHallSpecialDayInput input,
                                                            @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        var day = new CalendarDays.SpecialDayInput(input.closed(), input.periods(), input.reason());
        return hall(input.tenantCode(), input.hallId())
                .flatMap(id -> calendar.setSpecialDay(input.tenantCode(), id, input.date(), day))
                .map(SetHallSpecialDayPayload::new);
    }

    @MutationMapping
    public Mono<CalendarDays.Removed> removeHallSpecialDay(@Argument RemoveHallSpecialDayInput input,
                                                           @AuthenticationPrincipal Jwt jwt) {
        requireActsFor(jwt, input.tenantCode());
        return hall(input.tenantCode(), input.hallId())
                .flatMap(id -> calendar.removeSpecialDay(input.tenantCode(), id, input.date()));
    }

    /** The given hall, or the tenant's main hall. */
    private Mono<UUID> hall(String tenantCode, String hallId) {
        if (hallId != null) return Mono.just(Ids.uuid("hallId", hallId));
        return halls.hall(tenantCode).map(HallView::id);
    }

    private static void requireActsFor(Jwt jwt, String tenantCode) {
        if (!Callers.require(jwt).actsFor(tenantCode)) {
            throw ApiException.forbidden("无权修改其他租户（" + tenantCode + "）的办公日历");
        }
    }
}
