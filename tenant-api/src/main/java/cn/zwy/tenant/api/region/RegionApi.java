package cn.zwy.tenant.api.region;

import cn.zwy.tenant.api.PublicRead;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The division tree and the tenant registry (T1, T2): {@code RegionController}, {@code TenantController}. */
@HttpExchange
public interface RegionApi {

    String REGIONS = "/api/regions";
    String REGION = "/api/regions/{code}";
    String TENANTS = "/api/tenants";
    String TENANT = "/api/tenants/{code}";
    String SUSPENSION = "/api/tenants/{tenantCode}/suspension";

    record OnboardRequest(String regionCode) {}

    record SuspendRequest(String reason) {}

    /** The children of {@code parent}, or the provinces. */
    @PublicRead
    @GetExchange(REGIONS)
    Mono<List<RegionView>> regions(@RequestParam(name = "parent", required = false) String parent);

    @PublicRead
    @GetExchange(REGION)
    Mono<RegionView> region(@PathVariable String code);

    @PublicRead
    @GetExchange(TENANT)
    Mono<TenantView> tenant(@PathVariable String code);

    @PostExchange(TENANTS)
    Mono<OnboardingResult> onboard(@RequestBody OnboardRequest request);

    @PostExchange(SUSPENSION)
    Mono<TenantView> suspend(@PathVariable String tenantCode, @RequestBody SuspendRequest request);
}
