package cn.zwy.tenant.api.catalog;

import cn.zwy.tenant.api.PublicRead;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** "One thing" packages (G3): tenant-service's {@code PackageController}. Reads are public; defining is the centre administrator's. */
@HttpExchange
public interface PackageApi {

    String PACKAGES = "/api/tenants/{tenantCode}/packages";
    String PACKAGE = "/api/tenants/{tenantCode}/packages/{id}";
    String PACKAGE_GUIDANCE = "/api/tenants/{tenantCode}/packages/{id}/guidance";

    @PublicRead
    @GetExchange(PACKAGES)
    Mono<List<PackageViews.Package>> packages(@PathVariable String tenantCode, @RequestParam(required = false) LifeEvent lifeEvent);

    @PublicRead
    @GetExchange(PACKAGE)
    Mono<PackageViews.Package> servicePackage(@PathVariable String tenantCode, @PathVariable UUID id);

    /** G2 + G3: one guidance walk for the package; {@code answer} = "key:value" (a package key has no colon), one per answer. */
    @PublicRead
    @GetExchange(PACKAGE_GUIDANCE)
    Mono<PackageViews.GuidanceView> guidance(@PathVariable String tenantCode, @PathVariable UUID id,
                                             @RequestParam(required = false) List<String> answer);

    @PostExchange(PACKAGES)
    Mono<PackageViews.Package> define(@PathVariable String tenantCode, @RequestBody PackageInput body);

    String REGION_PACKAGES = "/api/regions/{regionCode}/packages";

    /** ADR 0032: a province's (2 digits) or a city's (4 digits) package of standard items, offered by its counties. */
    @PostExchange(REGION_PACKAGES)
    Mono<PackageViews.RegionPackage> defineRegion(@PathVariable String regionCode, @RequestBody RegionPackageInput body);
}
