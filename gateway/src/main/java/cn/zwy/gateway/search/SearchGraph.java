package cn.zwy.gateway.search;

import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.hall.HallNode;
import cn.zwy.gateway.upstream.ServiceClient;
import java.util.List;
import java.util.Optional;
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
        return searchService.get(u -> u.path("/api/halls/search").queryParam("text", text)
                                .queryParam("regionPrefix", regionPrefix)
                                .queryParamIfPresent("first", Optional.ofNullable(first))
                                .queryParamIfPresent("after", Optional.ofNullable(after)).build(),
                        SearchPage.class, null)
                .map(p -> Connection.of(p.items(), SearchPage.Item::cursor, SearchPage.Item::hall,
                        p.hasNextPage(), after != null, p.totalCount()));
    }
}
