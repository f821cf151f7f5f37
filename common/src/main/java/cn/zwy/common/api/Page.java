package cn.zwy.common.api;

import java.util.List;
import java.util.function.Function;

/**
 * One forward page of a list, the one paging shape every service answers with and every typed
 * contract module ({@code tenant-api}, {@code case-api}) returns; the gateway turns it into a
 * Relay connection. Each item carries the opaque cursor that continues after it.
 *
 * @param totalCount how many items the whole list holds, or {@code null} where the service does
 *                   not count them (counting is not free on large lists)
 */
public record Page<T>(List<Item<T>> items, boolean hasNextPage, Long totalCount) {

    public record Item<T>(String cursor, T node) {}

    public Page {
        items = List.copyOf(items);
    }

    /** A page whose items know their own cursor. */
    public static <T> Page<T> of(List<T> nodes, Function<T, String> cursor, boolean hasNextPage, Long totalCount) {
        return new Page<>(nodes.stream().map(n -> new Item<>(cursor.apply(n), n)).toList(), hasNextPage, totalCount);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(i -> new Item<>(i.cursor(), f.apply(i.node()))).toList(), hasNextPage, totalCount);
    }
}
