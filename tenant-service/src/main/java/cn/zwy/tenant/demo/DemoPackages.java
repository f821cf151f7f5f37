package cn.zwy.tenant.demo;

import cn.zwy.tenant.api.catalog.LifeEvent;
import cn.zwy.tenant.api.catalog.ReviewMode;
import cn.zwy.tenant.catalog.onething.PackageService;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo "one thing" packages (G3), after the demo catalog: 出生一件事 (the 丰县 example: birth certificate,
 * birth registration, household registration, medical insurance, social security card) and 开办餐饮店一件事
 * for each demo tenant that offers all their items. Idempotent (by name).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "zwy.demo.enabled", havingValue = "true")
public class DemoPackages implements ApplicationRunner {

    static final List<String> BIRTH = List.of("出生医学证明办理", "生育登记", "出生登记", "城乡居民基本医疗保险参保登记", "社会保障卡申领");
    static final List<String> RESTAURANT = List.of("个体工商户设立登记", "食品经营许可（新办）", "公共场所卫生许可（新办）");

    private final PackageService packages;

    public DemoPackages(PackageService packages) {
        this.packages = packages;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoCatalog.Local l : DemoCatalog.TENANTS) {
            packages.loadDemo(l.tenantCode(), "出生一件事", LifeEvent.BIRTH,
                    "新生儿出生后，一次申请办理出生医学证明、生育登记、出生登记（落户）、城乡居民医保参保和社会保障卡申领，一张表、一套材料，各部门并联办理。",
                    ReviewMode.PACKAGE, BIRTH);
            packages.loadDemo(l.tenantCode(), "开办餐饮店一件事", LifeEvent.BUSINESS,
                    "开办餐饮店一次申请个体工商户设立登记、食品经营许可和公共场所卫生许可，一张表、一套材料，各部门并联办理。",
                    ReviewMode.PER_ITEM, RESTAURANT);
        }
    }
}
