package cn.zwy.tenant.api.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;

/**
 * One thing wrong with catalog input: the field (path relative to the request, e.g.
 * {@code guide.materials[0].copies}), a message for display and, for a business rule, its ID.
 * A malformed value is VALIDATION; a well-formed value breaking a rule is RULE_VIOLATION.
 */
public record Problem(String field, String message, String rule) {

    public static Problem format(String field, String message) {
        return new Problem(field, message, null);
    }

    public static Problem rule(String rule, String field, String message) {
        return new Problem(field, message, rule);
    }

    public ApiException toException() {
        return new ApiException(rule == null ? ErrorCode.VALIDATION : ErrorCode.RULE_VIOLATION, message, field, rule);
    }
}
