package cn.zwy.gateway.identity;

import cn.zwy.common.security.Caller;
import cn.zwy.gateway.region.RegionGraph;
import cn.zwy.gateway.region.TenantNode;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class MeGraph {

    private final RegionGraph regions;

    public MeGraph(RegionGraph regions) {
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
    public Mono<TenantNode> tenant(Me me) {
        return me.tenantCode() == null ? Mono.empty() : regions.findTenant(me.tenantCode());
    }

    /** Keycloak's own bookkeeping roles are not platform roles. */
    private static boolean isPlatformRole(String role) {
        return !role.startsWith("default-roles-") && !role.equals("offline_access") && !role.equals("uma_authorization");
    }

}
