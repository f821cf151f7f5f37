package cn.zwy.gateway.region;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.gateway.identity.Callers;
import cn.zwy.gateway.upstream.ServiceClient;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Onboarding and offboarding tenants (T2). */
@Controller
public class TenantGraph {

    public record OnboardTenantInput(String regionCode) {}

    public record OnboardTenantPayload(TenantNode tenant, boolean created, String adminUsername) {}

    public record OffboardTenantInput(String tenantCode, String reason) {}

    public record OffboardTenantPayload(TenantNode tenant) {}

    private final ServiceClient tenantService;

    public TenantGraph(@Qualifier("tenantService") ServiceClient tenantService) {
        this.tenantService = tenantService;
    }

    @MutationMapping
    public Mono<OnboardTenantPayload> onboardTenant(@Argument OnboardTenantInput input, @AuthenticationPrincipal Jwt jwt) {
        requireAdministers(Callers.require(jwt), input.regionCode());
        return tenantService.post(u -> u.path("/api/tenants").build(), Map.of("regionCode", input.regionCode()),
                OnboardTenantPayload.class, jwt);
    }

    @MutationMapping
    public Mono<OffboardTenantPayload> offboardTenant(@Argument OffboardTenantInput input, @AuthenticationPrincipal Jwt jwt) {
        requireAdministers(Callers.require(jwt), input.tenantCode());
        return tenantService.post(u -> u.path("/api/tenants/{code}/suspension").build(input.tenantCode()),
                Map.of("reason", input.reason()), TenantNode.class, jwt).map(OffboardTenantPayload::new);
    }

    private static void requireAdministers(Caller caller, String regionCode) {
        if (!caller.administers(regionCode)) {
            throw ApiException.forbidden("只有所在省份的省级管理员或平台运营人员可以开通或停用 " + regionCode);
        }
    }
}
