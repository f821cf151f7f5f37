package cn.zwy.search.api.guide;

import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.SixWay;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Guide search of search-service (ADR 0019) as the gateway calls it. Public data, and every call
 * names the citizen's region ({@code regionCode}: a county, town or village): a result is a guide of
 * the region's own county or its towns, or of another tenant whose item may be filed from there
 * (同城通办, 全省通办, 跨省通办; S7). Errors are problem details with {@code code} and {@code field};
 * Elasticsearch down is 503 with code {@code SEARCH_UNAVAILABLE}.
 */
@HttpExchange
public interface GuideSearchApi {

    String SEARCH = "/api/guides/search";
    String SUGGEST = "/api/guides/suggest";
    String GUIDE = "/api/guides/{tenantCode}/{id}";
    String REBUILD = "/api/guides/index/rebuild";
    /** Bulk load of guide events (a benchmark's synthetic catalog); not part of the gateway's API. */
    String LOAD = "/api/guides/index/documents";
    /** The Elasticsearch request body of a search (a benchmark replays it straight to Elasticsearch); not part of the gateway's API. */
    String QUERY = "/api/guides/index/query";

    /**
     * The guides best first, with the facet counts of the whole result under the filters. {@code parts}: what to
     * compute (the gateway sends what the GraphQL selection asks for); none named means all.
     */
    @GetExchange(SEARCH)
    Mono<GuideSearchPage> search(@RequestParam(name = "text", required = false) String text,
                                 @RequestParam(name = "regionCode", required = false) String regionCode,
                                 @RequestParam(name = "audience", required = false) List<Audience> audience,
                                 @RequestParam(name = "tag", required = false) List<SixWay> tags,
                                 @RequestParam(name = "department", required = false) List<String> departments,
                                 @RequestParam(name = "caseClass", required = false) List<CaseClass> caseClasses,
                                 @RequestParam(name = "theme", required = false) List<String> themes,
                                 @RequestParam(name = "first", required = false) Integer first,
                                 @RequestParam(name = "after", required = false) String after,
                                 @RequestParam(name = "part", required = false) List<GuideSearchPart> parts);

    /** Completions of what the citizen has typed so far, within the same scope as the search. */
    @GetExchange(SUGGEST)
    Mono<List<GuideSuggestion>> suggest(@RequestParam(name = "prefix", required = false) String prefix,
                                        @RequestParam(name = "regionCode", required = false) String regionCode);

    /** The platform operator or a provincial administrator: rebuilds the index from tenant-service's catalog, with zero downtime. */
    @PostExchange(REBUILD)
    Mono<IndexRebuilt> rebuild();

    /** One guide as search shows it, or 404 when it is unknown or out of the region's scope. */
    @GetExchange(GUIDE)
    Mono<GuideHit> guide(@PathVariable String tenantCode, @PathVariable String id,
                         @RequestParam(name = "regionCode", required = false) String regionCode);
}
