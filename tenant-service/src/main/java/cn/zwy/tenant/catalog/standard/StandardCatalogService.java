package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.api.catalog.StandardItemInput;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.tenant.api.catalog.StandardItemAnnounced;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.catalog.CatalogCodes;
import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.catalog.Cursors;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.catalog.NoticePeriod;
import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.catalog.Texts;
import cn.zwy.tenant.api.region.RegionLevel;
import cn.zwy.tenant.region.RegionRepository;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provinces' standard catalogs (S1, S7): readable by anyone, changed by the province's
 * administrator through announced versions (S6). Platform data: transactions are bound to the
 * platform, not to a tenant.
 */
@Service
public class StandardCatalogService {

    public static final String EVENT_CHANGED = "catalog.standard.changed";
    private static final Logger log = LoggerFactory.getLogger(StandardCatalogService.class);

    private final StandardItemRepository items;
    private final StandardItemVersionRepository versions;
    private final RegionRepository regions;
    private final TenantTransactions tx;
    private final NoticePeriod notice;
    private final OutboxPublisher outbox;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public StandardCatalogService(StandardItemRepository items, StandardItemVersionRepository versions,
                                  RegionRepository regions, TenantTransactions tx, NoticePeriod notice,
                                  OutboxPublisher outbox, JdbcTemplate jdbc, JsonMapper json) {
        this.items = items;
        this.versions = versions;
        this.regions = regions;
        this.tx = tx;
        this.notice = notice;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
    }

    // ------------------------------------------------------------------ reads (public)

    /** Items of a province in effect today (cancelled ones left out), in basic-code order. */
    public Page<StandardItemView> list(String provinceCode, String text, ItemType type, Integer first, String after) {
        requireProvince(provinceCode);
        int size = Cursors.pageSize(first);
        Cursors.Key key = Cursors.decode("si", after);
        LocalDate today = notice.today();
        StringBuilder sql = new StringBuilder("""
                select i.id, v.id as version_id from standard_item i
                cross join lateral (select * from standard_item_version v where v.item_id = i.id and v.effective_from <= ?
                                    order by v.effective_from desc, v.number desc limit 1) v
                where i.province_code = ? and v.kind <> 'CANCEL'""");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today), provinceCode));
        if (key != null) { sql.append(" and (i.basic_code, i.id) > (?, ?)"); args.add(key.sortKey()); args.add(key.id()); }
        if (text != null && !text.isBlank()) {
            sql.append(" and (v.name like ? or i.basic_code like ?)");
            args.add("%" + like(text.strip()) + "%");
            args.add(like(text.strip()) + "%");
        }
        if (type != null) { sql.append(" and i.item_type = ?"); args.add(type.name()); }
        sql.append(" order by i.basic_code, i.id limit ?");
        args.add(size + 1);
        return tx.platform(() -> {
            List<UUID[]> rows = jdbc.query(sql.toString(), (rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, args.toArray());
            List<Page.Item<StandardItemView>> out = new ArrayList<>();
            for (UUID[] r : rows.subList(0, Math.min(size, rows.size()))) {
                StandardItem i = items.findById(r[0]).orElseThrow();
                StandardItemView v = view(i, versions.findById(r[1]).orElseThrow(), today);
                out.add(new Page.Item<>(Cursors.encode("si", i.getBasicCode(), i.getId()), v));
            }
            return new Page<>(out, rows.size() > size, null);
        });
    }

    /** The item as in effect today; an item announced but not yet in effect shows its scheduled version. */
    public StandardItemView get(UUID id) {
        LocalDate today = notice.today();
        return tx.platform(() -> {
            StandardItem i = items.findById(id).orElseThrow(() -> ApiException.notFound("id", "未找到标准目录事项: " + id));
            StandardItemVersion v = versions.inEffect(id, today)
                    .or(() -> versions.findFirstByItemIdOrderByNumberDesc(id)).orElseThrow();
            return view(i, v, today);
        });
    }

    /** Every announced version, newest first. */
    public Page<StandardItemView> versions(UUID id, Integer first, String after) {
        int size = Cursors.pageSize(first);
        Integer before = Cursors.decodeNumber("sv", after);
        LocalDate today = notice.today();
        return tx.platform(() -> {
            StandardItem i = items.findById(id).orElseThrow(() -> ApiException.notFound("id", "未找到标准目录事项: " + id));
            List<StandardItemVersion> rows = before == null
                    ? versions.findByItemIdOrderByNumberDesc(id, Limit.of(size + 1))
                    : versions.findByItemIdAndNumberLessThanOrderByNumberDesc(id, before, Limit.of(size + 1));
            Optional<StandardItemVersion> current = versions.inEffect(id, today);
            List<Page.Item<StandardItemView>> out = rows.stream().limit(size)
                    .map(v -> new Page.Item<>(Cursors.encodeNumber("sv", v.getNumber()), view(i, v, current, today))).toList();
            return new Page<>(out, rows.size() > size, null);
        });
    }

    /**
     * For adoption and publishing, inside the caller's (tenant) transaction — the standard tables
     * carry no tenant rows, so any binding reads them: the version in effect on a day.
     */
    public Optional<StandardItemView> inEffectWithinTx(UUID id, LocalDate day) {
        return items.findById(id).flatMap(i -> versions.inEffect(id, day).map(v -> view(i, v, notice.today())));
    }

    /** Like {@link #inEffectWithinTx}, falling back to the latest announced version (an item announced but not yet in effect). */
    public Optional<StandardItemView> asOfWithinTx(UUID id, LocalDate day) {
        return items.findById(id).flatMap(i -> versions.inEffect(id, day)
                .or(() -> versions.findFirstByItemIdOrderByNumberDesc(id)).map(v -> view(i, v, notice.today())));
    }

    /**
     * Inside the caller's transaction: the legal limit of every announced version of each item
     * (S5 over time, see {@code PromisedLimitConflicts}), in version order.
     */
    public Map<UUID, List<LegalLimit>> legalLimitsWithinTx(Collection<UUID> itemIds) {
        Map<UUID, List<LegalLimit>> out = new HashMap<>();
        if (itemIds.isEmpty()) return out;
        for (StandardItemVersion v : versions.findByItemIdInOrderByNumber(itemIds)) {
            out.computeIfAbsent(v.getItemId(), k -> new ArrayList<>()).add(new LegalLimit(v.getId(), v.getNumber(),
                    v.getEffectiveFrom(), read(v).legalLimit(), v.getKind() == ChangeKind.CANCEL));
        }
        return out;
    }

    // ------------------------------------------------------------------ changes (the province's administrator)

    public StandardItemAnnounced add(Caller caller, String provinceCode, StandardItemInput in) {
        requireAdmin(caller, provinceCode);
        boolean urgent = Boolean.TRUE.equals(in.urgent());
        ItemType type = in.itemType();
        List<Problem> problems = new ArrayList<>();
        if (type == null) problems.add(Problem.format("itemType", "必须指定事项类型"));
        addIfPresent(problems, CatalogCodes.checkMain("mainCode", in.mainCode()));
        addIfPresent(problems, CatalogCodes.checkSub("subCode", in.subCode()));
        addIfPresent(problems, CatalogCodes.checkGrand("grandCode", in.grandCode()));
        problems.addAll(StandardItemContent.of(in).problems(in.subCode(), in.grandCode()));
        checkReason(problems, in.reason());
        if (!problems.isEmpty()) throw problems.getFirst().toException();
        StandardItemContent content = StandardItemContent.of(in).normalised();
        NoticePeriod.Decision when = notice.decideForProvince(provinceCode, in.effectiveFrom(), urgent, null);
        return tx.platform(() -> {
            String basic = CatalogCodes.basicCode(type, in.mainCode(), in.subCode(), in.grandCode());
            if (items.existsByProvinceCodeAndBasicCode(provinceCode, basic)) {
                throw ApiException.conflict("mainCode", "本省标准目录已有基本编码为 " + basic + " 的事项");
            }
            StandardItem item = items.saveAndFlush(new StandardItem(provinceCode, type, in.mainCode(), in.subCode(), in.grandCode()));
            return append(item, 1, ChangeKind.ADD, in.reason().strip(), urgent, when, caller.username(), content);
        });
    }

    public StandardItemAnnounced change(Caller caller, UUID id, StandardItemInput in) {
        StandardItem found = tx.platform(() -> items.findById(id))
                .orElseThrow(() -> ApiException.notFound("id", "未找到标准目录事项: " + id));
        requireAdmin(caller, found.getProvinceCode());
        ChangeKind kind = in.kind();
        if (kind == null || kind == ChangeKind.ADD) {
            throw ApiException.validation("kind", "变更类型应为 CHANGE（变更）、DELEGATE（下放）或 CANCEL（取消）");
        }
        if (in.itemType() != null || in.mainCode() != null || in.subCode() != null || in.grandCode() != null) {
            throw ApiException.validation("itemType", "事项类型和编码不能变更；编码不同即为另一事项，请新增事项并取消本事项");
        }
        List<Problem> problems = new ArrayList<>();
        if (kind != ChangeKind.CANCEL) problems.addAll(StandardItemContent.of(in).problems(found.getSubCode(), found.getGrandCode()));
        checkReason(problems, in.reason());
        if (!problems.isEmpty()) throw problems.getFirst().toException();
        boolean urgent = Boolean.TRUE.equals(in.urgent());
        // the notice is counted outside the write transaction (each tenant's calendar under its own binding)
        StandardItemVersion seen = tx.platform(() -> versions.findFirstByItemIdOrderByNumberDesc(id)).orElseThrow();
        NoticePeriod.Decision when = notice.decideForProvince(found.getProvinceCode(), in.effectiveFrom(), urgent, seen.getEffectiveFrom());
        return tx.platform(() -> {
            StandardItem item = items.lock(id).orElseThrow();
            StandardItemVersion latest = versions.findFirstByItemIdOrderByNumberDesc(id).orElseThrow();
            if (latest.getNumber() != seen.getNumber()) {
                throw ApiException.conflict("id", "该事项刚被他人变更（版本 " + latest.getNumber() + "），请刷新后重试");
            }
            if (latest.getKind() == ChangeKind.CANCEL) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "该事项已公告取消（" + latest.getEffectiveFrom() + " 起），不能再变更", "id", "S6");
            }
            StandardItemContent before = read(latest);
            StandardItemContent after = kind == ChangeKind.CANCEL ? before : StandardItemContent.of(in).normalised();
            if (kind == ChangeKind.CHANGE && after.equals(before)) {
                throw ApiException.validation("input", "内容与最新版本相同，没有需要公告的变更");
            }
            if (kind == ChangeKind.DELEGATE && after.lowestLevel().compareTo(before.lowestLevel()) <= 0) {
                throw Problem.rule("S6", "exerciseLevels", "下放须使最低行使层级降低（当前最低为" + before.lowestLevel().label()
                        + "，收到" + after.lowestLevel().label() + "）").toException();
            }
            return append(item, latest.getNumber() + 1, kind, in.reason().strip(), urgent, when, caller.username(), after);
        });
    }

    /**
     * Demo data only: an item that was added in the past (its S6 notice long over). Idempotent by
     * basic code; returns the item's id.
     */
    public UUID loadHistoric(String provinceCode, ItemType type, String main, String sub, String grand,
                             StandardItemContent content, LocalDate effectiveFrom, String reason) {
        return tx.platform(() -> items.findByProvinceCodeAndBasicCode(provinceCode, CatalogCodes.basicCode(type, main, sub, grand))
                .map(StandardItem::getId).orElseGet(() -> {
                    List<Problem> p = content.problems(sub, grand);
                    if (!p.isEmpty()) throw new IllegalArgumentException("demo item " + main + sub + ": " + p);
                    StandardItem item = items.saveAndFlush(new StandardItem(provinceCode, type, main, sub, grand));
                    Instant announced = effectiveFrom.minusDays(10).atStartOfDay(NoticePeriod.ZONE).toInstant();
                    append(item, 1, ChangeKind.ADD, reason, false,
                            new NoticePeriod.Decision(announced, effectiveFrom, effectiveFrom, List.of()), "demo", content.normalised());
                    return item.getId();
                }));
    }

    private StandardItemAnnounced append(StandardItem item, int number, ChangeKind kind, String reason, boolean urgent,
                             NoticePeriod.Decision when, String by, StandardItemContent content) {
        StandardItemVersion v = versions.saveAndFlush(new StandardItemVersion(item.getId(), number, kind, reason, urgent,
                when.announcedAt(), by, when.effectiveFrom(), content.displayName(), json.writeValueAsString(content)));
        StandardItemView view = view(item, v, notice.today());
        outbox.publish(EVENT_CHANGED, item.getProvinceCode(), "standard_item", item.getId().toString(), view);
        log.info("standard item {} {} v{} announced by {}, effective {}{}", item.getBasicCode(), kind, number, by,
                when.effectiveFrom(), urgent ? " (urgent)" : "");
        return new StandardItemAnnounced(view, when.warnings());
    }

    private StandardItemView view(StandardItem i, StandardItemVersion v, LocalDate today) {
        return view(i, v, versions.inEffect(i.getId(), today), today);
    }

    private StandardItemView view(StandardItem i, StandardItemVersion v, Optional<StandardItemVersion> current, LocalDate today) {
        String state = v.getEffectiveFrom().isAfter(today) ? "SCHEDULED"
                : current.map(c -> c.getId().equals(v.getId())).orElse(false) ? "CURRENT" : "SUPERSEDED";
        return StandardItemContent.view(i, v, read(v), state);
    }

    StandardItemContent read(StandardItemVersion v) {
        return json.readValue(v.getContent(), StandardItemContent.class);
    }

    private void requireAdmin(Caller caller, String provinceCode) {
        requireProvince(provinceCode);
        if (!caller.isProvincialAdmin() || !caller.tenant().orElse("").equals(provinceCode)) {
            throw ApiException.forbidden("只有本省（" + provinceCode + "）的省级管理员可以变更标准目录");
        }
    }

    private void requireProvince(String provinceCode) {
        if (!DivisionCodes.isProvince(provinceCode)) {
            throw ApiException.validation("provinceCode", "省级行政区划代码应为 2 位数字: " + provinceCode);
        }
        boolean known = tx.platform(() -> regions.findById(provinceCode).map(r -> r.getLevel() == RegionLevel.PROVINCE).orElse(false));
        if (!known) throw ApiException.notFound("provinceCode", "未知的省级行政区划代码: " + provinceCode);
    }

    static void checkReason(List<Problem> out, String reason) {
        if (reason == null || reason.isBlank()) {
            out.add(Problem.rule("S6", "reason", "事项的新增、取消、下放和变更必须说明理由"));
        } else {
            Texts.text(out, "reason", reason, 500, "理由");
        }
    }

    private static void addIfPresent(List<Problem> out, Problem p) {
        if (p != null) out.add(p);
    }

    static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
