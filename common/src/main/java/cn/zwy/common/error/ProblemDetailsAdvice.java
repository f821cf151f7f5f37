package cn.zwy.common.error;

import cn.zwy.common.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Internal REST errors of every service, as RFC 9457 problem details in the shared vocabulary. */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(ProblemDetails.of(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(ProblemDetails.of(ErrorCode.VALIDATION, "请求内容无法解析: " + e.getMostSpecificCause().getMessage(), null, null));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return respond(ProblemDetails.of(ErrorCode.VALIDATION, "缺少参数 " + e.getParameterName(), e.getParameterName(), null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(ProblemDetails.of(ErrorCode.VALIDATION, "参数 " + e.getName() + " 格式不正确", e.getName(), null));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return respond(ProblemDetails.of(ErrorCode.CONFLICT, "数据已被他人修改，请刷新后重试", "expectedVersion", null));
    }

    /**
     * The database cannot be reached (restarting, failing over, the pool timed out waiting for a connection): a clear
     * 503 UNAVAILABLE instead of a bare 500. The transaction did not begin or was rolled back, so a retry (with the
     * same idempotency key where the operation takes one) is safe.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        log.warn("database unavailable: {}", e.toString());
        return respond(ProblemDetails.of(ErrorCode.UNAVAILABLE, "数据库暂不可用，本次操作未生效，请稍后重试", null, null));
    }

    @ExceptionHandler(TenantContext.MissingTenantException.class)
    ResponseEntity<ProblemDetail> noTenant(TenantContext.MissingTenantException e) {
        log.error("request reached the database without a tenant", e);
        return respond(ProblemDetails.of(ErrorCode.FORBIDDEN, "请求未确定所属租户，已拒绝", null, null));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).body(p);
    }
}
