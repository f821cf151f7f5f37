package cn.zwy.gateway.hall;

import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallChangeView;
import cn.zwy.tenant.api.hall.HallView;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Halls. The gateway refuses a request naming a tenant the caller may not act for or read before
 * any service is called (first tenancy layer); tenant-service checks again with the same token,
 * and alone decides what the caller's role allows (ADR 0008).
 */
@Controller
public class HallGraph {

    static final int MAX_FIRST = 100;

    private final HallApi halls;

    public HallGraph(HallApi halls) {
        this.halls = halls;
    }

    @QueryMapping
    public Mono<HallView> hall(@Argument String tenantCode) {
        return halls.hall(tenantCode);
    }

    /** Every hall of a tenant, main hall first: public. */
    @QueryMapping
    public Mono<List<HallView>> halls(@Argument String tenantCode) {
        return halls.halls(tenantCode);
    }

    public record UpdateHallPayload(HallView hall) {}

    @MutationMapping
    public Mono<UpdateHallPayload> updateHall(@Argument UpdateHallInput input, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).actsFor(input.tenantCode())) {
            throw ApiException.forbidden("无权修改其他租户（" + input.tenantCode() + "）的服务大厅");
        }
        return halls.update(input.tenantCode(), input.update()).map(UpdateHallPayload::new);
    }

    @QueryMapping
    public Mono<Connection<HallChangeView>> hallChanges(@Argument String tenantCode, @Argument Integer first,
                                                        @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) {
            throw ApiException.forbidden("无权查看 " + tenantCode + " 的服务大厅变更记录");
        }
        if (first != null && (first < 1 || first > MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + MAX_FIRST + " 之间");
        }
        return halls.changes(tenantCode, first, after).map(p -> Connection.of(p, after));
    }
}
