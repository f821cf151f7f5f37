package cn.zwy.tenant.demo;

import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.HallDetails;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.hall.HallService;
import cn.zwy.tenant.hall.OpeningHours;
import cn.zwy.tenant.region.RegionRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo tenants and their main halls, loaded at start when {@code zwy.demo.enabled} (local runs
 * and tests, never production). Names, addresses and phones come from the centres' own
 * published rules in {@code shared/seeds} where those give them; where a seed gives no street
 * address, the address says so instead of inventing one. Idempotent: existing tenants are kept.
 */
@Component
@Order(0)   // first: DemoOrganisation and DemoCatalog need the tenants and their halls
@ConditionalOnProperty(name = "zwy.demo.enabled", havingValue = "true")
public class DemoTenants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTenants.class);

    record DemoHall(String tenantCode, String hallName, String address, String phone, OpeningHours hours) {}

    private static final OpeningHours A4_HOURS = OpeningHours.standardWorkdays("08:30", "11:30", "14:30", "17:30");

    static final List<DemoHall> HALLS = List.of(
            // seed 000: 连山县政务服务中心, 办公地址 and 办公时间 as published
            new DemoHall("441825", "连山县政务服务中心", "连山壮族瑶族自治县吉田镇鹿鸣东路116号", "12345", A4_HOURS),
            // seed 002: 台山市人民政府行政服务中心 (no street address in the seed)
            new DemoHall("440781", "台山市人民政府行政服务中心", "广东省江门市台山市（详细地址以中心公告为准）", "12345", A4_HOURS),
            // seed 003: 罗山县政务服务中心, 督查股投诉电话 0376-2178653
            new DemoHall("411521", "罗山县政务服务中心", "河南省信阳市罗山县（详细地址以中心公告为准）", "0376-2178653", A4_HOURS),
            // seed 004: 钦南区政务服务中心 (钦南政务办)
            new DemoHall("450702", "钦南区政务服务中心", "广西壮族自治区钦州市钦南区（详细地址以中心公告为准）", "12345", A4_HOURS));

    private final TenantRepository tenants;
    private final RegionRepository regions;
    private final HallService halls;
    private final TenantTransactions tx;

    public DemoTenants(TenantRepository tenants, RegionRepository regions, HallService halls, TenantTransactions tx) {
        this.tenants = tenants;
        this.regions = regions;
        this.halls = halls;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (DemoHall d : HALLS) {
            boolean created = tx.platform(() -> {
                if (tenants.existsById(d.tenantCode())) return false;
                String name = regions.findById(d.tenantCode()).orElseThrow().getName();
                tenants.save(new Tenant(d.tenantCode(), name));
                return true;
            });
            if (created) {
                halls.registerMainHall(d.tenantCode(), HallLevel.COUNTY, new HallDetails(d.hallName(), d.address(), d.phone(), d.hours()));
                log.info("demo tenant {} with hall {} loaded", d.tenantCode(), d.hallName());
            }
        }
    }
}
