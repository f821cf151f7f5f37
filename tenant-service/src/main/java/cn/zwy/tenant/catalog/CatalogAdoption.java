package cn.zwy.tenant.catalog;

import cn.zwy.tenant.catalog.guide.GuideService;
import cn.zwy.tenant.catalog.standard.StandardItem;
import cn.zwy.tenant.catalog.standard.StandardItemRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantSetup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Onboarding adopts the province's standard catalog (S7): every applicable item becomes a draft
 * guide of the new tenant, inside the onboarding transaction. Its administrator then localises
 * (department, promised limit, fees, windows …) and publishes each guide.
 */
@Component
@Order(100)
public class CatalogAdoption implements TenantSetup {

    private final StandardItemRepository items;
    private final GuideService guides;

    public CatalogAdoption(StandardItemRepository items, GuideService guides) {
        this.items = items;
        this.guides = guides;
    }

    @Override
    public void onboarded(Tenant tenant) {
        for (StandardItem item : items.findByProvinceCodeOrderByBasicCode(tenant.getCode().substring(0, 2))) {
            guides.adoptOnOnboarding(tenant.getCode(), item.getId());
        }
    }
}
