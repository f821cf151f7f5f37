package cn.zwy.tenant.tenant;

import cn.zwy.tenant.api.region.OnboardingResult;
import cn.zwy.tenant.api.region.TenantStatus;
import cn.zwy.tenant.api.region.TenantView;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.hall.HallDetails;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.hall.HallService;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.hall.OpeningHours;
import cn.zwy.tenant.region.Region;
import cn.zwy.tenant.region.RegionCodes;
import cn.zwy.tenant.api.region.RegionLevel;
import cn.zwy.tenant.region.RegionRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Turns a city-, county- or town-level region into a tenant in one call (T2: a tenant is typically a
 * county; a city or a town may be its own): the tenant, its main
 * hall with the usual hours (A4), and a {@code tenant.onboarded} event from which its staff
 * administrator is provisioned in Keycloak and other services set themselves up. Everything in
 * the database happens in one transaction; repeating the call changes nothing.
 */
@Service
public class TenantOnboarding {

    /** The usual hours of a centre (A4), until its administrator sets its own. */
    static final OpeningHours DEFAULT_HOURS = OpeningHours.standardWorkdays("08:30", "11:30", "14:30", "17:30");
    static final String DEFAULT_PHONE = "12345";
    static final int MAX_REASON = 200;

    private final TenantRepository tenants;
    private final RegionRepository regions;
    private final HallService halls;
    private final TenantTransactions tx;
    private final OutboxPublisher outbox;
    private final List<TenantSetup> setups;

    public TenantOnboarding(TenantRepository tenants, RegionRepository regions, HallService halls,
                            TenantTransactions tx, OutboxPublisher outbox, List<TenantSetup> setups) {
        this.tenants = tenants;
        this.regions = regions;
        this.halls = halls;
        this.tx = tx;
        this.outbox = outbox;
        this.setups = setups;
    }

    public OnboardingResult onboard(Caller caller, String regionCode) {
        RegionCodes.requireFormat("regionCode", regionCode);
        if (!caller.administers(regionCode)) {
            throw ApiException.forbidden("只有所在省份的省级管理员或平台运营人员可以为 " + regionCode + " 开通租户");
        }
        Region region = tx.platform(() -> regions.findById(regionCode))
                .orElseThrow(() -> ApiException.notFound("regionCode", "未知的行政区划代码: " + regionCode));
        if (region.getLevel() != RegionLevel.CITY && region.getLevel() != RegionLevel.COUNTY && region.getLevel() != RegionLevel.TOWN) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "只能为地市级、县级或乡镇（街道）级地区开通租户，" + region.getName()
                    + "（" + regionCode + "）是" + levelName(region.getLevel()), "regionCode", "T2");
        }
        try {
            return tx.write(regionCode, () -> onboardInTransaction(region));
        } catch (DataIntegrityViolationException concurrent) {
            // another call onboarded the same region at the same moment: that one won, this one is a repeat
            return new OnboardingResult(tx.platform(() -> Tenant.view(tenants.findById(regionCode).orElseThrow())),
                    false, TenantEvents.adminUsername(regionCode));
        }
    }

    private OnboardingResult onboardInTransaction(Region region) {
        String code = region.getCode();
        Optional<Tenant> existing = tenants.findById(code);
        if (existing.isPresent() && existing.get().getStatus() == TenantStatus.ACTIVE) {
            return new OnboardingResult(Tenant.view(existing.get()), false, TenantEvents.adminUsername(code));
        }
        Tenant tenant;
        HallView hall;
        boolean created = existing.isEmpty();
        List<Region> path = pathOf(region);
        if (created) {
            HallLevel level = switch (region.getLevel()) {
                case CITY -> HallLevel.CITY;
                case TOWN -> HallLevel.TOWN;
                default -> HallLevel.COUNTY;
            };
            tenant = tenants.saveAndFlush(new Tenant(code, region.getName(), level.name()));
            hall = halls.registerMainHall(code, level,
                    new HallDetails(defaultHallName(region), fullName(path), DEFAULT_PHONE, DEFAULT_HOURS));
        } else {
            // re-onboarding a suspended tenant brings it back with its data
            tenant = existing.get();
            tenant.reactivate();
            tenants.saveAndFlush(tenant);
            hall = halls.mainHall(code);
        }
        for (TenantSetup setup : setups) setup.onboarded(tenant);
        outbox.publish(TenantEvents.ONBOARDED, code, "tenant", code, new TenantEvents.Onboarded(code, tenant.getName(),
                tenant.getLevel(), RegionCodes.path(code), fullName(path), hall.id(), TenantEvents.adminUsername(code), !created));
        return new OnboardingResult(Tenant.view(tenant), created, TenantEvents.adminUsername(code));
    }

    public TenantView suspend(Caller caller, String tenantCode, String reason) {
        RegionCodes.requireFormat("tenantCode", tenantCode);
        if (!caller.administers(tenantCode)) {
            throw ApiException.forbidden("只有所在省份的省级管理员或平台运营人员可以停用租户 " + tenantCode);
        }
        if (reason == null || reason.isBlank()) throw ApiException.validation("reason", "停用租户需要说明原因");
        if (reason.strip().length() > MAX_REASON) throw ApiException.validation("reason", "原因不能超过 " + MAX_REASON + " 个字符");
        return tx.write(tenantCode, () -> {
            Tenant tenant = tenants.findById(tenantCode)
                    .orElseThrow(() -> ApiException.notFound("tenantCode", "该地区尚未开通政务云: " + tenantCode));
            if (tenant.getStatus() == TenantStatus.SUSPENDED) return Tenant.view(tenant);
            tenant.suspend(reason.strip());
            tenants.saveAndFlush(tenant);
            outbox.publish(TenantEvents.SUSPENDED, tenantCode, "tenant", tenantCode,
                    new TenantEvents.Suspended(tenantCode, tenant.getName(), tenant.getSuspensionReason()));
            return Tenant.view(tenant);
        });
    }

    private List<Region> pathOf(Region region) {
        return RegionCodes.path(region.getCode()).stream()
                .map(c -> regions.findById(c).orElseThrow()).toList();
    }

    /** 广东省清远市阳山县: the names of the region and its ancestors ("市辖区" placeholders left out). */
    private static String fullName(List<Region> path) {
        StringBuilder b = new StringBuilder();
        for (Region r : path) if (!r.getName().equals("市辖区") && !r.getName().equals("县")) b.append(r.getName());
        return b.toString();
    }

    private static String defaultHallName(Region region) {
        return region.getName() + (region.getLevel() == RegionLevel.TOWN ? "便民服务中心" : "政务服务中心");
    }

    private static String levelName(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> "省级地区";
            case CITY -> "地市级地区";
            case COUNTY -> "县级地区";
            case TOWN -> "乡镇级地区";
            case VILLAGE -> "村级地区";
        };
    }
}
