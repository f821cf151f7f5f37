package cn.zwy.gateway.limits;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The file downloads beside GraphQL (the supervision workbooks, a wallet document): signed in, counted in the
 * caller's operations per minute like every GraphQL operation, then the service's file with only its type and file
 * name passed on, never cached.
 */
@Component
public class AdmittedFiles {

    private final CallerLedger limits;
    private final LimitsProperties limitProps;

    public AdmittedFiles(CallerLedger limits, LimitsProperties limitProps) {
        this.limits = limits;
        this.limitProps = limitProps;
    }

    public Mono<ResponseEntity<byte[]>> admitted(Jwt jwt, ServerWebExchange exchange, Function<Caller, Mono<ResponseEntity<byte[]>>> file) {
        if (jwt == null) return Mono.error(ApiException.unauthenticated());
        Caller caller = Caller.of(jwt);
        return limits.admit(CallerKey.of(jwt, exchange.getRequest().getRemoteAddress())).flatMap(admission -> {
            if (admission.operationsThisMinute() > limitProps.perMinute()) {
                return Mono.error(new ApiException(ErrorCode.RATE_LIMITED,
                        "请求过于频繁（每分钟最多 " + limitProps.perMinute() + " 次），请稍后再试", null, null));
            }
            return Mono.defer(() -> file.apply(caller));
        }).map(r -> {
            HttpHeaders h = new HttpHeaders();
            h.setContentType(r.getHeaders().getContentType());
            h.setContentDisposition(r.getHeaders().getContentDisposition());
            h.setCacheControl("no-store");
            return ResponseEntity.ok().headers(h).body(r.getBody());
        });
    }
}
