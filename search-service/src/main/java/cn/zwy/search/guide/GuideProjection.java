package cn.zwy.search.guide;

import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.PackageViews;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
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
 * and its reactivation ({@code tenant.onboarded}, reactivated) shows them again. A failure (Elasticsearch
 * down) propagates, so the event stays pending and is retried in order: nothing is lost, the index catches up.
 */
@Component
class GuideProjection implements EventHandler {

    static final String PUBLISHED = "catalog.guide.published";
    static final String WITHDRAWN = "catalog.guide.withdrawn";
    static final String SUSPENDED = "tenant.suspended";
    static final String ONBOARDED = "tenant.onboarded";
    static final String PACKAGE_PUBLISHED = "catalog.package.published";
    private static final Set<String> TYPES = Set.of(PUBLISHED, WITHDRAWN, SUSPENDED, ONBOARDED, PACKAGE_PUBLISHED);
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
                    index.put(GuideDocument.ofPackage(e, today()));
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
        index.put(GuideDocument.of(e));
        store.applied(e.itemId(), e.number());
    }

    /** The timer of a version's effective date: puts it into the index (a stale or repeated timer does nothing). */
    void switchOn(String timerId) throws IOException {
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
        index.put(GuideDocument.of(e));
        store.applied(e.itemId(), e.number());
        log.info("guide {} v{} in effect from {}: indexed", e.itemId(), e.number(), e.effectiveFrom());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(GuideTimerConfig.ZONE));
    }
}
