package cn.zwy.cases.filing;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.tenant.DivisionCodes;
import java.util.UUID;

/**
 * A case's public id, {@code <tenant code>:<uuid>}: carrying the tenant lets a read go straight to
 * that tenant's rows under row-level security (as the catalog's ids do).
 */
record CaseId(String tenantCode, UUID id) {

    static CaseId parse(String field, String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        try {
            if (colon < 0) throw new IllegalArgumentException();
            String tenant = value.substring(0, colon);
            if (!DivisionCodes.isTenant(tenant)) throw new IllegalArgumentException();
            return new CaseId(tenant, UUID.fromString(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "编号格式不正确（应为 区划代码:UUID）: " + value);
        }
    }

    @Override
    public String toString() {
        return tenantCode + ":" + id;
    }
}
