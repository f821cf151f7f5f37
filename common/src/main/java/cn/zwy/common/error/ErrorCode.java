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
    UNAVAILABLE(503, "依赖的系统暂不可用，请稍后重试"),
    /** Search (Elasticsearch) cannot answer now; the catalog itself (items, item) still can. Nothing was changed. */
    SEARCH_UNAVAILABLE(503, "搜索服务暂不可用"),
    /** The caller's request rate or query-cost budget is used up for now; retry after the time given. */
    RATE_LIMITED(429, "请求过于频繁，请稍后再试"),
    /** The query's calculated cost is above what one request may cost; ask for fewer or smaller pages. */
    QUERY_TOO_COSTLY(400, "查询开销超出单次请求上限"),
    /** The request body or the GraphQL document is larger than the gateway accepts. */
    REQUEST_TOO_LARGE(413, "请求过大");

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
