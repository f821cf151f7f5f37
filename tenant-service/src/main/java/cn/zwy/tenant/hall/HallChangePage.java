package cn.zwy.tenant.hall;

import java.util.List;

/** One page of the change record, newest first; {@code cursor} of each item feeds {@code after}. */
public record HallChangePage(List<Item> items, boolean hasNextPage, long totalCount) {
    public record Item(String cursor, HallChangeView change) {}
}
