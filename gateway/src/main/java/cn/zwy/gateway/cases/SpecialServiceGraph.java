package cn.zwy.gateway.cases;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.SpecialServiceApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A7 (上门/急办): a citizen asks for a home visit or urgent handling on a holiday and sees it in their list; the
 * tenant's staff list, schedule and decline them. Ids carry their tenant; the tenancy check is made here before
 * any call, and case-service checks the same token again.
 */
@Controller
public class SpecialServiceGraph {

    private final SpecialServiceApi services;

    public SpecialServiceGraph(SpecialServiceApi services) {
        this.services = services;
    }

    public record RequestSpecialServiceInput(String idempotencyKey, String itemId, String kind, String reason, String address,
                                             String contactPhone, LocalDate preferredDate, String note,
                                             BookingGraph.BookedPersonInput forPerson) {}

    public record CancelSpecialServiceInput(String requestId) {}

    public record ScheduleSpecialServiceInput(String requestId, Instant scheduledAt, String staffName, String staffPhone) {}

    public record DeclineSpecialServiceInput(String requestId, String reason) {}

    public record SpecialServicePayload(SpecialServiceApi.SpecialServiceRequest request) {}

    @MutationMapping
    public Mono<SpecialServicePayload> requestSpecialService(@Argument RequestSpecialServiceInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        Ids.Scoped item = Ids.scoped("itemId", input.itemId());
        BookingGraph.BookedPersonInput p = input.forPerson();
        return services.request(new SpecialServiceApi.Request(input.idempotencyKey(), item.tenantCode() + ":" + item.id(), input.kind(),
                input.reason(), input.address(), input.contactPhone(), input.preferredDate(), input.note(),
                p == null ? null : new BookingApi.Person(p.name(), p.idNumber()))).map(SpecialServicePayload::new);
    }

    @QueryMapping
    public Mono<Connection<SpecialServiceApi.SpecialServiceRequest>> mySpecialServiceRequests(@Argument Integer first, @Argument String after,
                                                                                              @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return services.mine(first(first), after).map(p -> Connection.of(p, after));
    }

    @MutationMapping
    public Mono<SpecialServicePayload> cancelSpecialServiceRequest(@Argument CancelSpecialServiceInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return services.cancel(scoped(input.requestId())).map(SpecialServicePayload::new);
    }

    @QueryMapping
    public Mono<Connection<SpecialServiceApi.SpecialServiceRequest>> specialServiceRequests(@Argument String tenantCode, @Argument String status,
                                                                                            @Argument Integer first, @Argument String after,
                                                                                            @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的上门、急办申请");
        return services.ofTenant(tenantCode, status, first(first), after).map(p -> Connection.of(p, after));
    }

    @MutationMapping
    public Mono<SpecialServicePayload> scheduleSpecialService(@Argument ScheduleSpecialServiceInput input, @AuthenticationPrincipal Jwt jwt) {
        String id = staffOf(jwt, input.requestId());
        return services.schedule(id, new SpecialServiceApi.Schedule(input.scheduledAt(), input.staffName(), input.staffPhone()))
                .map(SpecialServicePayload::new);
    }

    @MutationMapping
    public Mono<SpecialServicePayload> declineSpecialService(@Argument DeclineSpecialServiceInput input, @AuthenticationPrincipal Jwt jwt) {
        String id = staffOf(jwt, input.requestId());
        return services.decline(id, new SpecialServiceApi.Decline(input.reason())).map(SpecialServicePayload::new);
    }

    private static String staffOf(Jwt jwt, String requestId) {
        Ids.Scoped s = Ids.scoped("requestId", requestId);
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(s.tenantCode())) throw ApiException.forbidden("只有本中心的工作人员可以安排上门、急办");
        return s.tenantCode() + ":" + s.id();
    }

    private static String scoped(String requestId) {
        Ids.Scoped s = Ids.scoped("requestId", requestId);
        return s.tenantCode() + ":" + s.id();
    }

    private static Integer first(Integer first) {
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return first;
    }

    private static void citizen(Jwt jwt) {
        if (Callers.require(jwt).realm() != Realm.CITIZEN) throw ApiException.forbidden("上门、急办由办事群众本人（公众账号）申请");
    }
}
