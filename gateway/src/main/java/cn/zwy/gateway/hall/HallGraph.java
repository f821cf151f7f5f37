package cn.zwy.gateway.hall;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.gateway.upstream.ServiceClient;
import cn.zwy.gateway.upstream.ServiceUri;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Halls. The gateway refuses a request naming a tenant the caller may not act for before any
 * service is called (first tenancy layer); tenant-service checks again with the same token.
 */
@Controller
public class HallGraph {

    static final int MAX_FIRST = 100;

    private final ServiceClient tenantService;

    public HallGraph(@Qualifier("tenantService") ServiceClient tenantService) {
        this.tenantService = tenantService;
    }

    @QueryMapping
    public Mono<HallNode> hall(@Argument String tenantCode) {
        return tenantService.get(u -> u.path("/api/tenants/{code}/hall").build(tenantCode), HallNode.class, null);
    }

    /** Every hall of a tenant, main hall first: public. */
    @QueryMapping
    public Mono<java.util.List<HallNode>> halls(@Argument String tenantCode) {
        return tenantService.get(u -> u.path("/api/tenants/{code}/halls").build(tenantCode), HALLS, null);
    }

    private static final org.springframework.core.ParameterizedTypeReference<java.util.List<HallNode>> HALLS =
            new org.springframework.core.ParameterizedTypeReference<>() {};

    public record UpdateHallPayload(HallNode hall) {}

    @MutationMapping
    public Mono<UpdateHallPayload> updateHall(@Argument UpdateHallInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (!caller.actsFor(input.tenantCode())) {
            throw ApiException.forbidden("无权修改其他租户（" + input.tenantCode() + "）的服务大厅");
        }
        if (!caller.hasRole(Caller.CENTRE_ADMIN)) {
            throw ApiException.forbidden("只有中心管理员可以修改服务大厅信息");
        }
        return tenantService.patch(u -> u.path("/api/tenants/{code}/hall").build(input.tenantCode()), input.patch(),
                HallNode.class, jwt).map(UpdateHallPayload::new);
    }

    @QueryMapping
    public Mono<Connection<HallChangePage.Change>> hallChanges(@Argument String tenantCode, @Argument Integer first,
                                                               @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (!caller.mayRead(tenantCode)) {
            throw ApiException.forbidden("无权查看 " + tenantCode + " 的服务大厅变更记录");
        }
        if (first != null && (first < 1 || first > MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + MAX_FIRST + " 之间");
        }
        return tenantService.get(ServiceUri.of("/api/tenants/{code}/hall-changes", tenantCode)
                        .query("first", first).query("after", after),
                HallChangePage.class, jwt)
                .map(p -> Connection.of(p.items(), HallChangePage.Item::cursor, HallChangePage.Item::change,
                        p.hasNextPage(), after != null, p.totalCount()));
    }
}
