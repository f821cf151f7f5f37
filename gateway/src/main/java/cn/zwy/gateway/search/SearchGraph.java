package cn.zwy.gateway.search;

import cn.zwy.gateway.graphql.Connection;
import cn.zwy.search.api.SearchApi;
import cn.zwy.tenant.api.hall.HallView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Hall search, served by search-service from Elasticsearch (always scoped to a region). */
@Controller
public class SearchGraph {

    private final SearchApi search;

    public SearchGraph(SearchApi search) {
        this.search = search;
    }

    @QueryMapping
    public Mono<Connection<HallView>> searchHalls(@Argument String text, @Argument String regionPrefix,
                                                  @Argument Integer first, @Argument String after) {
        return search.searchHalls(text, regionPrefix, first, after).map(p -> Connection.of(p, after));
    }
}
