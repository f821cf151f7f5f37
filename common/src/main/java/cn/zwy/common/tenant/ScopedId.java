package cn.zwy.common.tenant;

import cn.zwy.common.error.ApiException;
import java.util.UUID;

/**
 * An id scoped by its tenant, {@code <tenantCode>:<uuid>} (every scoped record's public id: the tenant comes first, so the
 * gateway's tenancy check and the service's transaction binding read it without a lookup).
 */
public record ScopedId(String tenant, UUID id) {

    /** Parses {@code value}; a malformed one is a VALIDATION error on {@code field}. */
    public static ScopedId parse(String field, String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        try {
            if (colon < 0 || !DivisionCodes.isTenant(value.substring(0, colon))) throw new IllegalArgumentException();
            return new ScopedId(value.substring(0, colon), UUID.fromString(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "编号格式不正确（应为 区划代码:UUID）: " + value);
        }
    }

    @Override
    public String toString() { return tenant + ":" + id; }
}
