package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.Announcement;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.Questionnaire;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.catalog.Cursors;
import cn.zwy.tenant.api.catalog.ExerciseLevel;
import cn.zwy.tenant.catalog.NoticePeriod;
import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.catalog.ScopedId;
import cn.zwy.tenant.catalog.Texts;
import cn.zwy.tenant.catalog.standard.StandardCatalogService;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.tenant.region.Region;
import cn.zwy.tenant.region.RegionCodes;
import cn.zwy.tenant.region.RegionRepository;
import cn.zwy.tenant.tenant.Tenant;
import cn.zwy.tenant.tenant.TenantLookup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenants' guides (S1–S7): adoption of standard items, drafts, validation, publication and
 * withdrawal as announced versions (S6), and the reads of citizens and staff. Who may do what:
 * the tenant's centre administrator edits, publishes and withdraws; its staff (and its
 * province's administrator) also read drafts; everyone reads announced versions.
 */
@Service
public class GuideService {

    public static final String EVENT_PUBLISHED = "catalog.guide.published";
    public static final String EVENT_WITHDRAWN = "catalog.guide.withdrawn";
    private static final Logger log = LoggerFactory.getLogger(GuideService.class);

    private final GuideRepository guides;
    private final GuideVersionRepository versions;
    private final GuideQueries queries;
    private final StandardCatalogService standard;
    private final RegionRepository regions;
    private final TenantTransactions tx;
    private final NoticePeriod notice;
    private final OutboxPublisher outbox;
    private final JsonMapper json;

    private final TenantLookup lookup;
    private final GuideConflicts conflicts;

    private final GuideRouting routing;
    private final ApplicationEventPublisher announcements;

    public GuideService(GuideRepository guides, GuideVersionRepository versions, GuideQueries queries,
                        StandardCatalogService standard, RegionRepository regions,
                        TenantTransactions tx, NoticePeriod notice, OutboxPublisher outbox, JsonMapper json, TenantLookup lookup,
                        GuideConflicts conflicts, GuideRouting routing, ApplicationEventPublisher announcements) {
        this.routing = routing;
        this.announcements = announcements;
        this.lookup = lookup;
        this.conflicts = conflicts;
        this.guides = guides;
        this.versions = versions;
        this.queries = queries;
        this.standard = standard;
        this.regions = regions;
        this.tx = tx;
        this.notice = notice;
        this.outbox = outbox;
        this.json = json;
    }

    // ------------------------------------------------------------------ reads

    /** The public list: items with a published version in effect today; staff may ask for every adopted item. */
    public Page<GuideViews.Summary> items(Optional<Caller> caller, String tenantCode, ItemFilter filter, Integer first, String after) {
        lookup.require(tenantCode);
        ItemFilter f = filter == null ? new ItemFilter(null, null, null, null, null, null, null) : filter;
        boolean staffView = Boolean.TRUE.equals(f.includeUnpublished());
        if (staffView && caller.map(c -> !c.mayRead(tenantCode)).orElse(true)) {
            throw ApiException.forbidden("只有本中心工作人员可以查看未发布的事项");
        }
        int size = Cursors.pageSize(first);
        Cursors.Key key = Cursors.decode("it", after);
        LocalDate today = notice.today();
        return tx.read(tenantCode, () -> queries.list(tenantCode, f, staffView, today, key, size));
    }

    public GuideViews.Item item(Optional<Caller> caller, String tenantCode, UUID guideId) {
        Tenant tenant = lookup.require(tenantCode);
        boolean staff = caller.map(c -> c.mayRead(tenantCode)).orElse(false);
        LocalDate today = notice.today();
        return tx.read(tenantCode, () -> {
            Guide g = guides.findById(guideId).orElseThrow(() -> notFound(guideId));
            Optional<GuideVersion> current = versions.inEffect(guideId, today);
            Optional<GuideVersion> next = versions.nextAfter(guideId, today);
            if (!staff && current.isEmpty() && next.isEmpty()) throw notFound(guideId);
            GuideViews.Version cur = current.map(v -> view(tenantCode, v, current, today)).orElse(null);
            GuideViews.Version upcoming = next.map(v -> view(tenantCode, v, current, today)).orElse(null);
            GuideViews.Version draft = staff ? versions.findDraft(guideId).map(v -> view(tenantCode, v, current, today)).orElse(null) : null;
            GuideViews.Version shown = cur != null ? cur : upcoming != null ? upcoming : draft;
            List<GuideViews.Conflict> found = staff ? conflicts.of(tenantCode, g, today) : List.of();
            return new GuideViews.Item(new ScopedId(tenantCode, g.getId()).toString(), tenantCode, tenant.getName(),
                    g.getBasicCode(), g.getStandardItemId(), shown == null ? null : shown.standard().name(), cur, upcoming, draft, found);
        });
    }

    /** The history: every announced version, newest first (drafts are not history). */
    public Page<GuideViews.Version> versions(String tenantCode, UUID guideId, Integer first, String after) {
        lookup.require(tenantCode);
        int size = Cursors.pageSize(first);
        Integer before = Cursors.decodeNumber("gv", after);
        LocalDate today = notice.today();
        return tx.read(tenantCode, () -> {
            guides.findById(guideId).orElseThrow(() -> notFound(guideId));
            List<GuideVersion> rows = versions.announcedBefore(guideId, before == null ? Integer.MAX_VALUE : before, Limit.of(size + 1));
            Optional<GuideVersion> current = versions.inEffect(guideId, today);
            return new Page<>(rows.stream().limit(size).map(v -> new Page.Item<>(Cursors.encodeNumber("gv", v.getNumber()),
                    view(tenantCode, v, current, today))).toList(), rows.size() > size, null);
        });
    }

    /** One version by id — what a case filed under it points to. Drafts only for the tenant's staff. */
    public GuideViews.Version version(Optional<Caller> caller, String tenantCode, UUID versionId) {
        lookup.require(tenantCode);
        boolean staff = caller.map(c -> c.mayRead(tenantCode)).orElse(false);
        LocalDate today = notice.today();
        return tx.read(tenantCode, () -> {
            GuideVersion v = versions.findById(versionId)
                    .filter(x -> staff || x.getStatus() != GuideStatus.DRAFT)
                    .orElseThrow(() -> ApiException.notFound("id", "未找到办事指南版本: " + new ScopedId(tenantCode, versionId)));
            return view(tenantCode, v, versions.inEffect(v.getGuideId(), today), today);
        });
    }

    /**
     * G2: situation-based guidance on the version in effect today. {@code answers} are
     * "questionId:value" (a question id has no colon); answers off the applicant's path are not used.
     */
    public GuideViews.GuidanceView guidance(String tenantCode, UUID guideId, List<String> answers) {
        lookup.require(tenantCode);
        List<Guidance.Answer> given = answers(answers);
        LocalDate today = notice.today();
        GuideVersion v = tx.read(tenantCode, () -> versions.inEffect(guideId, today))
                .filter(x -> x.getStatus() == GuideStatus.PUBLISHED)
                .orElseThrow(() -> notFound(guideId));
        GuideContent c = read(v).guide();
        GuideViews.GuidanceView view = guidance(tenantCode, v, c, given);
        GuideViews.GuidanceOutcome o = view.outcome();
        if (o == null || o.notApplicable()) return view;
        // G1: where to go — the windows serving the item's queue category, the kiosk area, or nowhere (online)
        GuideViews.Route route = tx.read(tenantCode, () -> routing.route(c, o.channel(), o.window()));
        return new GuideViews.GuidanceView(view.itemId(), view.versionId(), view.name(), view.answered(), view.next(),
                o.withRoute(route), view.complete());
    }

    /** Answers as the internal API carries them: "questionId:value" (a question id has no colon), at most 50. */
    public static List<Guidance.Answer> answers(List<String> answers) {
        if (answers != null && answers.size() > 50) throw ApiException.validation("answers", "回答不能超过 50 个");
        List<Guidance.Answer> given = new ArrayList<>();
        if (answers != null) for (int i = 0; i < answers.size(); i++) {
            String a = answers.get(i);
            int colon = a == null ? -1 : a.indexOf(':');
            if (colon < 1) throw new ApiException(ErrorCode.VALIDATION, "回答格式应为 问题编号:回答", "answers[" + i + "]", "G2");
            given.add(new Guidance.Answer(a.substring(0, colon), a.substring(colon + 1)));
        }
        return given;
    }

    /** The walk and its outcome, on a guide already read (the benchmark times this against the read). */
    static GuideViews.GuidanceView guidance(String tenantCode, GuideVersion v, GuideContent c, List<Guidance.Answer> given) {
        Questionnaire q = c.questionnaire();
        if (q == null) throw ApiException.notFound("itemId", "该事项没有情形引导问卷，请按办事指南准备材料");
        Guidance.Result r = Guidance.evaluate(q, given);
        GuideViews.GuidanceOutcome outcome = r.outcome() == null ? null : outcome(r.outcome(), c);
        return new GuideViews.GuidanceView(new ScopedId(tenantCode, v.getGuideId()).toString(), new ScopedId(tenantCode, v.getId()).toString(),
                v.getName(), r.answered(), r.next(), outcome, r.complete());
    }

    public static GuideViews.GuidanceOutcome outcome(Questionnaire.Outcome o, GuideContent c) {
        List<String> named = o.materials() == null ? List.of() : o.materials();
        List<GuideContent.Material> materials = c.materials() == null ? List.of()
                : c.materials().stream().filter(m -> named.contains(m.name())).toList();
        List<GuideContent.WindowInfo> windows = c.windows() == null ? List.of() : c.windows();
        GuideContent.WindowInfo window = o.window() == null ? windows.stream().findFirst().orElse(null)
                : windows.stream().filter(w -> o.window().equals(w.name())).findFirst().orElse(null);
        return new GuideViews.GuidanceOutcome(o.id(), o.title(), o.subItem(), o.channel(), window, materials, o.notes(), o.notApplicable(),
                null);
    }

    /**
     * G3: the version of a guide offered today (PUBLISHED and in effect), read inside the caller's
     * transaction bound to {@code tenantCode}; empty when the item is not offered.
     */
    public Optional<GuideViews.Version> offeredWithinTx(String tenantCode, UUID guideId, LocalDate today) {
        Optional<GuideVersion> v = versions.inEffect(guideId, today).filter(x -> x.getStatus() == GuideStatus.PUBLISHED);
        return v.map(x -> view(tenantCode, x, v, today));
    }

    /** ADR 0032: the tenant's guide of a standard item (inside the caller's transaction bound to the tenant), if adopted. */
    public Optional<UUID> guideOfStandardWithinTx(UUID standardItemId) {
        return guides.findByStandardItemId(standardItemId).map(Guide::getId);
    }

    /** Everything that stands between the draft and its publication (formats, S2, S3, S4, S5). */
    public GuideViews.Validation validate(Caller caller, String tenantCode, UUID guideId) {
        lookup.require(tenantCode);
        if (!caller.mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的办事指南草稿");
        LocalDate today = notice.today();
        return tx.read(tenantCode, () -> {
            Guide g = guides.findById(guideId).orElseThrow(() -> notFound(guideId));
            GuideVersion draft = versions.findDraft(guideId)
                    .orElseThrow(() -> ApiException.notFound("id", "该事项没有草稿"));
            GuideContent c = read(draft).guide();
            List<Problem> problems = new ArrayList<>(GuideRules.missing(c));
            StandardItemView std = standard.asOfWithinTx(g.getStandardItemId(), today).orElseThrow();
            problems.addAll(GuideRules.malformed(c, std.legalLimit()));
            // S5 against legal limits announced for later (a change of the standard catalog)
            problems.addAll(conflicts.ofDraft(g, c, today, std.version().id()));
            if (std.cancelled()) problems.add(Problem.rule("S6", "id", "标准目录已取消该事项（" + std.version().effectiveFrom() + " 起）"));
            return new GuideViews.Validation(problems.isEmpty(), problems);
        });
    }

    // ------------------------------------------------------------------ changes (the tenant's centre administrator)

    /** Adopts a standard item of the tenant's province: a guide with an empty draft (S7). */
    public GuideViews.Item adopt(Caller caller, String tenantCode, UUID standardItemId) {
        requireEditor(caller, tenantCode);
        if (standardItemId == null) throw ApiException.validation("standardItemId", "必须指定要认领的标准目录事项");
        Region region = tx.platform(() -> regions.findById(tenantCode)).orElseThrow();
        LocalDate today = notice.today();
        tx.write(tenantCode, () -> {
            StandardItemView std = standard.asOfWithinTx(standardItemId, today)
                    .orElseThrow(() -> ApiException.notFound("standardItemId", "未找到标准目录事项: " + standardItemId));
            if (!tenantCode.startsWith(std.provinceCode())) {
                throw Problem.rule("S7", "standardItemId", "只能认领本省（" + tenantCode.substring(0, 2) + "）标准目录中的事项").toException();
            }
            if (std.cancelled()) {
                throw Problem.rule("S6", "standardItemId", "标准目录已取消该事项（" + std.version().effectiveFrom() + " 起）").toException();
            }
            ExerciseLevel level = ExerciseLevel.of(region.getLevel());
            if (!std.exerciseLevels().contains(level)) {
                throw Problem.rule("S1", "standardItemId", "该事项的行使层级为"
                        + std.exerciseLevels().stream().map(ExerciseLevel::label).collect(Collectors.joining("、"))
                        + "，不在" + level.label() + "实施").toException();
            }
            if (guides.existsByStandardItemId(standardItemId)) {
                throw ApiException.conflict("standardItemId", "本中心已认领该事项（" + std.basicCode() + " " + std.name() + "）");
            }
            try {
                Guide g = guides.saveAndFlush(new Guide(standardItemId, std.basicCode()));
                versions.saveAndFlush(GuideVersion.draft(g.getId(), std, GuideContent.empty(), snapshot(std, GuideContent.empty())));
                log.info("{} adopted standard item {} as guide {}", caller.username(), std.basicCode(), g.getId());
                return g.getId();
            } catch (DataIntegrityViolationException e) {
                throw ApiException.conflict("standardItemId", "本中心已认领该事项（" + std.basicCode() + "）");
            }
        });
        return tx.read(tenantCode, () -> guides.findByStandardItemId(standardItemId)).map(g -> item(Optional.of(caller), tenantCode, g.getId()))
                .orElseThrow();
    }

    /**
     * Onboarding (T2, S7): the new tenant adopts a standard item of its province as an empty
     * draft, for its administrator to localise and publish. Items that are cancelled, exercised
     * at another level, or already adopted are skipped. Joins the onboarding transaction.
     */
    public void adoptOnOnboarding(String tenantCode, UUID standardItemId) {
        Region region = tx.platform(() -> regions.findById(tenantCode)).orElseThrow();
        LocalDate today = notice.today();
        tx.write(tenantCode, () -> {
            if (guides.existsByStandardItemId(standardItemId)) return null;
            Optional<StandardItemView> std = standard.inEffectWithinTx(standardItemId, today);
            if (std.isEmpty() || std.get().cancelled()
                    || !std.get().exerciseLevels().contains(ExerciseLevel.of(region.getLevel()))) return null;
            Guide g = guides.saveAndFlush(new Guide(standardItemId, std.get().basicCode()));
            versions.saveAndFlush(GuideVersion.draft(g.getId(), std.get(), GuideContent.empty(), snapshot(std.get(), GuideContent.empty())));
            return null;
        });
    }

    /** Replaces the draft (creating it when there is none). Malformed content is refused and nothing changes. */
    public GuideViews.DraftSaved saveDraft(Caller caller, String tenantCode, UUID guideId, GuideContent content) {
        requireEditor(caller, tenantCode);
        if (content == null) throw ApiException.validation("guide", "缺少办事指南内容");
        GuideContent c = content.tags() == null ? withTags(content) : content;
        LocalDate today = notice.today();
        return tx.write(tenantCode, () -> {
            Guide g = guides.lock(guideId).orElseThrow(() -> notFound(guideId));
            StandardItemView std = standard.asOfWithinTx(g.getStandardItemId(), today).orElseThrow();
            List<Problem> bad = GuideRules.malformed(c, std.legalLimit());
            if (!bad.isEmpty()) throw bad.getFirst().toException();
            GuideVersion draft = versions.findDraft(guideId).map(d -> {
                d.replaceDraft(std, c, snapshot(std, c));
                return d;
            }).orElseGet(() -> GuideVersion.draft(guideId, std, c, snapshot(std, c)));
            versions.saveAndFlush(draft);
            Optional<GuideVersion> current = versions.inEffect(guideId, today);
            return new GuideViews.DraftSaved(view(tenantCode, draft, current, today), GuideRules.missing(c));
        });
    }

    /**
     * Publishes the draft as the next version, effective no earlier than the S6 notice allows. The
     * guide row is locked first, so two concurrent publications of one draft yield one version.
     */
    public GuideViews.Announced publish(Caller caller, String tenantCode, UUID guideId, Announcement a) {
        Tenant tenant = requireEditor(caller, tenantCode);
        String reason = reason(a);
        return tx.write(tenantCode, () -> {
            Guide g = guides.lock(guideId).orElseThrow(() -> notFound(guideId));
            GuideVersion draft = versions.findDraft(guideId)
                    .orElseThrow(() -> ApiException.conflict("id", "该事项没有待发布的草稿（可能刚被发布），请先保存草稿"));
            GuideContent c = read(draft).guide();
            List<Problem> missing = GuideRules.missing(c);
            if (!missing.isEmpty()) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "办事指南缺少 " + missing.size() + " 项必备内容（S3），不能发布："
                        + missing.stream().map(p -> p.message().replace("发布前须填写：", "")).collect(Collectors.joining("、")), missing.getFirst().field(), "S3");
            }
            Optional<GuideVersion> latest = versions.findLatestAnnounced(guideId);
            NoticePeriod.Decision when = notice.decide(tenantCode, a == null ? null : a.effectiveFrom(), false,
                    latest.map(GuideVersion::getEffectiveFrom).orElse(null));
            StandardItemView std = standard.inEffectWithinTx(g.getStandardItemId(), when.effectiveFrom())
                    .orElseThrow(() -> Problem.rule("S6", "effectiveFrom", "标准目录事项在 " + when.effectiveFrom()
                            + " 尚未生效，指南不能早于标准目录生效").toException());
            if (std.cancelled()) {
                throw Problem.rule("S6", "effectiveFrom", "标准目录自 " + std.version().effectiveFrom() + " 起已取消该事项，不能发布").toException();
            }
            List<Problem> bad = GuideRules.malformed(c, std.legalLimit());
            if (!bad.isEmpty()) throw bad.getFirst().toException();
            // S5 for as long as the new version will be in force: also under legal limits announced for later
            ApiException breaksS5Later = conflicts.refusal(g, c, when.effectiveFrom());
            if (breaksS5Later != null) throw breaksS5Later;
            boolean offered = latest.map(v -> v.getStatus() == GuideStatus.PUBLISHED).orElse(false);
            int number = latest.map(v -> v.getNumber() + 1).orElse(1);
            draft.publish(number, offered ? ChangeKind.CHANGE : ChangeKind.ADD, reason, when.announcedAt(), caller.username(),
                    when.effectiveFrom(), std, c, snapshot(std, c));
            versions.saveAndFlush(draft);
            publishEvent(EVENT_PUBLISHED, tenant, g, draft, std, c);
            log.info("guide {} v{} published by {}, effective {}", g.getId(), number, caller.username(), when.effectiveFrom());
            return new GuideViews.Announced(view(tenantCode, draft, versions.inEffect(guideId, notice.today()), notice.today()), when.warnings());
        });
    }

    /** Cancels the item at this tenant from a date (S6): a WITHDRAWN version; history and draft stay. */
    public GuideViews.Announced withdraw(Caller caller, String tenantCode, UUID guideId, Announcement a) {
        Tenant tenant = requireEditor(caller, tenantCode);
        String reason = reason(a);
        return tx.write(tenantCode, () -> {
            Guide g = guides.lock(guideId).orElseThrow(() -> notFound(guideId));
            GuideVersion last = versions.findLatestAnnounced(guideId)
                    .filter(v -> v.getStatus() == GuideStatus.PUBLISHED)
                    .orElseThrow(() -> ApiException.conflict("id", "该事项没有已发布的指南，无需撤回"));
            NoticePeriod.Decision when = notice.decide(tenantCode, a == null ? null : a.effectiveFrom(), false, last.getEffectiveFrom());
            GuideVersion w = versions.saveAndFlush(GuideVersion.withdrawal(last, last.getNumber() + 1, reason,
                    when.announcedAt(), caller.username(), when.effectiveFrom()));
            GuideSnapshot s = read(w);
            publishEvent(EVENT_WITHDRAWN, tenant, g, w, s.standard(), s.guide());
            log.info("guide {} withdrawn by {} (v{}), effective {}", g.getId(), caller.username(), w.getNumber(), when.effectiveFrom());
            return new GuideViews.Announced(view(tenantCode, w, versions.inEffect(guideId, notice.today()), notice.today()), when.warnings());
        });
    }

    /**
     * Demo data only: adopts and publishes a guide as if announced long ago (its S6 notice over).
     * Idempotent per standard item. The content must pass every rule a real publication passes.
     */
    public void loadHistoric(String tenantCode, UUID standardItemId, GuideContent c, LocalDate effectiveFrom, String reason) {
        Tenant tenant = lookup.require(tenantCode);
        tx.write(tenantCode, () -> {
            if (guides.existsByStandardItemId(standardItemId)) return null;
            StandardItemView std = standard.inEffectWithinTx(standardItemId, effectiveFrom).orElseThrow();
            List<Problem> problems = new ArrayList<>(GuideRules.missing(c));
            problems.addAll(GuideRules.malformed(c, std.legalLimit()));
            if (!problems.isEmpty()) throw new IllegalStateException("demo guide " + std.name() + "@" + tenantCode + ": " + problems);
            Guide g = guides.saveAndFlush(new Guide(standardItemId, std.basicCode()));
            GuideVersion v = GuideVersion.draft(g.getId(), std, c, snapshot(std, c));
            v.publish(1, ChangeKind.ADD, reason, effectiveFrom.minusDays(10).atStartOfDay(NoticePeriod.ZONE).toInstant(), "demo",
                    effectiveFrom, std, c, snapshot(std, c));
            versions.saveAndFlush(v);
            publishEvent(EVENT_PUBLISHED, tenant, g, v, std, c);
            return null;
        });
    }

    /**
     * Demo data only: a guide loaded before situation-based guides existed gets the demo questionnaire
     * (G2) and form fields (G3) as a further version announced long ago. Nothing happens when its latest
     * version already has them as the demo has them now, or when it was changed by its centre since (only
     * demo-published guides are touched).
     */
    public void loadHistoricQuestionnaire(String tenantCode, UUID standardItemId, GuideContent c, LocalDate effectiveFrom, String reason) {
        if (c.questionnaire() == null && (c.formFields() == null || c.formFields().isEmpty()) && c.queueCategory() == null) return;
        Tenant tenant = lookup.require(tenantCode);
        tx.write(tenantCode, () -> {
            Optional<Guide> found = guides.findByStandardItemId(standardItemId);
            if (found.isEmpty()) return null;
            Guide g = guides.lock(found.get().getId()).orElseThrow();
            Optional<GuideVersion> latest = versions.findLatestAnnounced(g.getId());
            if (latest.isEmpty() || latest.get().getStatus() != GuideStatus.PUBLISHED || !"demo".equals(latest.get().getAnnouncedBy())
                    || sameGuidance(read(latest.get()).guide(), c) || !effectiveFrom.isAfter(latest.get().getEffectiveFrom())
                    || versions.findDraft(g.getId()).isPresent()) {
                return null;
            }
            StandardItemView std = standard.inEffectWithinTx(standardItemId, effectiveFrom).orElseThrow();
            List<Problem> problems = GuideRules.malformed(c, std.legalLimit());
            if (!problems.isEmpty()) throw new IllegalStateException("demo questionnaire " + std.name() + "@" + tenantCode + ": " + problems);
            GuideVersion v = GuideVersion.draft(g.getId(), std, c, snapshot(std, c));
            v.publish(latest.get().getNumber() + 1, ChangeKind.CHANGE, reason,
                    effectiveFrom.minusDays(10).atStartOfDay(NoticePeriod.ZONE).toInstant(), "demo", effectiveFrom, std, c, snapshot(std, c));
            versions.saveAndFlush(v);
            publishEvent(EVENT_PUBLISHED, tenant, g, v, std, c);
            return null;
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The demo's questionnaire and form fields are those of {@code held} already. */
    private static boolean sameGuidance(GuideContent held, GuideContent demo) {
        return java.util.Objects.equals(held.questionnaire(), demo.questionnaire())
                && java.util.Objects.equals(emptyIfNull(held.formFields()), emptyIfNull(demo.formFields()))
                && java.util.Objects.equals(held.queueCategory(), demo.queueCategory());
    }

    private static <T> List<T> emptyIfNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private void publishEvent(String type, Tenant tenant, Guide g, GuideVersion v, StandardItemView std, GuideContent c) {
        String tenantCode = tenant.getCode();
        outbox.publish(type, tenantCode, "guide", g.getId().toString(), new GuideViews.Event(
                new ScopedId(tenantCode, v.getId()).toString(), new ScopedId(tenantCode, g.getId()).toString(), tenantCode,
                tenant.getName(), RegionCodes.path(tenantCode), v.getNumber(), v.getStatus(), v.getChangeKind(), v.getReason(),
                v.getAnnouncedAt(), v.getEffectiveFrom(), g.getBasicCode(), std.name(), std, c));
        // in this transaction: what is derived from the tenant's offer (its packages, ADR 0035) follows the same day
        announcements.publishEvent(new GuideAnnounced(tenantCode, g.getId(), v.getId(), g.getStandardItemId(), v.getEffectiveFrom()));
    }

    GuideViews.Version view(String tenantCode, GuideVersion v, Optional<GuideVersion> current, LocalDate today) {
        GuideSnapshot s = read(v);
        String state = v.getStatus() == GuideStatus.DRAFT ? "DRAFT"
                : v.getEffectiveFrom().isAfter(today) ? "SCHEDULED"
                : current.map(c -> c.getId().equals(v.getId())).orElse(false) ? "CURRENT" : "SUPERSEDED";
        return new GuideViews.Version(new ScopedId(tenantCode, v.getId()).toString(), new ScopedId(tenantCode, v.getGuideId()).toString(),
                v.getNumber(), v.getStatus(), state, v.getChangeKind(), v.getReason(), v.getAnnouncedAt(), v.getEffectiveFrom(),
                v.getUpdatedAt(), s.standard(), s.guide());
    }

    private GuideSnapshot read(GuideVersion v) {
        return json.readValue(v.getContent(), GuideSnapshot.class);
    }

    private String snapshot(StandardItemView std, GuideContent c) {
        return json.writeValueAsString(new GuideSnapshot(std, c));
    }

    private static String reason(Announcement a) {
        List<Problem> p = new ArrayList<>();
        String r = a == null ? null : a.reason();
        if (r == null || r.isBlank()) {
            p.add(Problem.rule("S6", "reason", "事项的新增、取消、下放和变更必须说明理由"));
        } else {
            Texts.text(p, "reason", r, 500, "理由");
        }
        if (!p.isEmpty()) throw p.getFirst().toException();
        return r.strip();
    }

    private static GuideContent withTags(GuideContent c) {
        return new GuideContent(c.implementingAgency(), c.audience(), c.acceptanceConditions(), c.materials(), c.fillingNotes(),
                c.acceptanceStandard(), c.steps(), c.promisedLimit(), c.caseClass(), c.fees(), c.resultSample(),
                c.expressDelivery(), c.quantityLimit(), c.consultPhone(), c.supervisionPhone(), c.windows(), c.faq(),
                List.of(), c.booking(), c.onlineFiling(), c.toleratedMissing(), c.crossRegion(), c.questionnaire(), c.formFields(),
                c.queueCategory());
    }

    private static ApiException notFound(UUID guideId) {
        return ApiException.notFound("id", "未找到事项: " + guideId);
    }

    private Tenant requireEditor(Caller caller, String tenantCode) {
        Tenant tenant = lookup.require(tenantCode);
        if (!caller.isCentreAdminOf(tenantCode)) {
            throw ApiException.forbidden("只有本中心（" + tenantCode + "）的管理员可以编辑、发布和撤回办事指南");
        }
        TenantLookup.requireActive(tenant);
        return tenant;
    }


}
