package cn.zwy.common.tenant;

import java.util.Objects;

/**
 * The tenant a unit of work acts for, and whether it may write. A provincial administrator
 * reading a county gets that county's scope with {@link Access#READ}; PostgreSQL refuses any
 * write made under a read scope (see the row-level-security policies).
 */
public record TenantScope(String tenantId, Access access) {

    public enum Access { READ, WRITE }

    public TenantScope {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(access, "access");
        if (!DivisionCodes.isDivision(tenantId)) {
            throw new IllegalArgumentException("not an administrative division code: " + tenantId);
        }
    }

    public static TenantScope read(String tenantId) { return new TenantScope(tenantId, Access.READ); }

    public static TenantScope write(String tenantId) { return new TenantScope(tenantId, Access.WRITE); }

    public boolean writable() { return access == Access.WRITE; }
}
