package cn.zwy.search.hall;

import java.util.List;

/** One page of search results, best first; {@code cursor} of each item feeds {@code after}. */
public record HallSearchPage(List<Item> items, boolean hasNextPage, long totalCount) {
    public record Item(String cursor, HallView hall) {}
}
