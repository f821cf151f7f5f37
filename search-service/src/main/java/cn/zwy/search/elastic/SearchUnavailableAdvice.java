package cn.zwy.search.elastic;

import cn.zwy.common.error.ProblemDetails;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 503 as a problem detail; no {@code code}, as the shared vocabulary has none for outages. */
@RestControllerAdvice
class SearchUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(SearchUnavailableAdvice.class);

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.warn("search refused: {}", e.getCause().toString());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "搜索服务暂不可用，请稍后再试");
        p.setType(URI.create(ProblemDetails.TYPE_BASE + "unavailable"));
        p.setTitle("服务暂不可用");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(p);
    }
}
