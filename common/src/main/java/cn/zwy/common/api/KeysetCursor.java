package cn.zwy.common.api;

import cn.zwy.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The cursor of a list paged newest first on {@code (instant, id)} (keyset paging: a row's place never
 * shifts when rows are added): opaque to clients, and checked when it comes back, so a forged or
 * damaged cursor is a VALIDATION error on its field, never a server error.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static KeysetCursor decode(String field, String cursor) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (p.length != 2) throw new IllegalArgumentException();
            return new KeysetCursor(Instant.parse(p[0]), UUID.fromString(p[1]));
        } catch (RuntimeException e) {
            throw ApiException.validation(field, "分页游标无效");
        }
    }

    /** A page's size: {@code first}, 20 when absent, refused outside 1..max. */
    public static int pageSize(Integer first, int max) {
        if (first == null) return 20;
        if (first < 1 || first > max) throw ApiException.validation("first", "first 应在 1 到 " + max + " 之间");
        return first;
    }
}
