package cn.zwy.tenant.catalog.onething;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.PackageGuidance;
import cn.zwy.tenant.api.catalog.LifeEvent;
import cn.zwy.tenant.api.catalog.PackageInput;
import cn.zwy.tenant.api.catalog.PackageViews;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.api.catalog.RegionPackageInput;
import cn.zwy.tenant.api.catalog.ReviewMode;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.tenant.catalog.standard.StandardCatalogService;
import cn.zwy.tenant.catalog.NoticePeriod;
import cn.zwy.tenant.catalog.ScopedId;
import cn.zwy.tenant.catalog.Texts;
import cn.zwy.tenant.catalog.guide.GuideRouting;
import cn.zwy.tenant.catalog.guide.GuideService;
import cn.zwy.tenant.region.RegionCodes;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * "One thing" packages (G3): a tenant's centre administrator bundles published guides of its
 * departments into one life or business event; everyone reads them, browsed by life event, with the
 * merged form derived from the guides in effect today. Each definition is a new version (history is
 * never changed) and goes out as catalog.package.published, for case-service (filing) and
 * search-service (packages in guide search).
 */
@Service
public class PackageService {

    public static final String EVENT_PUBLISHED = "catalog.package.published";
    public static final String EVENT_WITHDRAWN = "catalog.package.withdrawn";
    static final int MIN_ITEMS = 2;
    static final int MAX_ITEMS = 10;
    private static final Logger log = LoggerFactory.getLogger(PackageService.class);

    private final JdbcTemplate jdbc;
    private final TenantTransactions tx;
    private final TenantLookup lookup;
    private final GuideService guides;
    private final NoticePeriod notice;
    private final OutboxPublisher outbox;
    private final JsonMapper json;
    private final GuideRouting routing;
    private final StandardCatalogService standard;

    public PackageService(JdbcTemplate jdbc, TenantTransactions tx, TenantLookup lookup, GuideService guides, NoticePeriod notice,
                          OutboxPublisher outbox, JsonMapper json, GuideRouting routing, StandardCatalogService standard) {
        this.routing = routing;
        this.standard = standard;
        this.jdbc = jdbc;
        this.tx = tx;
        this.lookup = lookup;
        this.guides = guides;
        this.notice = notice;
        this.outbox = outbox;
        this.json = json;
    }

    /** A stored package version. */
    record Row(UUID id, int version, String name, LifeEvent lifeEvent, String description, ReviewMode reviewMode, List<UUID> items) {}

    // ------------------------------------------------------------------ reads (public)

    /** The tenant's packages (newest version of each) whose items are all offered today, by life event and name. */
    public List<PackageViews.Package> packages(String tenantCode, LifeEvent lifeEvent) {
        Tenant tenant = lookup.require(tenantCode);
        LocalDate today = notice.today();
        // ADR 0032: the packages its province and city defined, offered where the county publishes every part
        List<RegionRow> regional = regional(tenantCode).stream().filter(r -> lifeEvent == null || r.lifeEvent() == lifeEvent).toList();
        return tx.read(tenantCode, () -> {
            List<PackageViews.Package> out = new ArrayList<>();
            for (Row r : newest(lifeEvent)) view(tenant, r, today).ifPresent(out::add);
            for (RegionRow r : regional) resolve(r).flatMap(x -> view(tenant, x, today)).ifPresent(out::add);
            return out;
        });
    }

    public PackageViews.Package servicePackage(String tenantCode, UUID id) {
        Tenant tenant = lookup.require(tenantCode);
        LocalDate today = notice.today();
        Optional<RegionRow> regional = regional(tenantCode).stream().filter(r -> r.id().equals(id)).findFirst();
        return tx.read(tenantCode, () -> newest(id).or(() -> regional.flatMap(this::resolve)).flatMap(r -> view(tenant, r, today)))
                .orElseThrow(() -> ApiException.notFound("id", "未找到“一件事”套餐: " + new ScopedId(tenantCode, id)));
    }

    /**
     * G2 + G3: one guidance walk for the whole package on the versions in effect today — each shared question asked
     * once, only the questions on each item's path; once complete, the tailored materials of the package.
     */
    public PackageViews.GuidanceView guidance(String tenantCode, UUID id, List<String> answers) {
        List<Guidance.Answer> given = GuideService.answers(answers);
        Tenant tenant = lookup.require(tenantCode);
        LocalDate today = notice.today();
        Optional<RegionRow> regional = regional(tenantCode).stream().filter(r -> r.id().equals(id)).findFirst();
        return tx.read(tenantCode, () -> {
            Row row = newest(id).or(() -> regional.flatMap(this::resolve)).orElseThrow(() -> ApiException.notFound("packageId", "未找到“一件事”套餐: " + new ScopedId(tenantCode, id)));
            List<GuideViews.Version> versions = new ArrayList<>();
            for (UUID item : row.items()) {
                versions.add(guides.offeredWithinTx(tenantCode, item, today).orElseThrow(() -> ApiException.notFound("packageId",
                        "套餐“" + row.name() + "”中有事项今天不再办理，暂不能办理该套餐")));
            }
            PackageGuidance.Result r = PackageGuidance.evaluate(versions.stream()
                    .map(v -> new PackageGuidance.Part(v.itemId(), v.standard().name(), v.guide().questionnaire())).toList(), given);
            List<PackageViews.PartGuidance> parts = new ArrayList<>();
            List<PackageViews.Skipped> skipped = new ArrayList<>();
            Map<String, List<GuideContent.Material>> needed = new LinkedHashMap<>();
            List<String> filed = new ArrayList<>();
            List<List<FormField>> fields = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                GuideViews.Version v = versions.get(i);
                PackageGuidance.PartResult p = r.parts().get(i);
                GuideViews.GuidanceOutcome outcome = p.result() == null || !p.result().complete() ? null
                        : GuideService.outcome(p.result().outcome(), v.guide());
                // G1: where to go for each part that applies, once its questions are answered
                GuideViews.Route route = !p.complete() || !p.applies() ? null
                        : routing.route(v.guide(), outcome == null ? null : outcome.channel(), outcome == null ? null : outcome.window());
                if (outcome != null && route != null) outcome = outcome.withRoute(route);
                parts.add(new PackageViews.PartGuidance(v.itemId(), v.standard().name(), p.result() != null, p.complete(), outcome,
                        p.applies(), route));
                if (!p.applies()) {
                    // G2: an item that does not apply in this situation is not filed: it asks no field and no material
                    skipped.add(new PackageViews.Skipped(v.itemId(), v.standard().name(), p.result().outcome().skipReason()));
                    continue;
                }
                needed.put(v.standard().name(), outcome != null ? outcome.materials()
                        : v.guide().materials() == null ? List.of() : v.guide().materials());
                filed.add(v.standard().name());
                fields.add(v.guide().formFields());
            }
            return new PackageViews.GuidanceView(new ScopedId(tenantCode, id).toString(), row.name(), r.answered(), r.next(),
                    r.complete(), parts, r.complete() ? PackageForm.merge(needed) : null,
                    r.complete() ? PackageForm.fields(filed, fields) : null, skipped);
        });
    }

    // ------------------------------------------------------------------ definition (the centre administrator)

    /**
     * What a county's and a region's package definitions check alike (G3): the name, description and life event, 2–N
     * parts, and an id (when the definition is a new version) of the owner's own. Returns the package's id.
     */
    private static UUID checkDefinition(String owner, String ownerWord, String givenId, String name, String description,
                                        LifeEvent lifeEvent, String partsField, List<String> parts) {
        List<Problem> p = new ArrayList<>();
        Texts.name(p, "name", name, 100, "套餐名称");
        if (name == null || name.isBlank()) p.add(Problem.format("name", "套餐名称不能为空"));
        Texts.text(p, "description", description, 1000, "套餐说明");
        if (lifeEvent == null) p.add(Problem.format("lifeEvent", "请选择所属的人生事件（出生、入学、就业、结婚、开办企业、退休、身后事）"));
        if (parts.size() < MIN_ITEMS || parts.size() > MAX_ITEMS) {
            p.add(Problem.rule("G3", partsField, "“一件事”套餐应由 " + MIN_ITEMS + " 到 " + MAX_ITEMS + " 个事项组成"));
        }
        if (!p.isEmpty()) throw p.getFirst().toException();
        if (givenId == null) return UUID.randomUUID();
        ScopedId scoped = ScopedId.parse("id", givenId);
        if (!scoped.tenantCode().equals(owner)) throw ApiException.validation("id", "套餐编号不属于本" + ownerWord + ": " + givenId);
        return scoped.id();
    }

    public PackageViews.Package define(Caller caller, String tenantCode, PackageInput in) {
        Tenant tenant = lookup.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以定义“一件事”套餐");
        }
        TenantLookup.requireActive(tenant);
        if (in == null) throw ApiException.validation("input", "缺少套餐内容");
        List<String> ids = in.itemIds() == null ? List.of() : in.itemIds();
        UUID id = checkDefinition(tenantCode, "中心", in.id(), in.name(), in.description(), in.lifeEvent(), "itemIds", ids);
        List<UUID> items = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            ScopedId s = ScopedId.parse("itemIds[" + i + "]", ids.get(i));
            if (!s.tenantCode().equals(tenantCode)) {
                throw Problem.rule("G3", "itemIds[" + i + "]", "套餐只能包含本中心（" + tenantCode + "）发布的事项: " + ids.get(i)).toException();
            }
            if (!seen.add(s.id())) throw Problem.rule("G3", "itemIds[" + i + "]", "同一事项只能列一次: " + ids.get(i)).toException();
            items.add(s.id());
        }
        ReviewMode mode = in.reviewMode() == null ? ReviewMode.PER_ITEM : in.reviewMode();
        String name = in.name().strip();
        LocalDate today = notice.today();
        PackageViews.Package defined = tx.write(tenantCode, () -> {
            // one definition at a time per tenant: the name check and the next version number hold
            jdbc.queryForObject("select code from tenant where code = ? for update", String.class, tenantCode);
            for (int i = 0; i < items.size(); i++) {
                if (guides.offeredWithinTx(tenantCode, items.get(i), today).isEmpty()) {
                    throw Problem.rule("G3", "itemIds[" + i + "]", "该事项今天没有在办的已发布指南，不能放入套餐: "
                            + new ScopedId(tenantCode, items.get(i))).toException();
                }
            }
            Optional<Row> current = newest(id);
            if (in.id() != null && current.isEmpty()) throw ApiException.notFound("id", "未找到“一件事”套餐: " + in.id());
            boolean taken = newest((LifeEvent) null).stream().anyMatch(r -> !r.id().equals(id) && r.name().equals(name));
            if (taken) throw ApiException.conflict("name", "本中心已有同名的“一件事”套餐: " + name);
            int version = current.map(r -> r.version() + 1).orElse(1);
            jdbc.update("""
                    insert into service_package (id, version, tenant_id, name, life_event, description, review_mode, items, defined_by, defined_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, version, tenantCode, name, in.lifeEvent().name(),
                    in.description() == null ? null : in.description().strip(), mode.name(), json.writeValueAsString(items),
                    caller.username(), Timestamp.from(Instant.now()));
            Row row = new Row(id, version, name, in.lifeEvent(), in.description(), mode, items);
            PackageViews.Package view = view(tenant, row, today).orElseThrow();
            publish(tenant, row, view);
            record(tenantCode, id, version, true);
            return view;
        });
        log.info("package {} v{} of {} defined by {}", defined.id(), defined.version(), tenantCode, caller.username());
        return defined;
    }

    /**
     * Demo data only: defines a package of the tenant's demo items by their names unless one of that name
     * exists; skipped when an item is not offered there.
     */
    public void loadDemo(String tenantCode, String name, LifeEvent event, String description, ReviewMode mode, List<String> itemNames) {
        Tenant tenant = lookup.require(tenantCode);
        LocalDate today = notice.today();
        tx.write(tenantCode, () -> {
            if (newest((LifeEvent) null).stream().anyMatch(r -> r.name().equals(name))) return null;
            List<UUID> items = new ArrayList<>();
            for (String itemName : itemNames) {
                List<UUID> found = jdbc.queryForList("""
                        select g.id from guide g join guide_version v on v.guide_id = g.id
                         where v.name = ? and v.status = 'PUBLISHED' group by g.id order by g.id limit 1""", UUID.class, itemName);
                if (found.isEmpty() || guides.offeredWithinTx(tenantCode, found.getFirst(), today).isEmpty()) return null;
                items.add(found.getFirst());
            }
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    insert into service_package (id, version, tenant_id, name, life_event, description, review_mode, items, defined_by, defined_at)
                    values (?, 1, ?, ?, ?, ?, ?, ?, 'demo', ?)""", id, tenantCode, name, event.name(), description, mode.name(),
                    json.writeValueAsString(items), Timestamp.from(Instant.now()));
            Row row = new Row(id, 1, name, event, description, mode, items);
            publish(tenant, row, view(tenant, row, today).orElseThrow());
            record(tenantCode, id, 1, true);
            return null;
        });
    }

    // ------------------------------------------------------------------ packages of a province or a city (ADR 0032)

    /** A version of a region's package: its parts are standard items, each county maps them to its own guides. */
    record RegionRow(UUID id, int version, String regionCode, String name, LifeEvent lifeEvent, String description,
                     ReviewMode reviewMode, List<UUID> standardItems) {}

    /**
     * A province's (2 digits) or a city's (4 digits) administrator defines a package of the province's standard items
     * for its counties (S7: the province publishes a standard catalog that counties adopt). Every definition is a new
     * version; each county under the region that publishes a guide of every part today offers it as its own package
     * ({@code <county>:<id>}), announced to case-service and search as the county's (catalog.package.published).
     */
    public PackageViews.RegionPackage defineRegion(Caller caller, String regionCode, RegionPackageInput in) {
        // who first (a county code has no such administrator): a refusal never depends on the input's shape
        if (regionCode == null || !regionCode.matches("\\d{2}|\\d{4}")
                || caller.supervisedRegion().filter(regionCode::startsWith).isEmpty()) {
            throw ApiException.forbidden("只有省级或市级管理员可以为本地区的县（市、区）定义“一件事”套餐: " + regionCode);
        }
        if (in == null) throw ApiException.validation("input", "缺少套餐内容");
        List<String> ids = in.standardItemIds() == null ? List.of() : in.standardItemIds();
        UUID id = checkDefinition(regionCode, "地区", in.id(), in.name(), in.description(), in.lifeEvent(), "standardItemIds", ids);
        LocalDate today = notice.today();
        List<UUID> items = new ArrayList<>();
        List<PackageViews.StandardPart> named = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String f = "standardItemIds[" + i + "]";
            String raw = ids.get(i) == null ? "" : ids.get(i).strip();
            UUID std;
            try {
                std = UUID.fromString(raw.substring(raw.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation(f, "标准目录事项编号格式不正确: " + raw);
            }
            if (items.contains(std)) throw Problem.rule("G3", f, "同一事项只能列一次: " + raw).toException();
            StandardItemView v = tx.platform(() -> standard.inEffectWithinTx(std, today)).filter(x -> !x.cancelled())
                    .filter(x -> x.provinceCode().equals(regionCode.substring(0, 2)))
                    .orElseThrow(() -> Problem.rule("G3", f, "套餐只能包含本省标准目录中今天在用的事项: " + raw).toException());
            items.add(std);
            named.add(new PackageViews.StandardPart(std.toString(), v.name()));
        }
        ReviewMode mode = in.reviewMode() == null ? ReviewMode.PER_ITEM : in.reviewMode();
        String name = in.name().strip();
        RegionRow row = tx.write(regionCode, () -> {
            // one definition at a time per region: the name check and the next version number hold
            jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "region_package:" + regionCode);
            List<RegionRow> current = regionNewest();
            Optional<RegionRow> before = current.stream().filter(r -> r.id().equals(id)).findFirst();
            if (in.id() != null && before.isEmpty()) throw ApiException.notFound("id", "未找到“一件事”套餐: " + in.id());
            if (current.stream().anyMatch(r -> !r.id().equals(id) && r.name().equals(name))) {
                throw ApiException.conflict("name", "本地区已有同名的“一件事”套餐: " + name);
            }
            int version = before.map(r -> r.version() + 1).orElse(1);
            jdbc.update("""
                    insert into region_package (id, version, tenant_id, name, life_event, description, review_mode, standard_items,
                        defined_by, defined_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, version, regionCode, name,
                    in.lifeEvent().name(), in.description() == null ? null : in.description().strip(), mode.name(),
                    json.writeValueAsString(items), caller.username(), Timestamp.from(Instant.now()));
            return new RegionRow(id, version, regionCode, name, in.lifeEvent(), in.description(), mode, items);
        });
        // each county under the region offering every part today: its own package, announced as the county's
        List<String> counties = tx.platform(() -> jdbc.queryForList(
                "select code from tenant where code like ? and code <> ? order by code", String.class, regionCode + "%", regionCode));
        List<PackageViews.Package> offered = new ArrayList<>();
        for (String county : counties) {
            Tenant tenant = lookup.require(county);
            // a county that offered the version before and no longer offers this one (other parts) has it withdrawn
            tx.write(county, () -> {
                lockOffers(county);
                settle(tenant, row, offers(), today).ifPresent(offered::add);
                return null;
            });
        }
        log.info("region package {}:{} v{} defined by {}, offered in {}", regionCode, id, row.version(), caller.username(),
                offered.stream().map(PackageViews.Package::tenantCode).toList());
        return new PackageViews.RegionPackage(new ScopedId(regionCode, id).toString(), regionCode, row.version(), name, row.lifeEvent(),
                row.description(), mode, named, offered);
    }

    // ------------------------------------------------------------------ what a tenant offers follows its guides (ADR 0035)

    /** What the tenant last announced of a package: offered as {@code version}, or withdrawn. */
    record Offer(int version, boolean offered) {}

    /**
     * Re-computes what the tenant offers today of its own packages and those its province and city define for it, and
     * announces the difference to what it announced last: catalog.package.published for each that became offered (or is
     * offered as a newer version), catalog.package.withdrawn for each that stopped being offered. Idempotent: nothing
     * changed, nothing announced. Called by the timer of a guide announcement's effective day ({@link PackageOffers}).
     */
    public void reannounce(String tenantCode) {
        Tenant tenant = lookup.require(tenantCode);
        LocalDate today = notice.today();
        List<RegionRow> regional = regional(tenantCode);
        tx.write(tenantCode, () -> {
            lockOffers(tenantCode);
            Map<UUID, Offer> announced = offers();
            for (Row r : newest((LifeEvent) null)) settle(tenant, r.id(), r.version(), r.name(), Optional.of(r), announced.get(r.id()), today);
            for (RegionRow r : regional) settle(tenant, r, announced, today);
            return null;
        });
    }

    /** A region's package in the county (inside its write transaction): announced as offered or withdrawn where that changed. */
    private Optional<PackageViews.Package> settle(Tenant tenant, RegionRow r, Map<UUID, Offer> announced, LocalDate today) {
        return settle(tenant, r.id(), r.version(), r.name(), resolve(r), announced.get(r.id()), today);
    }

    /**
     * One package in the tenant (inside its write transaction): offered today when every part is; announced published
     * when it was not announced as offered in this version, withdrawn when it was announced as offered and no longer is.
     * A package announced before what was announced was kept (no row): it counts as announced where it was offered the
     * day before. Returns the package as offered today.
     */
    private Optional<PackageViews.Package> settle(Tenant tenant, UUID id, int version, String name, Optional<Row> resolved,
                                                  Offer before, LocalDate today) {
        Optional<PackageViews.Package> now = resolved.flatMap(r -> view(tenant, r, today));
        boolean wasOffered = before != null ? before.offered()
                : resolved.flatMap(r -> view(tenant, r, today.minusDays(1))).isPresent();
        String tenantCode = tenant.getCode();
        if (now.isPresent() && (before == null || !before.offered() || before.version() != version)) {
            publish(tenant, resolved.orElseThrow(), now.get());
            log.info("package {} v{} offered in {}", name, version, tenantCode);
        } else if (now.isEmpty() && wasOffered) {
            outbox.publish(EVENT_WITHDRAWN, tenantCode, "package", id.toString(), new PackageViews.Withdrawn(
                    new ScopedId(tenantCode, id).toString(), tenantCode, version, name, "套餐中有事项今天不再在本中心办理"));
            log.info("package {} v{} no longer offered in {}", name, version, tenantCode);
        }
        if (before == null || before.offered() != now.isPresent() || before.version() != version) {
            record(tenantCode, id, version, now.isPresent());
        }
        return now;
    }

    /** One re-computation or definition at a time per tenant: what was announced last holds while it is compared. */
    private void lockOffers(String tenantCode) {
        jdbc.queryForObject("select code from tenant where code = ? for update", String.class, tenantCode);
    }

    private Map<UUID, Offer> offers() {
        Map<UUID, Offer> out = new java.util.HashMap<>();
        jdbc.query("select package_id, version, offered from package_offer", rs -> {
            out.put(rs.getObject(1, UUID.class), new Offer(rs.getInt(2), rs.getBoolean(3)));
        });
        return out;
    }

    private void record(String tenantCode, UUID id, int version, boolean offered) {
        jdbc.update("""
                insert into package_offer (tenant_id, package_id, version, offered) values (?, ?, ?, ?)
                on conflict (tenant_id, package_id) do update set version = excluded.version, offered = excluded.offered, changed_at = now()""",
                tenantCode, id, version, offered);
    }

    /** The newest version of each package of the tenant's province and city (each read in its own transaction). */
    private List<RegionRow> regional(String tenantCode) {
        List<RegionRow> out = new ArrayList<>();
        for (int digits : new int[] {2, 4}) {
            if (tenantCode.length() > digits) out.addAll(tx.read(tenantCode.substring(0, digits), this::regionNewest));
        }
        return out;
    }

    /** Inside a transaction bound to the region. */
    private List<RegionRow> regionNewest() {
        return jdbc.query("select distinct on (id) * from region_package order by id, version desc", (rs, i) -> new RegionRow(
                rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("tenant_id"), rs.getString("name"),
                LifeEvent.valueOf(rs.getString("life_event")), rs.getString("description"), ReviewMode.valueOf(rs.getString("review_mode")),
                json.readValue(rs.getString("standard_items"), new TypeReference<List<UUID>>() {}))).stream()
                .sorted(java.util.Comparator.comparing(RegionRow::lifeEvent).thenComparing(RegionRow::name)).toList();
    }

    /** A region's package as the county's (inside its transaction): its parts mapped to the county's guides, if all adopted. */
    private Optional<Row> resolve(RegionRow r) {
        List<UUID> items = new ArrayList<>();
        for (UUID std : r.standardItems()) {
            Optional<UUID> guide = guides.guideOfStandardWithinTx(std);
            if (guide.isEmpty()) return Optional.empty();
            items.add(guide.get());
        }
        return Optional.of(new Row(r.id(), r.version(), r.name(), r.lifeEvent(), r.description(), r.reviewMode(), items));
    }

    /** catalog.package.published for the tenant's package as offered (inside its write transaction). */
    private void publish(Tenant tenant, Row row, PackageViews.Package view) {
        String tenantCode = tenant.getCode();
        outbox.publish(EVENT_PUBLISHED, tenantCode, "package", row.id().toString(), new PackageViews.Event(view.id(), tenantCode,
                tenant.getName(), RegionCodes.path(tenantCode), row.version(), row.name(), row.lifeEvent(), row.lifeEvent().label(),
                view.description(), row.reviewMode(), view.items(), view.form().materials()));
    }

    // ------------------------------------------------------------------ helpers (inside a transaction bound to the tenant)

    private List<Row> newest(LifeEvent lifeEvent) {
        return jdbc.query("""
                select distinct on (id) * from service_package
                 where (?::text is null or life_event = ?::text)
                 order by id, version desc""", (rs, i) -> row(rs), lifeEvent == null ? null : lifeEvent.name(),
                lifeEvent == null ? null : lifeEvent.name()).stream().filter(r -> r != null)
                .sorted(java.util.Comparator.comparing(Row::lifeEvent).thenComparing(Row::name)).toList();
    }

    private Optional<Row> newest(UUID id) {
        return jdbc.query("select * from service_package where id = ? order by version desc limit 1", (rs, i) -> row(rs), id)
                .stream().findFirst();
    }

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getString("name"), LifeEvent.valueOf(rs.getString("life_event")),
                rs.getString("description"), ReviewMode.valueOf(rs.getString("review_mode")),
                json.readValue(rs.getString("items"), new TypeReference<List<UUID>>() {}));
    }

    /** The package as offered today: empty when one of its items is not offered (withdrawn or not yet in effect). */
    private Optional<PackageViews.Package> view(Tenant tenant, Row r, LocalDate today) {
        String tenantCode = tenant.getCode();
        List<GuideViews.Version> versions = new ArrayList<>();
        for (UUID item : r.items()) {
            Optional<GuideViews.Version> v = guides.offeredWithinTx(tenantCode, item, today);
            if (v.isEmpty()) return Optional.empty();
            versions.add(v.get());
        }
        List<PackageViews.Part> parts = versions.stream().map(v -> new PackageViews.Part(v.itemId(), v.id(), v.standard().name(),
                v.guide().implementingAgency(), v.guide().promisedLimit(), v.guide().caseClass(), v.guide().questionnaire() != null)).toList();
        return Optional.of(new PackageViews.Package(new ScopedId(tenantCode, r.id()).toString(), tenantCode, tenant.getName(), r.version(),
                r.name(), r.lifeEvent(), r.lifeEvent().label(), r.description(), r.reviewMode(), parts, PackageForm.of(versions)));
    }
}
