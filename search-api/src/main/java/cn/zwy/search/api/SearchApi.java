package cn.zwy.search.api;

import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.hall.HallView;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * search-service's REST API as the gateway calls it (an HTTP service proxy, ADR 0008);
 * search-service's controllers map the same paths (the constants below). Search is public data,
 * always scoped to a region (T2); errors are problem details with {@code code} and {@code field}.
 */
@HttpExchange
public interface SearchApi {

    String HALL_SEARCH = "/api/halls/search";

    /** Halls best first, in the {@link Page} every service answers with; found halls read as tenant-service shows them. */
    @GetExchange(HALL_SEARCH)
    Mono<Page<HallView>> searchHalls(@RequestParam(name = "text", required = false) String text,
                                     @RequestParam(name = "regionPrefix", required = false) String regionPrefix,
                                     @RequestParam(name = "first", required = false) Integer first,
                                     @RequestParam(name = "after", required = false) String after);
}
