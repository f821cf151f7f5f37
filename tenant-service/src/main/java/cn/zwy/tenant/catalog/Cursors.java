package cn.zwy.tenant.catalog;

import cn.zwy.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursors: a kind, a sort key and the row id, so that pages never skip or repeat rows. */
public final class Cursors {

    public record Key(String sortKey, UUID id) {}

    private Cursors() {}

    public static String encode(String kind, String sortKey, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "|" + sortKey + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Key decode(String kind, String cursor) {
        if (cursor == null) return null;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(kind)) throw new IllegalArgumentException();
            return new Key(parts[1], UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("after", "分页游标无效: " + cursor);
        }
    }

    /** Version lists page by number, newest first. */
    public static String encodeNumber(String kind, int number) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + "|" + number).getBytes(StandardCharsets.UTF_8));
    }

    public static Integer decodeNumber(String kind, String cursor) {
        if (cursor == null) return null;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2 || !parts[0].equals(kind)) throw new IllegalArgumentException();
            return Integer.parseInt(parts[1]);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("after", "分页游标无效: " + cursor);
        }
    }

    public static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > 100) throw ApiException.validation("first", "first 应在 1 到 100 之间");
        return size;
    }
}
