package cn.zwy.search.elastic;

import cn.zwy.common.error.ProblemDetails;
import cn.zwy.common.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 503 as a problem detail with code {@code SEARCH_UNAVAILABLE} (the gateway's GraphQL error says the same),
 * and where a citizen can still go: the catalog of each tenant is served by tenant-service, not by search.
 */
@RestControllerAdvice
class SearchUnavailableAdvice {

    static final String MESSAGE = "搜索服务暂不可用，请稍后再试；各地的办事指南目录仍可按地区浏览";

    private static final Logger log = LoggerFactory.getLogger(SearchUnavailableAdvice.class);

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.warn("search refused: {}", e.getCause().toString());
        ProblemDetail p = ProblemDetails.of(ErrorCode.SEARCH_UNAVAILABLE, MESSAGE, null, null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(p);
    }
}
