package cn.zwy.tenant.api.region;

/**
 * What {@code onboardTenant} did. {@code created} is false when the tenant already existed
 * (the call is harmless to repeat). The staff administrator's account is provisioned in
 * Keycloak from the {@code tenant.onboarded} event, so it exists within seconds, and is retried
 * until Keycloak answers.
 */
public record OnboardingResult(TenantView tenant, boolean created, String adminUsername) {}
