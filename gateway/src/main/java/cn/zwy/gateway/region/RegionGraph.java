package cn.zwy.gateway.region;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.hall.HallNode;
import cn.zwy.gateway.upstream.ServiceClient;
import cn.zwy.gateway.upstream.ServiceUri;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Public region tree and tenant registry. */
@Controller
public class RegionGraph {

    private static final ParameterizedTypeReference<List<RegionNode>> REGIONS = new ParameterizedTypeReference<>() {};

    private final ServiceClient tenantService;

    public RegionGraph(@Qualifier("tenantService") ServiceClient tenantService) {
        this.tenantService = tenantService;
    }

    @QueryMapping
    public Mono<List<RegionNode>> regions(@Argument String parentCode) {
        return tenantService.get(ServiceUri.of("/api/regions").query("parent", parentCode),
                REGIONS, null);
    }

    @QueryMapping
    public Mono<RegionNode> region(@Argument String code) {
        return tenantService.get(u -> u.path("/api/regions/{code}").build(code), RegionNode.class, null);
    }

    /** Null when the region exists but is not onboarded; an unknown code is an error. */
    @QueryMapping
    public Mono<TenantNode> tenant(@Argument String code) {
        return region(code).mapNotNull(RegionNode::tenant);
    }

    @SchemaMapping(typeName = "Tenant", field = "hall")
    public Mono<HallNode> hall(TenantNode tenant) {
        return tenantService.get(u -> u.path("/api/tenants/{code}/hall").build(tenant.code()), HallNode.class, null)
                .onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND, e -> Mono.empty());
    }

    /** Looks up a tenant by code; empty when the code is not an onboarded tenant. */
    public Mono<TenantNode> findTenant(String code) {
        return tenantService.get(u -> u.path("/api/tenants/{code}").build(code), TenantNode.class, null)
                .onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND, e -> Mono.empty());
    }
}
