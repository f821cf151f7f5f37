package cn.zwy.cases.api;

import java.util.List;
import org.springframework.http.ResponseEntity;
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
    String FILE = "/api/wallet/{id}/file";
    String ACCESS = "/api/wallet/{id}/access";

    @GetExchange(WALLET)
    Mono<List<WalletDocument>> mine();

    /** The held file, as uploaded (type and file name in the headers); the download is recorded. */
    @GetExchange(FILE)
    Mono<ResponseEntity<byte[]>> file(@PathVariable String id);

    /** The document's recorded uses, oldest first. */
    @GetExchange(ACCESS)
    Mono<List<WalletAccess>> access(@PathVariable String id);

    @DeleteExchange(DOCUMENT)
    Mono<WalletDocument> delete(@PathVariable String id);
}
