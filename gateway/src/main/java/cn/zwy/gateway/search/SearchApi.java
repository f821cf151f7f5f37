package cn.zwy.gateway.search;

import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.common.api.Page;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * search-service's hall search (halls best first, in the {@link Page} every service answers with), as an HTTP service proxy like the tenant-api contracts. It lives
 * here until search-service has a contract module of its own: the gateway is its only caller.
 */
@HttpExchange
public interface SearchApi {

    @GetExchange("/api/halls/search")
    Mono<Page<HallView>> searchHalls(@RequestParam(required = false) String text,
                                 @RequestParam(required = false) String regionPrefix,
                                 @RequestParam(required = false) Integer first,
                                 @RequestParam(required = false) String after);
}
