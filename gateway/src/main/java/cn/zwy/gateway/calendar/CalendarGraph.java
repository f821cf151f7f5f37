package cn.zwy.gateway.calendar;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.hall.HallNode;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.gateway.upstream.ServiceClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working-day calendar (C4) and hall opening (A4). Reads are public. Edits are refused
 * here for a tenant the caller may not act for, before any service is called, and checked
 * again by tenant-service with the same token (like {@code HallGraph}).
 */
@Controller
public class CalendarGraph {

    /** tenant-service's answer: a value and what it could not be sure of. */
    record Answer<T>(T value, List<String> warnings) {}

    public record WorkingDayAnswer(String tenantCode, LocalDate date, boolean working, List<String> warnings) {}

    public record AddWorkingDaysAnswer(String tenantCode, LocalDate from, int days, LocalDate date, List<String> warnings) {}

    public record WorkingDaysBetweenAnswer(String tenantCode, LocalDate from, LocalDate to, int count, List<String> warnings) {}

    record Opening(String hallId, boolean openNow, Instant opensAt, Instant closesAt, String note) {}

    public record HallOpening(String hallId, boolean openNow, Instant opensAt, Instant closesAt, String note,
                              List<String> warnings) {}

    public record TenantCalendarDay(LocalDate date, boolean working, String reason, String updatedBy, Instant updatedAt) {}

    public record HallSpecialDay(String hallId, LocalDate date, boolean closed, List<HallNode.TimeRange> periods,
                                 String reason, String updatedBy, Instant updatedAt) {}

    public record LoadNationalCalendarInput(Integer year, String json) {}

    public record LoadNationalCalendarPayload(int year, int dayCount, int offDayCount, int workdayCount,
                                              List<String> papers, Instant loadedAt, boolean replaced) {}

    public record SetTenantCalendarDayInput(String tenantCode, LocalDate date, Boolean working, String reason) {}

    public record SetTenantCalendarDayPayload(TenantCalendarDay day) {}

    public record RemoveTenantCalendarDayInput(String tenantCode, LocalDate date) {}

    public record RemoveCalendarDayPayload(boolean removed) {}

    public record SetHallSpecialDayInput(String tenantCode, String hallId, LocalDate date, Boolean closed,
                                         List<HallNode.TimeRange> periods, String reason) {}

    public record SetHallSpecialDayPayload(HallSpecialDay day) {}

    public record RemoveHallSpecialDayInput(String tenantCode, String hallId, LocalDate date) {}

    private static final ParameterizedTypeReference<Answer<Boolean>> BOOLEAN = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Answer<LocalDate>> DATE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Answer<Integer>> COUNT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Answer<Opening>> OPENING = new ParameterizedTypeReference<>() {};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceClient tenantService;

    public CalendarGraph(@Qualifier("tenantService") ServiceClient tenantService) {
        this.tenantService = tenantService;
    }

    @QueryMapping
    public Mono<WorkingDayAnswer> workingDay(@Argument String tenantCode, @Argument LocalDate date) {
        return tenantService.get(u -> u.path("/api/tenants/{code}/calendar/working-day").queryParam("date", date).build(tenantCode),
                BOOLEAN, null).map(a -> new WorkingDayAnswer(tenantCode, date, a.value(), a.warnings()));
    }

    @QueryMapping
    public Mono<AddWorkingDaysAnswer> addWorkingDays(@Argument String tenantCode, @Argument LocalDate from, @Argument int days) {
        return tenantService.get(u -> u.path("/api/tenants/{code}/calendar/add").queryParam("from", from)
                        .queryParam("days", days).build(tenantCode), DATE, null)
                .map(a -> new AddWorkingDaysAnswer(tenantCode, from, days, a.value(), a.warnings()));
    }

    @QueryMapping
    public Mono<WorkingDaysBetweenAnswer> workingDaysBetween(@Argument String tenantCode, @Argument LocalDate from,
                                                             @Argument LocalDate to) {
        return tenantService.get(u -> u.path("/api/tenants/{code}/calendar/between").queryParam("from", from)
                        .queryParam("to", to).build(tenantCode), COUNT, null)
                .map(a -> new WorkingDaysBetweenAnswer(tenantCode, from, to, a.value(), a.warnings()));
    }

    @QueryMapping
    public Mono<HallOpening> hallNextOpening(@Argument String tenantCode, @Argument String hallId, @Argument Instant from) {
        return hall(tenantCode, hallId).flatMap(id -> tenantService.get(u -> u.path("/api/tenants/{code}/halls/{hall}/next-opening")
                        .queryParamIfPresent("from", Optional.ofNullable(from)).build(tenantCode, id), OPENING, null))
                .map(a -> new HallOpening(a.value().hallId(), a.value().openNow(), a.value().opensAt(), a.value().closesAt(),
                        a.value().note(), a.warnings()));
    }

    /** A hall's status right now (open, or when it next opens), for the citizen's hall list. */
    @SchemaMapping(typeName = "Hall", field = "openingStatus")
    public Mono<HallOpening> openingStatus(HallNode hall) {
        return hallNextOpening(hall.tenantCode(), hall.id(), null);
    }

    @MutationMapping
    public Mono<LoadNationalCalendarPayload> loadNationalCalendar(@Argument LoadNationalCalendarInput input,
                                                                  @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        // the calendar is national (every province's working days): the platform operator's alone
        if (!caller.isPlatformOperator()) throw ApiException.forbidden("国家法定节假日安排适用于所有省份，只有平台运营人员可以加载");
        JsonNode file;
        try {
            file = JSON.readTree(input.json());
        } catch (JacksonException e) {
            throw ApiException.validation("json", "节假日安排不是合法的 JSON: " + e.getOriginalMessage());
        }
        if (file == null || !file.isObject()) {
            throw ApiException.validation("json", "节假日安排应为 holiday-cn 格式的 JSON 对象（year、papers、days）");
        }
        return tenantService.put(u -> u.path("/api/calendar/national/{year}").build(input.year()), file,
                LoadNationalCalendarPayload.class, jwt);
    }

    @MutationMapping
    public Mono<SetTenantCalendarDayPayload> setTenantCalendarDay(@Argument SetTenantCalendarDayInput input,
                                                                  @AuthenticationPrincipal Jwt jwt) {
        requireCentreAdmin(jwt, input.tenantCode());
        return tenantService.put(u -> u.path("/api/tenants/{code}/calendar/days/{date}").build(input.tenantCode(), input.date()),
                Map.of("working", input.working(), "reason", input.reason()), TenantCalendarDay.class, jwt)
                .map(SetTenantCalendarDayPayload::new);
    }

    @MutationMapping
    public Mono<RemoveCalendarDayPayload> removeTenantCalendarDay(@Argument RemoveTenantCalendarDayInput input,
                                                                  @AuthenticationPrincipal Jwt jwt) {
        requireCentreAdmin(jwt, input.tenantCode());
        return tenantService.delete(u -> u.path("/api/tenants/{code}/calendar/days/{date}").build(input.tenantCode(), input.date()),
                RemoveCalendarDayPayload.class, jwt);
    }

    @MutationMapping
    public Mono<SetHallSpecialDayPayload> setHallSpecialDay(@Argument SetHallSpecialDayInput input,
                                                            @AuthenticationPrincipal Jwt jwt) {
        requireCentreAdmin(jwt, input.tenantCode());
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("closed", input.closed());
        body.put("periods", input.periods());
        body.put("reason", input.reason());
        return hall(input.tenantCode(), input.hallId()).flatMap(id -> tenantService.put(
                        u -> u.path("/api/tenants/{code}/halls/{hall}/special-days/{date}").build(input.tenantCode(), id, input.date()),
                        body, HallSpecialDay.class, jwt))
                .map(SetHallSpecialDayPayload::new);
    }

    @MutationMapping
    public Mono<RemoveCalendarDayPayload> removeHallSpecialDay(@Argument RemoveHallSpecialDayInput input,
                                                               @AuthenticationPrincipal Jwt jwt) {
        requireCentreAdmin(jwt, input.tenantCode());
        return hall(input.tenantCode(), input.hallId()).flatMap(id -> tenantService.delete(
                u -> u.path("/api/tenants/{code}/halls/{hall}/special-days/{date}").build(input.tenantCode(), id, input.date()),
                RemoveCalendarDayPayload.class, jwt));
    }

    /** The given hall, or the tenant's main hall. */
    private Mono<String> hall(String tenantCode, String hallId) {
        if (hallId != null) return Mono.just(hallId);
        return tenantService.get(u -> u.path("/api/tenants/{code}/hall").build(tenantCode), HallNode.class, null).map(HallNode::id);
    }

    private static void requireCentreAdmin(Jwt jwt, String tenantCode) {
        Caller caller = Callers.require(jwt);
        if (!caller.actsFor(tenantCode)) {
            throw ApiException.forbidden("无权修改其他租户（" + tenantCode + "）的办公日历");
        }
        if (!caller.hasRole(Caller.CENTRE_ADMIN)) {
            throw ApiException.forbidden("只有中心管理员可以修改办公日历");
        }
    }
}
