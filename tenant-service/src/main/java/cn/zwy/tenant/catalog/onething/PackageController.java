package cn.zwy.tenant.catalog.onething;

import cn.zwy.common.security.Callers;
import cn.zwy.tenant.api.catalog.LifeEvent;
import cn.zwy.tenant.api.catalog.PackageApi;
import cn.zwy.tenant.api.catalog.PackageInput;
import cn.zwy.tenant.api.catalog.PackageViews;
import cn.zwy.tenant.api.catalog.RegionPackageInput;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST of "one thing" packages: the paths and types of tenant-api's {@link PackageApi}. */
@RestController
public class PackageController {

    private final PackageService packages;

    public PackageController(PackageService packages) {
        this.packages = packages;
    }

    @GetMapping(PackageApi.PACKAGES)
    public List<PackageViews.Package> packages(@PathVariable String tenantCode, @RequestParam(required = false) LifeEvent lifeEvent) {
        return packages.packages(tenantCode, lifeEvent);
    }

    @GetMapping(PackageApi.PACKAGE)
    public PackageViews.Package servicePackage(@PathVariable String tenantCode, @PathVariable UUID id) {
        return packages.servicePackage(tenantCode, id);
    }

    @GetMapping(PackageApi.PACKAGE_GUIDANCE)
    public PackageViews.GuidanceView guidance(@PathVariable String tenantCode, @PathVariable UUID id,
                                              @RequestParam(required = false) List<String> answer) {
        return packages.guidance(tenantCode, id, answer);
    }

    @PostMapping(PackageApi.REGION_PACKAGES)
    @ResponseStatus(HttpStatus.CREATED)
    public PackageViews.RegionPackage defineRegion(@PathVariable String regionCode, @RequestBody(required = false) RegionPackageInput body) {
        return packages.defineRegion(Callers.require(), regionCode, body);
    }

    @PostMapping(PackageApi.PACKAGES)
    @ResponseStatus(HttpStatus.CREATED)
    public PackageViews.Package define(@PathVariable String tenantCode, @RequestBody PackageInput body) {
        return packages.define(Callers.require(), tenantCode, body);
    }
}
