package cn.zwy.gateway.region;

import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.tenant.api.region.OnboardingResult;
import cn.zwy.tenant.api.region.RegionApi;
import cn.zwy.tenant.api.region.TenantView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Onboarding and offboarding tenants (T2). The region scope is checked here first (a province's
 * administrator acts under its province, the platform operator anywhere); tenant-service checks again.
 */
@Controller
public class TenantGraph {

    public record OnboardTenantInput(String regionCode) {}

    public record OffboardTenantInput(String tenantCode, String reason) {}

    public record OffboardTenantPayload(TenantView tenant) {}

    private final RegionApi regions;

    public TenantGraph(RegionApi regions) {
        this.regions = regions;
    }

    @MutationMapping
    public Mono<OnboardingResult> onboardTenant(@Argument OnboardTenantInput input, @AuthenticationPrincipal Jwt jwt) {
        requireAdministers(jwt, input.regionCode());
        return regions.onboard(new RegionApi.OnboardRequest(input.regionCode()));
    }

    @MutationMapping
    public Mono<OffboardTenantPayload> offboardTenant(@Argument OffboardTenantInput input, @AuthenticationPrincipal Jwt jwt) {
        requireAdministers(jwt, input.tenantCode());
        return regions.suspend(input.tenantCode(), new RegionApi.SuspendRequest(input.reason()))
                .map(OffboardTenantPayload::new);
    }

    private static void requireAdministers(Jwt jwt, String regionCode) {
        if (!Callers.require(jwt).administers(regionCode)) {
            throw ApiException.forbidden("只有所在省份的省级管理员或平台运营人员可以开通或停用 " + regionCode);
        }
    }
}
