package cn.zwy.tenant.catalog;

import java.util.List;

/** One forward page of a list; each item carries the cursor that continues after it. */
public record Page<T>(List<Item<T>> items, boolean hasNextPage) {
    public record Item<T>(String cursor, T node) {}
}
