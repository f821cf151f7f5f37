package cn.zwy.tenant.region;

import cn.zwy.tenant.api.region.RegionView;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantRepository;
import cn.zwy.tenant.api.region.TenantView;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Public reads of the division tree and of which regions are tenants. */
@Service
public class RegionDirectory {

    private final RegionRepository regions;
    private final TenantRepository tenants;
    private final TenantTransactions tx;

    public RegionDirectory(RegionRepository regions, TenantRepository tenants, TenantTransactions tx) {
        this.regions = regions;
        this.tenants = tenants;
        this.tx = tx;
    }

    public List<RegionView> children(String parentCode) {
        return tx.platform(() -> {
            List<Region> list;
            if (parentCode == null || parentCode.isBlank()) {
                list = regions.findByParentCodeIsNullOrderByCode();
            } else {
                RegionCodes.requireFormat("parentCode", parentCode);
                if (!regions.existsById(parentCode)) {
                    throw ApiException.notFound("parentCode", "未知的行政区划代码: " + parentCode);
                }
                list = regions.findByParentCodeOrderByCode(parentCode);
            }
            Map<String, Tenant> onboarded = tenants.findAllById(list.stream().map(Region::getCode).toList())
                    .stream().collect(Collectors.toMap(Tenant::getCode, Function.identity()));
            return list.stream().map(r -> view(r, onboarded.get(r.getCode()))).toList();
        });
    }

    public RegionView region(String code) {
        RegionCodes.requireFormat("code", code);
        return tx.platform(() -> {
            Region r = regions.findById(code)
                    .orElseThrow(() -> ApiException.notFound("code", "未知的行政区划代码: " + code));
            return view(r, tenants.findById(code).orElse(null));
        });
    }

    public TenantView tenant(String code) {
        RegionCodes.requireFormat("code", code);
        return tx.platform(() -> tenants.findById(code).map(Tenant::view)
                .orElseThrow(() -> regions.existsById(code)
                        ? ApiException.notFound("code", "该地区尚未开通政务云: " + code)
                        : ApiException.notFound("code", "未知的行政区划代码: " + code)));
    }

    private static RegionView view(Region r, Tenant t) {
        return new RegionView(r.getCode(), r.getName(), r.getLevel(), r.getParentCode(), t == null ? null : Tenant.view(t));
    }
}
