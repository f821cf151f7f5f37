package cn.zwy.gateway.search;

import cn.zwy.tenant.api.hall.HallView;
import java.util.List;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/**
 * search-service's hall search, as an HTTP service proxy like the tenant-api contracts. It lives
 * here until search-service has a contract module of its own: the gateway is its only caller.
 */
@HttpExchange
public interface SearchApi {

    /** search-service's result page. */
    record SearchPage(List<Item> items, boolean hasNextPage, long totalCount) {
        public record Item(String cursor, HallView hall) {}
    }

    @GetExchange("/api/halls/search")
    Mono<SearchPage> searchHalls(@RequestParam(required = false) String text,
                                 @RequestParam(required = false) String regionPrefix,
                                 @RequestParam(required = false) Integer first,
                                 @RequestParam(required = false) String after);
}
