package cn.zwy.tenant.tenant;

import cn.zwy.common.security.Callers;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Onboarding and offboarding (internal REST). */
@RestController
@RequestMapping("/api/tenants")
public class TenantController {

    public record OnboardRequest(String regionCode) {}

    public record SuspendRequest(String reason) {}

    private final TenantOnboarding onboarding;

    public TenantController(TenantOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping
    public OnboardingResult onboard(@RequestBody OnboardRequest request) {
        return onboarding.onboard(Callers.require(), request.regionCode());
    }

    @PostMapping("/{tenantCode}/suspension")
    public TenantView suspend(@PathVariable String tenantCode, @RequestBody SuspendRequest request) {
        return onboarding.suspend(Callers.require(), tenantCode, request.reason());
    }
}
