package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.catalog.NoticePeriod;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.catalog.ScopedId;
import cn.zwy.tenant.catalog.guide.PromisedLimitConflicts.Conflict;
import cn.zwy.tenant.catalog.guide.PromisedLimitConflicts.Promise;
import cn.zwy.tenant.catalog.standard.LegalLimit;
import cn.zwy.tenant.catalog.standard.StandardCatalogService;
import cn.zwy.tenant.tenant.TenantLookup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Guides that break S5 because the standard catalog changed its legal limit (issue 6). The flags
 * are derived from both version histories on every read instead of being stored: a stored flag
 * would have to be written into every tenant of the province from the province's (platform)
 * transaction, which row-level security rightly forbids, and it could go stale; a derived one
 * appears with the change and disappears with the fix. Reads: the item ({@code conflicts}), the
 * tenant's list of flagged items, and the count in the answer to the provincial administrator's
 * change. Publishing a draft that would break S5 under any legal limit in force while it is is
 * refused (see {@link GuideService#publish}).
 */
@Component
public class GuideConflicts {

    private final GuideRepository guides;
    private final GuideVersionRepository versions;
    private final StandardCatalogService standard;
    private final TenantTransactions tx;
    private final NoticePeriod notice;
    private final JdbcTemplate jdbc;
    private final TenantLookup lookup;

    public GuideConflicts(GuideRepository guides, GuideVersionRepository versions, StandardCatalogService standard,
                          TenantTransactions tx, NoticePeriod notice, JdbcTemplate jdbc, TenantLookup lookup) {
        this.guides = guides;
        this.versions = versions;
        this.standard = standard;
        this.tx = tx;
        this.notice = notice;
        this.jdbc = jdbc;
        this.lookup = lookup;
    }

    /** Inside the tenant's transaction: the conflicts of one guide from today on. */
    List<GuideViews.Conflict> of(String tenantCode, Guide g, LocalDate today) {
        List<LegalLimit> legal = standard.legalLimitsWithinTx(List.of(g.getStandardItemId())).getOrDefault(g.getStandardItemId(), List.of());
        return views(tenantCode, PromisedLimitConflicts.of(versions.liveVersions(g.getId(), today).stream().map(GuideConflicts::promise).toList(),
                legal, today), today);
    }

    /**
     * Inside the tenant's transaction: the first S5 conflict of a draft about to take effect on
     * {@code effectiveFrom} (for good: it will be the latest version), as the refusal to publish it.
     */
    ApiException refusal(Guide g, GuideContent draft, LocalDate effectiveFrom) {
        List<LegalLimit> legal = standard.legalLimitsWithinTx(List.of(g.getStandardItemId())).getOrDefault(g.getStandardItemId(), List.of());
        return PromisedLimitConflicts.against(new Promise(null, null, GuideStatus.DRAFT, null, draft.promisedLimit()),
                        effectiveFrom, null, legal).stream().findFirst()
                .map(c -> Problem.rule("S5", c.problem().field(), message(c)).toException()).orElse(null);
    }

    /**
     * Inside the tenant's transaction: the draft's conflicts from the earliest day it could take
     * effect, leaving out those with standard version {@code checkedAlready} (reported otherwise).
     */
    List<Problem> ofDraft(Guide g, GuideContent draft, LocalDate today, UUID checkedAlready) {
        LocalDate start = versions.findLatestAnnounced(g.getId()).map(GuideVersion::getEffectiveFrom)
                .filter(d -> d.isAfter(today)).orElse(today);
        List<LegalLimit> legal = standard.legalLimitsWithinTx(List.of(g.getStandardItemId())).getOrDefault(g.getStandardItemId(), List.of());
        return PromisedLimitConflicts.against(new Promise(null, null, GuideStatus.DRAFT, null, draft.promisedLimit()), start, null, legal)
                .stream().filter(c -> !c.legal().versionId().equals(checkedAlready))
                .map(c -> Problem.rule("S5", c.problem().field(), message(c))).toList();
    }

    /** The tenant's staff and its province's administrator: every item with a conflict, in basic-code order. */
    public List<GuideViews.Flagged> flagged(Caller caller, String tenantCode) {
        lookup.require(tenantCode);
        if (!caller.mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的办事指南");
        LocalDate today = notice.today();
        return tx.read(tenantCode, () -> {
            Map<UUID, List<GuideVersion>> live = versions.liveVersions(today).stream()
                    .collect(Collectors.groupingBy(GuideVersion::getGuideId));
            List<Guide> all = guides.findAll().stream().filter(g -> live.containsKey(g.getId()))
                    .sorted(Comparator.comparing(Guide::getBasicCode)).toList();
            Map<UUID, List<LegalLimit>> legal = standard.legalLimitsWithinTx(all.stream().map(Guide::getStandardItemId).distinct().toList());
            List<GuideViews.Flagged> out = new ArrayList<>();
            for (Guide g : all) {
                List<Conflict> found = PromisedLimitConflicts.of(live.get(g.getId()).stream().map(GuideConflicts::promise).toList(),
                        legal.getOrDefault(g.getStandardItemId(), List.of()), today);
                if (found.isEmpty()) continue;
                String name = live.get(g.getId()).getFirst().getName();
                out.add(new GuideViews.Flagged(new ScopedId(tenantCode, g.getId()).toString(), g.getBasicCode(), name,
                        views(tenantCode, found, today)));
            }
            return out;
        });
    }

    /**
     * After a change of a standard item: the tenants of the province whose guide of the item now
     * breaks S5. Each tenant is read under its own binding (row-level security), so this runs
     * outside any transaction; suspended tenants count too (their guides come back with them).
     */
    public List<String> flaggedTenants(String provinceCode, UUID standardItemId) {
        LocalDate today = notice.today();
        List<String> tenants = tx.platform(() -> jdbc.queryForList(
                "select code from tenant where code like ? order by code", String.class, provinceCode + "%"));
        List<String> out = new ArrayList<>();
        for (String tenant : tenants) {
            boolean flagged = tx.read(tenant, () -> guides.findByStandardItemId(standardItemId)
                    .map(g -> !of(tenant, g, today).isEmpty()).orElse(false));
            if (flagged) out.add(tenant);
        }
        return out;
    }

    private static Promise promise(GuideVersion v) {
        return new Promise(v.getId(), v.getNumber(), v.getStatus(), v.getEffectiveFrom(), v.promisedLimit());
    }

    private static List<GuideViews.Conflict> views(String tenantCode, List<Conflict> found, LocalDate today) {
        return found.stream().map(c -> {
            Promise p = c.version();
            String state = p.status() == GuideStatus.DRAFT ? "DRAFT" : p.effectiveFrom().isAfter(today) ? "SCHEDULED" : "CURRENT";
            return new GuideViews.Conflict(new ScopedId(tenantCode, p.versionId()).toString(), state, p.number(), "S5",
                    c.problem().field(), message(c), c.from(), p.promised(), c.legal().limit(), c.legal().number(),
                    c.legal().effectiveFrom());
        }).toList();
    }

    /** "自 <date> 起（标准目录第 n 版）" + what S5 says. */
    static String message(Conflict c) {
        return "自 " + c.from() + " 起（标准目录第 " + c.legal().number() + " 版，" + c.legal().effectiveFrom() + " 生效）"
                + c.problem().message();
    }
}
