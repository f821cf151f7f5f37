package cn.zwy.search.guide;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.PackageViews;
import cn.zwy.tenant.api.catalog.StandardItemView;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guide search as a projection of the catalog's events (ADR 0019), its own consumer group on the one
 * event path: {@code catalog.guide.published} / {@code withdrawn} put the version in effect today into
 * the index (a withdrawal leaves a tombstone no query finds); a version that takes effect on a later day
 * waits in {@code guide_pending_version} for its timer; {@code tenant.suspended} hides a tenant's guides
 * and its reactivation ({@code tenant.onboarded}, reactivated) shows them again. {@code catalog.standard.changed}
 * (a province renames, changes or cancels a standard item, S6) re-makes, on the day the change takes effect, the
 * documents of every item adopting it (ADR 0031). {@code catalog.package.published} / {@code withdrawn} put a "one thing"
 * package in or take it out (a tombstone), as its tenant offers it (G3, ADR 0035). A failure (Elasticsearch down) propagates, so the event stays
 * pending and is retried in order: nothing is lost, the index catches up.
 */
@Component
class GuideProjection implements EventHandler {

    static final String PUBLISHED = "catalog.guide.published";
    static final String WITHDRAWN = "catalog.guide.withdrawn";
    static final String SUSPENDED = "tenant.suspended";
    static final String ONBOARDED = "tenant.onboarded";
    static final String PACKAGE_PUBLISHED = "catalog.package.published";
    static final String PACKAGE_WITHDRAWN = "catalog.package.withdrawn";
    static final String STANDARD_CHANGED = "catalog.standard.changed";
    /** The instance id of a standard version's timer: this prefix and the version id. */
    static final String STANDARD_TIMER = "std:";
    private static final Set<String> TYPES = Set.of(PUBLISHED, WITHDRAWN, SUSPENDED, ONBOARDED, PACKAGE_PUBLISHED, PACKAGE_WITHDRAWN,
            STANDARD_CHANGED);
    private static final Logger log = LoggerFactory.getLogger(GuideProjection.class);

    private final GuideIndex index;
    private final GuideStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final SchedulerClient timers;
    private final OneTimeTask<Void> task;

    GuideProjection(GuideIndex index, GuideStore store, JsonMapper json, Clock clock, SchedulerClient guideTimerClient,
                    OneTimeTask<Void> guideEffectiveTask) {
        this.index = index;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.timers = guideTimerClient;
        this.task = guideEffectiveTask;
    }

    @Override
    public String group() {
        return "search-guides";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event) throws IOException {
        switch (event.type()) {
            case PUBLISHED, WITHDRAWN -> {
                GuideViews.Event e = json.readValue(event.payload(), GuideViews.Event.class);
                store.seen(e.tenantCode());
                apply(e, event.payload());
            }
            case PACKAGE_PUBLISHED -> {
                // G3: a package is found and suggested with the guides; a late older version changes nothing
                PackageViews.Event e = json.readValue(event.payload(), PackageViews.Event.class);
                store.seen(e.tenantCode());
                if (store.savePackage(e.packageId(), e.tenantCode(), e.version(), event.payload())) {
                    index.put(GuideDocument.ofPackage(e, today(), false));
                }
            }
            case PACKAGE_WITHDRAWN -> {
                // ADR 0035: the tenant no longer offers it; found again once published again
                PackageViews.Withdrawn w = json.readValue(event.payload(), PackageViews.Withdrawn.class);
                store.seen(w.tenantCode());
                Optional<String> kept = store.withdrawPackage(w.packageId(), w.tenantCode(), w.version());
                if (kept.isPresent()) index.put(GuideDocument.ofPackage(json.readValue(kept.get(), PackageViews.Event.class), today(), true));
            }
            case STANDARD_CHANGED -> {
                StandardItemView s = json.readValue(event.payload(), StandardItemView.class);
                StandardItemView.Version v = s.version();
                store.addStandard(new GuideStore.StandardVersion(v.id(), s.id(), v.number(), v.effectiveFrom(), event.payload()));
                if (v.effectiveFrom().isAfter(today())) {
                    // announced ahead (S6): the guides change on the day it takes effect, as a guide version does
                    timers.scheduleIfNotExists(task.instance(STANDARD_TIMER + v.id()), v.effectiveFrom().atStartOfDay(GuideTimerConfig.ZONE).toInstant());
                } else {
                    restandardise(s.id());
                }
            }
            case SUSPENDED -> {
                JsonNode s = json.readTree(event.payload());
                store.hide(s.path("tenantCode").asString(event.tenantId()), s.path("reason").asString(null));
            }
            case ONBOARDED -> {
                JsonNode o = json.readTree(event.payload());
                if (o.path("reactivated").asBoolean(false)) store.show(o.path("tenantCode").asString(event.tenantId()));
            }
            default -> { }
        }
    }

    /** Into the index if in effect today, else kept for its effective date with a timer on that day. */
    void apply(GuideViews.Event e, String payload) throws IOException {
        if (e.effectiveFrom().isAfter(today())) {
            store.addPending(e.versionId(), e.itemId(), e.tenantCode(), e.number(), e.effectiveFrom(), payload);
            timers.scheduleIfNotExists(task.instance(e.versionId()), e.effectiveFrom().atStartOfDay(GuideTimerConfig.ZONE).toInstant());
            log.debug("guide {} v{} waits for {}", e.itemId(), e.number(), e.effectiveFrom());
            return;
        }
        index(e, payload);
    }

    /**
     * Into the index, keeping the payload it was made from (first: a standard change handled meanwhile on another
     * instance either sees this payload or was stored before {@link #documents} reads the standards).
     */
    private void index(GuideViews.Event e, String payload) throws IOException {
        store.source(e.itemId(), e.tenantCode(), standardId(e), e.number(), payload);
        index.put(documents(List.of(e)).getFirst());
        store.applied(e.itemId(), e.number());
    }

    /**
     * The documents of guide versions, the one way a document is made (stream, timers, rebuild, bulk load): each with
     * the newest version of its standard item in effect today when the stream told of one newer than the snapshot the
     * guide version carries (ADR 0031) — its names, item type and legal basis; a cancelled standard item hides the guide.
     */
    List<GuideDocument> documents(List<GuideViews.Event> events) {
        Set<UUID> ids = new HashSet<>();
        for (GuideViews.Event e : events) if (standardId(e) != null) ids.add(standardId(e));
        Map<UUID, GuideStore.StandardVersion> newer = store.standardsInEffect(ids, today());
        List<GuideDocument> docs = new ArrayList<>(events.size());
        for (GuideViews.Event e : events) {
            GuideStore.StandardVersion v = newer.get(standardId(e));
            docs.add(GuideDocument.of(v == null ? e : withStandard(e, json.readValue(v.payload(), StandardItemView.class))));
        }
        return docs;
    }

    /** The guide version as it reads under a later version of its standard item (its name is the standard item's, S1). */
    static GuideViews.Event withStandard(GuideViews.Event e, StandardItemView std) {
        StandardItemView own = e.standard();
        if (own != null && own.version() != null && std.version().number() <= own.version().number()) return e;
        return new GuideViews.Event(e.versionId(), e.itemId(), e.tenantCode(), e.tenantName(), e.regionPath(), e.number(), e.status(),
                e.changeKind(), e.reason(), e.announcedAt(), e.effectiveFrom(), e.basicCode(), std.name(), std, e.guide());
    }

    private static UUID standardId(GuideViews.Event e) {
        return e.standard() == null ? null : e.standard().id();
    }

    /** The documents of every item adopting the standard item, made again (a change of it has taken effect). */
    void restandardise(UUID standardItemId) throws IOException {
        List<GuideViews.Event> events = new ArrayList<>();
        for (String payload : store.sourcesOf(standardItemId)) events.add(json.readValue(payload, GuideViews.Event.class));
        if (events.isEmpty()) return;
        List<GuideDocument> docs = documents(events);
        for (String target : index.writeTargets()) index.bulk(target, docs);
        log.info("standard item {} changed: {} guide(s) re-made", standardItemId, docs.size());
    }

    /** The timer of a standard version's effective date: the guides adopting it are made again. */
    private void standardOn(String timerId) throws IOException {
        String id = timerId.substring(STANDARD_TIMER.length());
        UUID versionId = UUID.fromString(id.contains("@") ? id.substring(0, id.indexOf('@')) : id);
        GuideStore.StandardVersion v = store.standardVersion(versionId).orElse(null);
        if (v == null) return;
        if (v.effectiveFrom().isAfter(today())) {
            timers.scheduleIfNotExists(task.instance(STANDARD_TIMER + versionId + "@" + v.effectiveFrom()),
                    v.effectiveFrom().atStartOfDay(GuideTimerConfig.ZONE).toInstant());
            return;
        }
        restandardise(v.standardItemId());
    }

    /** The timer of a version's effective date: puts it into the index (a stale or repeated timer does nothing). */
    void switchOn(String timerId) throws IOException {
        if (timerId.startsWith(STANDARD_TIMER)) {
            standardOn(timerId);
            return;
        }
        String versionId = timerId.contains("@") ? timerId.substring(0, timerId.indexOf('@')) : timerId;
        GuideStore.Pending p = store.pending(versionId).orElse(null);
        if (p == null) return;
        if (p.effectiveFrom().isAfter(today())) {
            // early (the clock of a test, or a date moved): wait for the day
            timers.scheduleIfNotExists(task.instance(versionId + "@" + p.effectiveFrom()),
                    p.effectiveFrom().atStartOfDay(GuideTimerConfig.ZONE).toInstant());
            return;
        }
        GuideViews.Event e = json.readValue(p.payload(), GuideViews.Event.class);
        index(e, p.payload());
        log.info("guide {} v{} in effect from {}: indexed", e.itemId(), e.number(), e.effectiveFrom());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(GuideTimerConfig.ZONE));
    }
}
