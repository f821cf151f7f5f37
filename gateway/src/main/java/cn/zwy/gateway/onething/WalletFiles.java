package cn.zwy.gateway.onething;

import cn.zwy.cases.api.WalletApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ProblemDetails;
import cn.zwy.common.security.Realm;
import cn.zwy.gateway.limits.AdmittedFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * G4: {@code GET /wallet/{id}/file} — a citizen downloads a document their wallet holds, beside GraphQL because it is
 * a file. Only a well-formed wallet id reaches case-service (its typed contract, with the caller's own token), which
 * checks the owner again and records the download. Refusals are RFC 9457 problem details with code and field.
 */
@RestController
public class WalletFiles {

    private final WalletApi wallet;
    private final AdmittedFiles files;

    public WalletFiles(WalletApi wallet, AdmittedFiles files) {
        this.wallet = wallet;
        this.files = files;
    }

    @GetMapping("/wallet/{id}/file")
    Mono<ResponseEntity<byte[]>> file(@PathVariable String id, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return files.admitted(jwt, exchange, caller -> {
            if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("证照夹只属于申请人本人（公众账号）");
            WalletGraph.requireWalletId(id);
            return wallet.file(id);
        });
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        return ResponseEntity.status(HttpStatus.valueOf(e.code().status())).body(ProblemDetails.of(e));
    }
}
