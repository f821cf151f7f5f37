package cn.zwy.tenant.demo;

import cn.zwy.tenant.api.organisation.WindowPosition;
import cn.zwy.tenant.api.organisation.WindowKind;
import cn.zwy.tenant.api.organisation.StaffInputs;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.tenant.hall.HallDetails;
import cn.zwy.tenant.hall.HallService;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.hall.OpeningHours;
import cn.zwy.tenant.api.organisation.BusinessCategory;
import cn.zwy.tenant.organisation.OrganisationService;
import cn.zwy.tenant.api.organisation.OrganisationViews.DepartmentView;
import cn.zwy.tenant.api.organisation.OrganisationViews.WindowView;
import cn.zwy.tenant.organisation.ServiceWindow;
import cn.zwy.tenant.organisation.WindowAssignment;
import cn.zwy.tenant.staff.StaffReconciliation;
import cn.zwy.tenant.staff.StaffService;
import cn.zwy.tenant.api.organisation.StaffView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The organisation of demo tenant 441825 连山 (T3–T7), and the staff rows of the other demo tenants' clerks: the town centre 吉田镇便民服务中心 as a
 * second hall, staff rows for the realm file's demo users, departments stationed in the county
 * centre with their chief representatives, windows with business categories, and lianshan.clerk
 * as A holder of 综合受理窗口 1. Loaded when {@code zwy.demo.enabled}; every step uses a natural
 * key (region code, username, hall + name, hall + number), so a restart loads nothing twice.
 *
 * <p>The staff rows are made WITHOUT touching Keycloak: these accounts already exist there
 * (keycloak/realms/staff-realm.json), with their roles and attributes, so only the tenant's
 * record of them is written ({@link StaffService#recordExistingAccount}). Names as in the realm file.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "zwy.demo.enabled", havingValue = "true")
public class DemoOrganisation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
    static final String LIANSHAN = "441825";
    static final String JITIAN = "441825104";

    record DemoStaff(String username, String family, String given, List<String> roles, String site) {}

    /** The demo clerks of the other demo tenants (T7: every account with a tenant claim has its record). */
    record OtherStaff(String tenantCode, DemoStaff staff) {}

    static final List<OtherStaff> OTHER_STAFF = List.of(
            new OtherStaff("440781", new DemoStaff("taishan.clerk", "陈", "嘉欣", List.of("clerk"), null)),
            new OtherStaff("411521", new DemoStaff("luoshan.clerk", "王", "红梅", List.of("clerk"), null)));

    static final List<DemoStaff> STAFF = List.of(
            new DemoStaff("lianshan.admin", "韦", "建国", List.of("centre_admin"), null),
            new DemoStaff("lianshan.clerk", "覃", "丽华", List.of("clerk"), null),
            // the hall's guide (引导员, G1/G3): walks the guidance with the citizen at the desk and issues their ticket
            new DemoStaff("lianshan.guide", "蓝", "晓燕", List.of("guide"), null),
            new DemoStaff("lianshan.approver", "莫", "志强", List.of("approver"), null),
            new DemoStaff("jitian.agent", "盘", "秀英", List.of("agent"), JITIAN));

    private final HallService halls;
    private final StaffService staff;
    private final OrganisationService organisation;
    private final StaffReconciliation reconciliation;

    public DemoOrganisation(HallService halls, StaffService staff, OrganisationService organisation,
                            StaffReconciliation reconciliation) {
        this.halls = halls;
        this.staff = staff;
        this.organisation = organisation;
        this.reconciliation = reconciliation;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            load();
        } catch (ApiException e) {
            // demo data edited since (e.g. a post reassigned): keep what is there
            log.warn("demo organisation of {} not (fully) loaded: {}", LIANSHAN, e.getMessage());
        }
        // every other account of the realm file with a tenant claim gets its record too (T7),
        // whatever demo accounts the file gains later; Keycloak down: the scheduled run does it
        try {
            reconciliation.reconcile();
        } catch (RuntimeException e) {
            log.warn("staff records of the demo accounts not reconciled yet: {}", e.toString());
        }
    }

    private void load() {
        for (OtherStaff o : OTHER_STAFF) {
            DemoStaff s = o.staff();
            staff.recordExistingAccount(o.tenantCode(), s.username(), s.family(), s.given(), s.roles(), s.site());
        }
        // the town centre where jitian.agent works (seed 000: 镇政务服务中心所有窗口均为“一站式”); no street address in the seed
        halls.registerSite(LIANSHAN, JITIAN, new HallDetails("吉田镇便民服务中心", "连山壮族瑶族自治县吉田镇（详细地址以中心公告为准）",
                "12345", OpeningHours.standardWorkdays("08:30", "11:30", "14:30", "17:30")));
        UUID county = halls.halls(LIANSHAN).stream().filter(HallView::main).findFirst().orElseThrow().id();

        Map<String, StaffView> people = new HashMap<>();
        for (DemoStaff s : STAFF) {
            people.put(s.username(), staff.recordExistingAccount(LIANSHAN, s.username(), s.family(), s.given(), s.roles(), s.site()));
        }
        // the loader acts as the tenant's centre administrator, through the same checks as a real one
        Caller admin = new Caller(Realm.STAFF, "demo-loader", "demo-loader", "演示数据", Set.of(Caller.CENTRE_ADMIN),
                Optional.of(LIANSHAN), Optional.empty());
        UUID approver = people.get("lianshan.approver").id();
        DepartmentView police = organisation.createDepartment(admin, LIANSHAN,
                new StaffInputs.NewDepartment(county, "县公安局", approver)).value();
        organisation.createDepartment(admin, LIANSHAN, new StaffInputs.NewDepartment(county, "县市场监督管理局", approver));
        organisation.createDepartment(admin, LIANSHAN, new StaffInputs.NewDepartment(county, "县人力资源和社会保障局", null));
        organisation.createDepartment(admin, LIANSHAN, new StaffInputs.NewDepartment(county, "县税务局", null));

        List<BusinessCategory> general = List.of(new BusinessCategory("A", "综合受理"), new BusinessCategory("Y", "预约办理"));
        WindowView first = null;
        for (int i = 1; i <= 3; i++) {
            WindowView w = organisation.createWindow(admin, LIANSHAN, new StaffInputs.NewWindow(county, String.valueOf(i),
                    "综合受理窗口" + i, WindowKind.COMPREHENSIVE, null, general)).value();
            if (i == 1) first = w;
        }
        organisation.createWindow(admin, LIANSHAN, new StaffInputs.NewWindow(county, "8", "出件窗口",
                WindowKind.COMPREHENSIVE, null, List.of(new BusinessCategory("C", "出件"))));
        organisation.createWindow(admin, LIANSHAN, new StaffInputs.NewWindow(county, "10", "公安窗口",
                WindowKind.DEPARTMENT, police.id(), List.of(new BusinessCategory("GA", "户政"), new BusinessCategory("CJ", "出入境"))));
        organisation.assign(admin, LIANSHAN, new StaffInputs.Assignment(first.id(), people.get("lianshan.clerk").id(),
                WindowPosition.A));
        log.info("demo organisation of {} loaded", LIANSHAN);
    }
}
