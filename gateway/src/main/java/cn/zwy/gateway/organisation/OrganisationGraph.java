package cn.zwy.gateway.organisation;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.hall.HallNode;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.gateway.upstream.ServiceClient;
import cn.zwy.gateway.upstream.ServiceUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Halls beyond the main one, staff, departments, windows and AB岗 (T3–T7). Like HallGraph, the
 * gateway refuses a request for a tenant the caller may not read or act for before any service
 * is called; tenant-service checks again with the same token. tenant-service's JSON is passed
 * through as maps: its field names are the schema's.
 */
@Controller
public class OrganisationGraph {

    static final int MAX_FIRST = 100;
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

    record StaffPage(List<Item> items, boolean hasNextPage, long totalCount) {
        record Item(String cursor, Map<String, Object> staff) {}
    }

    private final ServiceClient tenantService;

    public OrganisationGraph(@Qualifier("tenantService") ServiceClient tenantService) {
        this.tenantService = tenantService;
    }

    // ------------------------------------------------------------------ queries

    @QueryMapping
    public Mono<Connection<Map<String, Object>>> staff(@Argument String tenantCode, @Argument Integer first,
                                                       @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        if (first != null && (first < 1 || first > MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + MAX_FIRST + " 之间");
        }
        return tenantService.get(ServiceUri.of("/api/tenants/{code}/staff", tenantCode)
                        .query("first", first).query("after", after), StaffPage.class, jwt)
                .map(p -> Connection.of(p.items(), StaffPage.Item::cursor, StaffPage.Item::staff, p.hasNextPage(),
                        after != null, p.totalCount()));
    }

    @QueryMapping
    public Mono<List<Map<String, Object>>> departments(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        return tenantService.get(u -> u.path("/api/tenants/{code}/departments").build(tenantCode), LIST, jwt);
    }

    @QueryMapping
    public Mono<List<Map<String, Object>>> windows(@Argument String tenantCode, @Argument String hallId,
                                                   @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        return tenantService.get(ServiceUri.of("/api/tenants/{code}/windows", tenantCode)
                .query("hallId", hallId), LIST, jwt);
    }

    // ------------------------------------------------------------------ mutations

    public record AddHallPayload(HallNode hall) {}

    @MutationMapping
    public Mono<AddHallPayload> addHall(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        return tenantService.post(u -> u.path("/api/tenants/{code}/halls").build(tenant), body(input), HallNode.class, jwt)
                .map(AddHallPayload::new);
    }

    @MutationMapping
    public Mono<Map<String, Object>> createStaff(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        return post(u -> u.path("/api/tenants/{code}/staff").build(tenant), body(input), jwt); // {staff, created}
    }

    /** {staff, activationSecret}; tenant-service decides which accounts the caller may invite (only <tenant>.admin for a province). */
    @MutationMapping
    public Mono<Map<String, Object>> issueStaffInvitation(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        String tenant = String.valueOf(input.get("tenantCode"));
        if (!caller.isCentreAdminOf(tenant) && !caller.administers(tenant)) {
            throw ApiException.forbidden("无权为 " + tenant + " 的工作人员签发激活码");
        }
        return post(u -> u.path("/api/tenants/{code}/staff/invitations").build(tenant), Map.of("username", input.get("username")), jwt);
    }

    @MutationMapping
    public Mono<Map<String, Object>> reconcileStaff(@AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).isPlatformOperator()) throw ApiException.forbidden("只有平台运营人员可以核对工作人员账号");
        return post(u -> u.path("/api/staff/reconcile").build(), Map.of(), jwt);
    }

    @MutationMapping
    public Mono<Map<String, Object>> updateStaffRoles(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        String staffId = String.valueOf(input.get("staffId"));
        return tenantService.put(u -> u.path("/api/tenants/{code}/staff/{id}/roles").build(tenant, staffId),
                Map.of("roles", input.get("roles")), Map.class, jwt).map(s -> Map.of("staff", s));
    }

    @MutationMapping
    public Mono<Map<String, Object>> disableStaff(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        String staffId = String.valueOf(input.get("staffId"));
        return tenantService.post(u -> u.path("/api/tenants/{code}/staff/{id}/disable").build(tenant, staffId),
                Map.of(), Map.class, jwt).map(s -> Map.of("staff", s));
    }

    @MutationMapping
    public Mono<Map<String, Object>> createDepartment(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        return post(u -> u.path("/api/tenants/{code}/departments").build(tenant), body(input), jwt)
                .map(r -> Map.of("department", r.get("value"), "created", r.get("created")));
    }

    @MutationMapping
    public Mono<Map<String, Object>> createWindow(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        return post(u -> u.path("/api/tenants/{code}/windows").build(tenant), body(input), jwt)
                .map(r -> Map.of("window", r.get("value"), "created", r.get("created")));
    }

    @MutationMapping
    public Mono<Map<String, Object>> assignWindowHolder(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        return post(u -> u.path("/api/tenants/{code}/window-assignments").build(tenant), body(input), jwt)
                .map(w -> Map.of("window", w));
    }

    @MutationMapping
    public Mono<Map<String, Object>> unassignWindowHolder(@Argument Map<String, Object> input, @AuthenticationPrincipal Jwt jwt) {
        String tenant = requireAdmin(jwt, input);
        return tenantService.delete(u -> u.path("/api/tenants/{code}/windows/{id}/holders/{position}")
                        .build(tenant, input.get("windowId"), input.get("position")), Map.class, jwt)
                .map(w -> Map.of("window", w));
    }

    // ------------------------------------------------------------------ helpers

    private Mono<Map<String, Object>> post(java.util.function.Function<org.springframework.web.util.UriBuilder, java.net.URI> uri,
                                           Object body, Jwt jwt) {
        return tenantService.post(uri, body, Map.class, jwt).map(m -> {
            @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) m;
            return typed;
        });
    }

    /** The input without tenantCode: the tenant is in the path. */
    private static Map<String, Object> body(Map<String, Object> input) {
        Map<String, Object> b = new LinkedHashMap<>(input);
        b.remove("tenantCode");
        return b;
    }

    private static void requireReader(Jwt jwt, String tenantCode) {
        Caller caller = Callers.require(jwt);
        if (!caller.mayRead(tenantCode)) {
            throw ApiException.forbidden("无权查看 " + tenantCode + " 的工作人员、部门与窗口");
        }
    }

    private static String requireAdmin(Jwt jwt, Map<String, Object> input) {
        Caller caller = Callers.require(jwt);
        String tenantCode = String.valueOf(input.get("tenantCode"));
        if (!caller.actsFor(tenantCode)) {
            throw ApiException.forbidden("无权修改其他租户（" + tenantCode + "）的组织信息");
        }
        if (!caller.hasRole(Caller.CENTRE_ADMIN)) {
            throw ApiException.forbidden("只有中心管理员可以管理服务大厅、部门、窗口和工作人员");
        }
        return tenantCode;
    }
}
