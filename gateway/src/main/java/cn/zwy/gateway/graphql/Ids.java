package cn.zwy.gateway.graphql;

import cn.zwy.common.error.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids given as GraphQL arguments, checked before they become URI variables of a service call: a
 * malformed one is a VALIDATION error on its field, the service is not called.
 */
public final class Ids {

    private static final Pattern SCOPED_ID = Pattern.compile("(\\d{4}|\\d{6}|\\d{9}|\\d{12}):[0-9a-fA-F-]{36}");

    private Ids() {}

    /** A {@code <tenant>:<uuid>} id, as the catalog's items and versions have. */
    public record Scoped(String tenantCode, UUID id) {}

    public static UUID uuid(String field, String value) {
        if (value == null) return null;
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) return id;
        } catch (IllegalArgumentException ignored) {
            // below
        }
        throw ApiException.validation(field, "参数 " + field + " 格式不正确");
    }

    public static Scoped scoped(String field, String value) {
        if (value == null || !SCOPED_ID.matcher(value).matches()) {
            throw ApiException.validation(field, "编号格式不正确（应为 区划代码:UUID）: " + value);
        }
        int colon = value.indexOf(':');
        return new Scoped(value.substring(0, colon), uuid(field, value.substring(colon + 1)));
    }
}
