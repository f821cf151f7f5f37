package cn.zwy.gateway.region;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.RegionView;
import cn.zwy.tenant.api.region.TenantView;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Public region tree and tenant registry. */
@Controller
public class RegionGraph {

    private final RegionApi regions;
    private final HallApi halls;

    public RegionGraph(RegionApi regions, HallApi halls) {
        this.regions = regions;
        this.halls = halls;
    }

    @QueryMapping
    public Mono<List<RegionView>> regions(@Argument String parentCode) {
        return regions.regions(parentCode);
    }

    @QueryMapping
    public Mono<RegionView> region(@Argument String code) {
        return regions.region(code);
    }

    /** Null when the region exists but is not onboarded; an unknown code is an error. */
    @QueryMapping
    public Mono<TenantView> tenant(@Argument String code) {
        return regions.region(code).mapNotNull(RegionView::tenant);
    }

    /** The tenant's main hall; null when it has none. */
    @SchemaMapping(typeName = "Tenant", field = "hall")
    public Mono<HallView> hall(TenantView tenant) {
        return halls.hall(tenant.code())
                .onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND, e -> Mono.empty());
    }
}
