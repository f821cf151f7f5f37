package cn.zwy.tenant.tenant;

import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.region.RegionCodes;
import cn.zwy.tenant.region.RegionRepository;
import org.springframework.stereotype.Component;

/**
 * The tenant a request names, with the same errors everywhere: a malformed code is VALIDATION,
 * an unknown region and a region that is not (yet) a tenant are NOT_FOUND with different words,
 * and a suspended tenant accepts no changes.
 */
@Component
public class TenantLookup {

    private final TenantRepository tenants;
    private final RegionRepository regions;
    private final TenantTransactions tx;

    public TenantLookup(TenantRepository tenants, RegionRepository regions, TenantTransactions tx) {
        this.tenants = tenants;
        this.regions = regions;
        this.tx = tx;
    }

    public Tenant require(String tenantCode) {
        RegionCodes.requireFormat("tenantCode", tenantCode);
        return tx.platform(() -> tenants.findById(tenantCode)).orElseThrow(() -> tx.platform(() -> regions.existsById(tenantCode))
                ? ApiException.notFound("tenantCode", "该地区尚未开通政务云: " + tenantCode)
                : ApiException.notFound("tenantCode", "未知的行政区划代码: " + tenantCode));
    }

    /** Offboarding keeps a tenant's data readable but refuses every change to it. */
    public static void requireActive(Tenant tenant) {
        if (tenant.getStatus() != TenantStatus.ACTIVE) {
            throw ApiException.forbidden("租户 " + tenant.getCode() + " 已停用，不能修改");
        }
    }
}
