package cn.zwy.tenant.tenant;

/**
 * A part of tenant-service that sets a new tenant up inside the onboarding transaction (for
 * example adopting the province's standard catalog). Runs bound to the new tenant, for writing.
 */
public interface TenantSetup {
    void onboarded(Tenant tenant);
}
