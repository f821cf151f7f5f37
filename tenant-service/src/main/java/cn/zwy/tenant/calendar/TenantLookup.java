package cn.zwy.tenant.calendar;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.region.RegionCodes;
import cn.zwy.tenant.region.RegionRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantRepository;
import org.springframework.stereotype.Component;

/** The tenant a calendar request names, with the same errors as the hall API. */
@Component
class TenantLookup {

    private final TenantRepository tenants;
    private final RegionRepository regions;
    private final TenantTransactions tx;

    TenantLookup(TenantRepository tenants, RegionRepository regions, TenantTransactions tx) {
        this.tenants = tenants;
        this.regions = regions;
        this.tx = tx;
    }

    Tenant require(String tenantCode) {
        RegionCodes.requireFormat("tenantCode", tenantCode);
        return tx.platform(() -> tenants.findById(tenantCode)).orElseThrow(() -> tx.platform(() -> regions.existsById(tenantCode))
                ? ApiException.notFound("tenantCode", "该地区尚未开通政务云: " + tenantCode)
                : ApiException.notFound("tenantCode", "未知的行政区划代码: " + tenantCode));
    }
}
