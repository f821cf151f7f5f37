package cn.zwy.gateway.region;

import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.RegionView;
import cn.zwy.tenant.api.region.TenantView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
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

    /** Each tenant's main hall (null when it has none): one call for the tenants of a region list, not one per tenant. */
    @BatchMapping(typeName = "Tenant", field = "hall")
    public Mono<Map<TenantView, HallView>> hall(List<TenantView> tenants) {
        List<String> codes = tenants.stream().map(TenantView::code).distinct().toList();
        return Flux.range(0, (codes.size() + HallApi.MAX_TENANTS_PER_READ - 1) / HallApi.MAX_TENANTS_PER_READ)
                .concatMap(i -> halls.mainHalls(codes.subList(i * HallApi.MAX_TENANTS_PER_READ,
                        Math.min(codes.size(), (i + 1) * HallApi.MAX_TENANTS_PER_READ))))
                .flatMapIterable(found -> found)
                .collectMap(HallView::tenantCode)
                .map(byCode -> {
                    Map<TenantView, HallView> out = new HashMap<>();
                    for (TenantView t : tenants) if (byCode.containsKey(t.code())) out.put(t, byCode.get(t.code()));
                    return out;
                });
    }
}
