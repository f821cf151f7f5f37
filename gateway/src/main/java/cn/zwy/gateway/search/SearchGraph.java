package cn.zwy.gateway.search;

import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.hall.HallNode;
import cn.zwy.gateway.upstream.ServiceClient;
import cn.zwy.gateway.upstream.ServiceUri;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Hall search, served by search-service from Elasticsearch (always scoped to a region). */
@Controller
public class SearchGraph {

    /** search-service's result page. */
    public record SearchPage(List<Item> items, boolean hasNextPage, long totalCount) {
        public record Item(String cursor, HallNode hall) {}
    }

    private final ServiceClient searchService;

    public SearchGraph(@Qualifier("searchService") ServiceClient searchService) {
        this.searchService = searchService;
    }

    @QueryMapping
    public Mono<Connection<HallNode>> searchHalls(@Argument String text, @Argument String regionPrefix,
                                                  @Argument Integer first, @Argument String after) {
        return searchService.get(ServiceUri.of("/api/halls/search").query("text", text)
                                .query("regionPrefix", regionPrefix).query("first", first).query("after", after),
                        SearchPage.class, null)
                .map(p -> Connection.of(p.items(), SearchPage.Item::cursor, SearchPage.Item::hall,
                        p.hasNextPage(), after != null, p.totalCount()));
    }
}
