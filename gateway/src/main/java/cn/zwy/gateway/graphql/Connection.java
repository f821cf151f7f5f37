package cn.zwy.gateway.graphql;

import cn.zwy.common.api.Page;
import java.util.List;
import java.util.function.Function;

/** A Relay cursor connection. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    /** Builds a forward page from items that each know their cursor. */
    public static <I, T> Connection<T> of(List<I> items, Function<I, String> cursor, Function<I, T> node,
                                          boolean hasNextPage, boolean hasPreviousPage, long totalCount) {
        List<Edge<T>> edges = items.stream().map(i -> new Edge<>(cursor.apply(i), node.apply(i))).toList();
        return new Connection<>(edges, new PageInfo(hasNextPage, hasPreviousPage,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                totalCount);
    }

    /**
     * A service's page as a connection; {@code after} tells whether there is a page before. Where
     * the service does not count the whole list, {@code totalCount} is the number on this page.
     */
    public static <T> Connection<T> of(Page<T> page, String after) {
        return of(page.items(), Page.Item::cursor, Page.Item::node, page.hasNextPage(), after != null,
                page.totalCount() == null ? page.items().size() : page.totalCount());
    }
}
