package cn.zwy.tenant.tenant;

import java.util.List;
import java.util.UUID;

/** Payloads of the tenant lifecycle events. */
public final class TenantEvents {

    public static final String ONBOARDED = "tenant.onboarded";
    public static final String SUSPENDED = "tenant.suspended";

    private TenantEvents() {}

    /**
     * A tenant became active, or active again ({@code reactivated}: its suspended staff are to be
     * enabled again); {@code adminUsername} is its staff administrator's account.
     */
    public record Onboarded(String tenantCode, String name, String level, List<String> regionPath, String regionName,
                            UUID mainHallId, String adminUsername, boolean reactivated) {}

    public record Suspended(String tenantCode, String name, String reason) {}

    /** The staff administrator account every tenant gets. */
    public static String adminUsername(String tenantCode) {
        return tenantCode + ".admin";
    }
}
