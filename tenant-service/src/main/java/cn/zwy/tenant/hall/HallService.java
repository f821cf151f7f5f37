package cn.zwy.tenant.hall;

import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.tenant.api.hall.HallApi;
import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.hall.HallUpdate;
import cn.zwy.tenant.api.hall.NewHall;
import cn.zwy.tenant.api.hall.HallChangeView;
import cn.zwy.tenant.api.hall.HallState;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.region.Region;
import cn.zwy.tenant.region.RegionCodes;
import cn.zwy.tenant.api.region.RegionLevel;
import cn.zwy.tenant.region.RegionRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Halls: public reads, audited edits by the tenant's centre administrator, the change record. */
@Service
public class HallService {

    static final int MAX_PAGE = 100;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HallService.class);

    private final HallRepository halls;
    private final HallChangeRepository changes;
    private final RegionRepository regions;
    private final TenantTransactions tx;
    private final OutboxPublisher outbox;
    private final JsonMapper json;

    private final TenantLookup lookup;

    public HallService(HallRepository halls, HallChangeRepository changes,
                       RegionRepository regions, TenantTransactions tx, OutboxPublisher outbox, JsonMapper json, TenantLookup lookup) {
        this.lookup = lookup;
        this.halls = halls;
        this.changes = changes;
        this.regions = regions;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
    }

    /** Public: anyone, signed in or not, reads a tenant's main hall. */
    /** {@link #mainHall} of several tenants, each read in its own tenant's scope; none is left out but the unknown or hall-less. */
    public List<HallView> mainHalls(List<String> tenantCodes) {
        if (tenantCodes == null || tenantCodes.isEmpty()) throw ApiException.validation("tenantCode", "缺少参数 tenantCode");
        if (tenantCodes.size() > HallApi.MAX_TENANTS_PER_READ) {
            throw ApiException.validation("tenantCode", "一次最多查询 " + HallApi.MAX_TENANTS_PER_READ + " 个租户的服务大厅");
        }
        List<HallView> out = new java.util.ArrayList<>();
        for (String code : tenantCodes) {
            if (!DivisionCodes.isDivision(code)) throw ApiException.validation("tenantCode", "行政区划代码格式不正确: " + code);
            try {
                out.add(mainHall(code));
            } catch (ApiException e) {
                if (e.code() != ErrorCode.NOT_FOUND) throw e;
            }
        }
        return out;
    }

    public HallView mainHall(String tenantCode) {
        lookup.require(tenantCode);
        return tx.read(tenantCode, () -> halls.findMain().map(Hall::view)
                .orElseThrow(() -> ApiException.notFound("tenantCode", "该租户尚未登记服务大厅: " + tenantCode)));
    }

    /** Public: every hall of the tenant, the main hall first, then by name. */
    public List<HallView> halls(String tenantCode) {
        lookup.require(tenantCode);
        return tx.read(tenantCode, () -> halls.findAll().stream()
                .sorted(java.util.Comparator.comparing((Hall h) -> !h.isMain()).thenComparing(h -> h.details().name()))
                .map(Hall::view).toList());
    }

    /** The tenant's own centre administrator only; every change is recorded and published. */
    public HallView updateMainHall(Caller caller, String tenantCode, HallUpdate update) {
        Tenant tenant = lookup.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以修改服务大厅信息");
        }
        TenantLookup.requireActive(tenant);
        return tx.write(tenantCode, () -> {
            Hall hall = halls.lockMain()
                    .orElseThrow(() -> ApiException.notFound("tenantCode", "该租户尚未登记服务大厅: " + tenantCode));
            if (update.expectedVersion() != null && update.expectedVersion() != hall.getVersion()) {
                throw ApiException.conflict("expectedVersion", "服务大厅信息已被他人修改（当前版本 " + hall.getVersion()
                        + "，提交所依据的版本 " + update.expectedVersion() + "），请刷新后重试");
            }
            HallDetails before = hall.details();
            HallDetails after = HallInput.applyTo(update, before);
            List<String> changed = after.changedFrom(before);
            if (changed.isEmpty()) return Hall.view(hall);
            hall.apply(after);
            halls.saveAndFlush(hall);
            changes.save(new HallChange(hall.getId(), caller.username(), caller.displayName(), caller.userId(),
                    String.join(",", changed), json.writeValueAsString(HallDetails.state(before)), json.writeValueAsString(HallDetails.state(after))));
            publish(tenant, hall);
            log.info("hall {} updated by {}: {}", hall.getId(), caller.username(), changed);
            return Hall.view(hall);
        });
    }

    /**
     * Adds a town centre (T3) to the tenant: its centre administrator only. The region code must
     * be a division of the loaded tree (T1) inside the tenant's region. Village stations wait for
     * village divisions: the tree stops at towns, so a 12-digit code cannot be checked and an
     * invented one (441825104999, issue 6) must not become a public site.
     */
    public HallView addHall(Caller caller, String tenantCode, NewHall input) {
        Tenant tenant = lookup.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以增加服务大厅");
        }
        TenantLookup.requireActive(tenant);
        HallLevel level = siteLevel(tenantCode, input.regionCode());
        HallDetails details = HallInput.asNew(input);
        return tx.write(tenantCode, () -> {
            if (halls.findByRegionCodeAndMainFalse(input.regionCode()).isPresent()) {
                throw ApiException.conflict("regionCode", "该地区已有服务大厅: " + input.regionCode());
            }
            Hall hall = halls.save(new Hall(input.regionCode(), level, false, details));
            halls.flush();
            publish(tenant, hall);
            log.info("hall {} ({} {}) added to tenant {} by {}", hall.getId(), level, input.regionCode(), tenantCode, caller.username());
            return Hall.view(hall);
        });
    }

    /** Registers a town or village hall without a caller (demo data); the existing hall of that code is kept. */
    public HallView registerSite(String tenantCode, String regionCode, HallDetails details) {
        Tenant tenant = lookup.require(tenantCode);
        HallLevel level = siteLevel(tenantCode, regionCode);
        return tx.write(tenantCode, () -> halls.findByRegionCodeAndMainFalse(regionCode).map(Hall::view).orElseGet(() -> {
            Hall hall = halls.save(new Hall(regionCode, level, false, details));
            halls.flush();
            publish(tenant, hall);
            return Hall.view(hall);
        }));
    }

    /**
     * The level of a site inside the tenant's region. A site's code must be a real division (T1):
     * one of the loaded tree, below the tenant. Village codes (12 digits) are refused with rule T3
     * until village divisions are loaded; any other code the tree does not know is a VALIDATION
     * error with rule T1.
     */
    HallLevel siteLevel(String tenantCode, String regionCode) {
        RegionCodes.requireFormat("regionCode", regionCode);
        if (!regionCode.startsWith(tenantCode) || regionCode.length() <= tenantCode.length()) {
            throw new ApiException(ErrorCode.VALIDATION, "服务大厅所在地区必须是本租户（" + tenantCode + "）辖区内的乡镇（街道）: "
                    + regionCode, "regionCode", "T1");
        }
        if (regionCode.length() == RegionLevel.VILLAGE.codeLength()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "暂不支持村（社区）级代码: 平台的行政区划数据只到乡镇（街道）级，"
                    + "无法核实 12 位村级代码，村（社区）便民服务站暂不能登记: " + regionCode, "regionCode", "T3");
        }
        Region region = tx.platform(() -> regions.findById(regionCode)).orElseThrow(() -> new ApiException(ErrorCode.VALIDATION,
                "不是已登记的行政区划代码（GB/T 2260）: " + regionCode, "regionCode", "T1"));
        if (region.getLevel() != RegionLevel.TOWN) {
            throw new ApiException(ErrorCode.VALIDATION, "服务大厅应设在乡镇（街道，9 位代码），收到" + region.getName()
                    + "（" + regionCode + "）", "regionCode", "T1");
        }
        return HallLevel.TOWN;
    }

    /** Registers a tenant's main hall (onboarding, demo data); publishes it like any change. */
    public HallView registerMainHall(String tenantCode, HallLevel level, HallDetails details) {
        Tenant tenant = lookup.require(tenantCode);
        return tx.write(tenantCode, () -> {
            Hall hall = halls.save(new Hall(tenantCode, level, true, details));
            halls.flush();
            publish(tenant, hall);
            return Hall.view(hall);
        });
    }

    /** The change record: the tenant's staff and its province's administrator, nobody else. */
    public Page<HallChangeView> changes(Caller caller, String tenantCode, Integer first, String after) {
        lookup.require(tenantCode);
        if (!caller.mayRead(tenantCode)) {
            throw ApiException.forbidden("无权查看 " + tenantCode + " 的服务大厅变更记录");
        }
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) throw ApiException.validation("first", "first 应在 1 到 " + MAX_PAGE + " 之间");
        Long afterSeq = after == null ? null : decodeCursor(after);
        return tx.read(tenantCode, () -> {
            List<HallChange> rows = afterSeq == null
                    ? changes.findAllByOrderBySeqDesc(Limit.of(size + 1))
                    : changes.findBySeqLessThanOrderBySeqDesc(afterSeq, Limit.of(size + 1));
            List<Page.Item<HallChangeView>> items = rows.stream().limit(size)
                    .map(c -> new Page.Item<>(encodeCursor(c.getSeq()), view(c))).toList();
            return new Page<>(items, rows.size() > size, changes.count());
        });
    }

    private HallChangeView view(HallChange c) {
        return new HallChangeView(String.valueOf(c.getSeq()), c.getHallId(), c.getChangedAt(), c.getChangedBy(),
                c.getChangedByName(), List.of(c.getChangedFields().split(",")),
                json.readValue(c.getBeforeState(), HallState.class), json.readValue(c.getAfterState(), HallState.class));
    }

    private void publish(Tenant tenant, Hall hall) {
        HallDetails d = hall.details();
        String regionName = regions.findById(hall.getRegionCode()).map(Region::getName).orElse(tenant.getName());
        HallDocument doc = new HallDocument(hall.getId(), tenant.getCode(), tenant.getName(), hall.getRegionCode(),
                RegionCodes.path(hall.getRegionCode()), regionName, hall.getLevel(), hall.isMain(), d.name(),
                d.address(), d.phone(), d.openingHours().days(), hall.getVersion(), hall.getUpdatedAt());
        outbox.publish(HallDocument.EVENT_TYPE, tenant.getCode(), "hall", hall.getId().toString(), doc);
    }


    static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("hc:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("hc:")) throw new IllegalArgumentException();
            return Long.parseLong(s.substring(3));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION, "分页游标无效: " + cursor, "after", null);
        }
    }
}
