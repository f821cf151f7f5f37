package cn.zwy.search.guide;

import cn.zwy.common.events.EventSignature;
import cn.zwy.search.StreamEvents;
import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.tenant.api.catalog.TimeLimit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Catalog events as tenant-service's GuideService publishes them (the payload is tenant-api's GuideViews.Event), signed. */
final class GuideEvents {

    private final StringRedisTemplate redis;
    private final EventSignature signature;
    private final JsonMapper json;
    private final String stream;

    GuideEvents(StringRedisTemplate redis, EventSignature signature, JsonMapper json, String stream) {
        this.redis = redis;
        this.signature = signature;
        this.json = json;
        this.stream = stream;
    }

    /** An item of a tenant; {@link #version} makes its versions. */
    record Item(String tenantCode, String tenantName, UUID id, String name, CrossRegionScope crossRegion) {
        String itemId() { return tenantCode + ":" + id; }
    }

    static Item item(String tenantCode, String tenantName, String name, CrossRegionScope crossRegion) {
        return new Item(tenantCode, tenantName, UUID.randomUUID(), name, crossRegion);
    }

    static GuideViews.Event version(Item item, int number, GuideStatus status, LocalDate effectiveFrom, String name,
                                    List<Audience> audience, List<SixWay> tags, String department, boolean online) {
        String tenant = item.tenantCode();
        List<String> path = new ArrayList<>();
        for (int len : new int[] {2, 4, 6, 9}) if (len <= tenant.length()) path.add(tenant.substring(0, len));
        StandardItemView std = new StandardItemView(UUID.nameUUIDFromBytes(item.id().toString().getBytes()), tenant.substring(0, 2),
                "0700001000", ItemType.CONFIRMATION, "00001", name, "000", null, null, null, name, List.of(),
                "《社会保险法》", new TimeLimit(20, LimitUnit.WORKING_DAY), null, null, false,
                new StandardItemView.Version(UUID.randomUUID(), 1, ChangeKind.ADD, "测试", false, Instant.parse("2025-01-01T00:00:00Z"),
                        LocalDate.parse("2025-01-01"), "CURRENT"));
        GuideContent g = new GuideContent(department, audience, "本县户籍居民，持有效居民身份证", List.of(
                new GuideContent.Material("居民身份证", null, 1, null, true, false, null, null, null, null)),
                null, null, List.of(new GuideContent.Step("受理", "窗口受理并审核材料")), new TimeLimit(5, LimitUnit.WORKING_DAY),
                CaseClass.PROMISED, List.of(), null, false, null, "0763-1234567", "0763-12345", List.of(), List.of(
                new GuideContent.Faq("社保卡丢了怎么办？", "先挂失再补领")), tags, false, online, false, item.crossRegion(), null);
        return new GuideViews.Event(tenant + ":" + UUID.randomUUID(), item.itemId(), tenant, item.tenantName(), path, number, status,
                number == 1 ? ChangeKind.ADD : ChangeKind.CHANGE, "测试", Instant.now(), effectiveFrom, "0700001000", name, std, g);
    }

    /** A version of a province's standard item as tenant-service's StandardCatalogService announces it. */
    static StandardItemView standard(UUID id, String provinceCode, String name, int number, LocalDate effectiveFrom, boolean cancelled) {
        return new StandardItemView(id, provinceCode, "0700001000", ItemType.CONFIRMATION, "00001", name, "000", null, null, null, name,
                List.of(), "《社会保险法》", new TimeLimit(20, LimitUnit.WORKING_DAY), null, null, cancelled,
                new StandardItemView.Version(UUID.randomUUID(), number, number == 1 ? ChangeKind.ADD : cancelled ? ChangeKind.CANCEL : ChangeKind.CHANGE,
                        "测试", false, Instant.now(), effectiveFrom, "CURRENT"));
    }

    /** A version of a guide adopting the standard item (its name is the standard item's, as GuideService publishes it). */
    static GuideViews.Event version(Item item, int number, LocalDate effectiveFrom, StandardItemView std) {
        GuideViews.Event e = version(item, number, effectiveFrom);
        return new GuideViews.Event(e.versionId(), e.itemId(), e.tenantCode(), e.tenantName(), e.regionPath(), e.number(), e.status(),
                e.changeKind(), e.reason(), e.announcedAt(), e.effectiveFrom(), e.basicCode(), std.name(), std, e.guide());
    }

    UUID publish(StandardItemView std) {
        return publish("catalog.standard.changed", std.provinceCode(), "standard_item", std.id().toString(), json.writeValueAsString(std));
    }

    static GuideViews.Event version(Item item, int number, LocalDate effectiveFrom) {
        return version(item, number, GuideStatus.PUBLISHED, effectiveFrom, item.name(), List.of(Audience.INDIVIDUAL),
                List.of(SixWay.IMMEDIATE), "县人力资源和社会保障局", false);
    }

    UUID publish(GuideViews.Event e) {
        String type = e.status() == GuideStatus.WITHDRAWN ? "catalog.guide.withdrawn" : "catalog.guide.published";
        return publish(type, e.tenantCode(), "guide", e.itemId(), json.writeValueAsString(e));
    }

    UUID publish(String type, String tenant, String aggregateType, String aggregateId, String payload) {
        return new StreamEvents(redis, signature, stream).publish(type, tenant, aggregateType, aggregateId, payload);
    }
}
