package cn.zwy.cases.api;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/** The citizen's document wallet (G4): case-service's {@code WalletController}; the caller's own documents only. */
@HttpExchange
public interface WalletApi {

    String WALLET = "/api/wallet";
    String DOCUMENT = "/api/wallet/{id}";

    @GetExchange(WALLET)
    Mono<List<WalletDocument>> mine();

    @DeleteExchange(DOCUMENT)
    Mono<WalletDocument> delete(@PathVariable String id);
}
