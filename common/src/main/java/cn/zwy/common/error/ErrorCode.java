package cn.zwy.common.error;

/** The one error vocabulary: GraphQL {@code extensions.code} and the {@code code} of a problem detail. */
public enum ErrorCode {
    UNAUTHENTICATED(401, "未登录或登录已失效"),
    FORBIDDEN(403, "无权执行此操作"),
    NOT_FOUND(404, "未找到"),
    VALIDATION(400, "输入不合法"),
    CONFLICT(409, "数据已被他人修改或重复提交"),
    RULE_VIOLATION(422, "违反业务规则"),
    /** A system the request depends on (e.g. Keycloak) cannot be reached; nothing was changed, retry later. */
    UNAVAILABLE(503, "依赖的系统暂不可用，请稍后重试");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() { return status; }

    public String title() { return title; }

    public static ErrorCode fromStatus(int status) {
        for (ErrorCode c : values()) if (c.status == status) return c;
        return status >= 500 ? null : VALIDATION;
    }
}
