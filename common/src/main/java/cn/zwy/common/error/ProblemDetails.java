package cn.zwy.common.error;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details carrying the shared error vocabulary as extension members. */
public final class ProblemDetails {

    public static final String TYPE_BASE = "https://zwy.example/problems/";

    private ProblemDetails() {}

    public static ProblemDetail of(ApiException e) {
        return of(e.code(), e.getMessage(), e.field(), e.rule());
    }

    public static ProblemDetail of(ErrorCode code, String detail, String field, String rule) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        p.setType(URI.create(TYPE_BASE + code.name().toLowerCase()));
        p.setTitle(code.title());
        p.setProperty("code", code.name());
        if (field != null) p.setProperty("field", field);
        if (rule != null) p.setProperty("rule", rule);
        return p;
    }
}
