package cn.zwy.search.guide;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.search.api.guide.IndexRebuilt;
import cn.zwy.tenant.api.catalog.CatalogApi;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.PackageViews;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the guides index with zero downtime (ADR 0019): a new index under the rebuild alias (from
 * then on every event reaches it too), filled from tenant-service's catalog of every tenant seen, then
 * the alias swap. Searches keep reading the old index until the swap. An event handled meanwhile went to
 * both indices; the external version (the guide version number) lets the newer of an event and the
 * catalog's answer win whatever their order, so nothing that arrived during the rebuild is lost.
 */
@Component
class GuideRebuild {

    private static final Logger log = LoggerFactory.getLogger(GuideRebuild.class);
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final int PAGE = 100;

    private final GuideIndex index;
    private final GuideStore store;
    private final GuideProjection projection;
    private final CatalogApi catalog;
    private final JsonMapper json;
    private final AtomicBoolean running = new AtomicBoolean();

    GuideRebuild(GuideIndex index, GuideStore store, GuideProjection projection, CatalogApi tenantCatalog, JsonMapper json) {
        this.index = index;
        this.store = store;
        this.projection = projection;
        this.catalog = tenantCatalog;
        this.json = json;
    }

    IndexRebuilt rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new ApiException(ErrorCode.CONFLICT, "索引正在重建中，请稍后再试", null, null);
        }
        Instant started = Instant.now();
        try {
            String target = index.beginRebuild();
            List<String> tenants = store.tenants();
            int guides = 0;
            int scheduled = 0;
            int read = 0;
            for (String tenant : tenants) {
                if (!catalogKnows(tenant)) continue;
                read++;
                String after = null;
                do {
                    Page<GuideViews.Summary> page = catalog.items(tenant, null, null, null, null, null, null, null, PAGE, after).block(CALL);
                    List<GuideViews.Event> current = new ArrayList<>();
                    for (Page.Item<GuideViews.Summary> row : page.items()) {
                        String id = row.node().id();
                        GuideViews.Item item = catalog.item(tenant, UUID.fromString(id.substring(id.indexOf(':') + 1))).block(CALL);
                        if (item == null) continue;
                        if (item.current() != null) current.add(event(item, item.current()));
                        if (item.upcoming() != null) {
                            GuideViews.Event next = event(item, item.upcoming());
                            projection.apply(next, json.writeValueAsString(next));
                            scheduled++;
                        }
                    }
                    List<GuideDocument> docs = documents(current);
                    index.bulk(target, docs);
                    guides += docs.size();
                    after = page.hasNextPage() && !page.items().isEmpty() ? page.items().getLast().cursor() : null;
                } while (after != null);
            }
            // G3: the packages, from their kept payloads
            List<GuideDocument> packages = new ArrayList<>();
            for (GuideStore.KeptPackage p : store.packages()) {
                packages.add(GuideDocument.ofPackage(json.readValue(p.payload(), PackageViews.Event.class), projection.today(), p.withdrawn()));
            }
            index.bulk(target, packages);
            index.finishRebuild(target);
            IndexRebuilt r = new IndexRebuilt(target, read, guides, scheduled, Duration.between(started, Instant.now()).toMillis());
            log.info("guides index rebuilt: {}", r);
            return r;
        } catch (IOException e) {
            throw new cn.zwy.search.elastic.SearchUnavailableException(e);
        } finally {
            running.set(false);
        }
    }

    /** Whether tenant-service has the tenant (a tenant seen in an event may since be gone): skipped when not. */
    private boolean catalogKnows(String tenant) {
        try {
            catalog.items(tenant, null, null, null, null, null, null, null, 1, null).block(CALL);
            return true;
        } catch (WebClientResponseException.NotFound e) {
            log.warn("rebuild skips tenant {}: tenant-service does not know it", tenant);
            return false;
        }
    }

    /** A version read from the catalog as the event that announced it would carry it. */
    static GuideViews.Event event(GuideViews.Item item, GuideViews.Version v) {
        String tenant = item.tenantCode();
        List<String> path = new ArrayList<>();
        for (int len : new int[] {2, 4, 6, 9}) if (len <= tenant.length()) path.add(tenant.substring(0, len));
        return new GuideViews.Event(v.id(), item.id(), tenant, item.tenantName(), path, v.number(), v.status(), v.changeKind(),
                v.reason(), v.announcedAt(), v.effectiveFrom(), item.basicCode(), v.standard().name(), v.standard(), v.guide());
    }

    /** The documents of versions in effect, as the projection makes them, their payloads kept for standard changes. */
    private List<GuideDocument> documents(List<GuideViews.Event> events) {
        store.sources(events.stream().map(e -> new GuideStore.Source(e.itemId(), e.tenantCode(),
                e.standard() == null ? null : e.standard().id(), e.number(), json.writeValueAsString(e))).toList());
        return projection.documents(events);
    }

    /** Documents made from events as the projection makes them (a benchmark's synthetic catalog). */
    int load(List<GuideViews.Event> events) {
        try {
            List<GuideDocument> docs = documents(events);
            for (String target : index.writeTargets()) index.bulk(target, docs);
            for (GuideViews.Event e : events) store.seen(e.tenantCode());
            return docs.size();
        } catch (IOException e) {
            throw new cn.zwy.search.elastic.SearchUnavailableException(e);
        }
    }
}
