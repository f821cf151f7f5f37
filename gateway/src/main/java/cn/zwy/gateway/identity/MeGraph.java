package cn.zwy.gateway.identity;

import cn.zwy.common.security.Caller;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.TenantView;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class MeGraph {

    private final RegionApi regions;

    public MeGraph(RegionApi regions) {
        this.regions = regions;
    }

    @QueryMapping
    public Me me(@AuthenticationPrincipal Jwt jwt) {
        Caller c = Callers.require(jwt);
        return new Me(c.realm().name(), c.userId(), c.username(), c.displayName(),
                c.roles().stream().filter(MeGraph::isPlatformRole).sorted().toList(),
                c.tenant().orElse(null), c.site().orElse(null));
    }

    @SchemaMapping(typeName = "Me", field = "tenant")
    public Mono<TenantView> tenant(Me me) {
        // a provincial administrator's province is no tenant: null, like a tenant not onboarded
        return me.tenantCode() == null ? Mono.empty() : regions.tenant(me.tenantCode())
                .onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND, e -> Mono.empty());
    }

    /** Keycloak's own bookkeeping roles are not platform roles. */
    private static boolean isPlatformRole(String role) {
        return !role.startsWith("default-roles-") && !role.equals("offline_access") && !role.equals("uma_authorization");
    }

}
