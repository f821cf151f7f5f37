package cn.zwy.tenant.tenant;

import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.OnboardingResult;
import cn.zwy.tenant.api.region.TenantView;
import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Onboarding and offboarding (internal REST): tenant-api's {@link RegionApi}. */
@RestController
public class TenantController {

    private final TenantOnboarding onboarding;

    public TenantController(TenantOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping(RegionApi.TENANTS)
    public OnboardingResult onboard(@RequestBody RegionApi.OnboardRequest request) {
        return onboarding.onboard(Callers.require(), request.regionCode());
    }

    @PostMapping(RegionApi.SUSPENSION)
    public TenantView suspend(@PathVariable String tenantCode, @RequestBody RegionApi.SuspendRequest request) {
        return onboarding.suspend(Callers.require(), tenantCode, request.reason());
    }
}
