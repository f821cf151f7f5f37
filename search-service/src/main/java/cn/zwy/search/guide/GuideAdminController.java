package cn.zwy.search.guide;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Callers;
import cn.zwy.search.api.guide.GuideSearchApi;
import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.search.api.guide.IndexRebuilt;
import cn.zwy.tenant.api.catalog.GuideViews;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The index's administration (ADR 0019): a rebuild, and the bulk load of a benchmark's synthetic catalog.
 * The platform operator or a provincial administrator only (the index serves every province).
 */
@RestController
class GuideAdminController {

    static final int MAX_LOAD = 5_000;

    private final GuideRebuild rebuild;
    private final GuideSearchService search;

    GuideAdminController(GuideRebuild rebuild, GuideSearchService search) {
        this.rebuild = rebuild;
        this.search = search;
    }

    record QueryRequest(String text, String regionCode, Integer first, List<GuideSearchPart> parts) {}

    /** The Elasticsearch body of a search as the public API would send it (for the latency benchmark's raw side). */
    @PostMapping(value = GuideSearchApi.QUERY, produces = "application/json")
    String query(@RequestBody QueryRequest q) {
        requireAdmin();
        return search.elasticsearchRequest(q.text(), q.regionCode(), q.first() == null ? 20 : q.first(), q.parts());
    }

    @PostMapping(GuideSearchApi.REBUILD)
    IndexRebuilt rebuild() {
        requireAdmin();
        return rebuild.rebuild();
    }

    @PostMapping(GuideSearchApi.LOAD)
    int load(@RequestBody List<GuideViews.Event> events) {
        requireAdmin();
        if (events.size() > MAX_LOAD) throw ApiException.validation("events", "一次最多导入 " + MAX_LOAD + " 条");
        return rebuild.load(events);
    }

    private static void requireAdmin() {
        Caller caller = Callers.require();
        if (!caller.isPlatformOperator() && !caller.isProvincialAdmin()) {
            throw ApiException.forbidden("只有平台运营人员或省级管理员可以重建搜索索引");
        }
    }
}
