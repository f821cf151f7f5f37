package cn.zwy.common.error;

/**
 * An error a caller should see: a code, a specific message, and where it applies the
 * offending input field and the domain rule (e.g. {@code S5}).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final String rule;

    public ApiException(ErrorCode code, String message, String field, String rule) {
        super(message);
        this.code = code;
        this.field = field;
        this.rule = rule;
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION, message, field, null);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message, field, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message, null, null);
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "需要登录后访问", null, null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(ErrorCode.CONFLICT, message, field, null);
    }

    public ErrorCode code() { return code; }

    public String field() { return field; }

    public String rule() { return rule; }
}
