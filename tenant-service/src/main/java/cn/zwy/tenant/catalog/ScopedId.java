package cn.zwy.tenant.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.region.RegionCodes;
import java.util.UUID;

/**
 * Public ids of tenant rows (items, guide versions): {@code <tenant code>:<uuid>}, e.g.
 * {@code 441825:0c6f…}. Carrying the tenant lets a read go straight to that tenant's rows under
 * row-level security, with no cross-tenant lookup table.
 */
public record ScopedId(String tenantCode, UUID id) {

    public static ScopedId parse(String field, String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        try {
            if (colon < 0) throw new IllegalArgumentException();
            String tenant = value.substring(0, colon);
            RegionCodes.requireFormat(field, tenant);
            return new ScopedId(tenant, UUID.fromString(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "编号格式不正确（应为 区划代码:UUID）: " + value);
        }
    }

    @Override
    public String toString() {
        return tenantCode + ":" + id;
    }
}
