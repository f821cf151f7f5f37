package cn.zwy.cases.filing;

import cn.zwy.cases.api.WalletApi;
import cn.zwy.cases.api.WalletAccess;
import cn.zwy.cases.api.WalletDocument;
import cn.zwy.common.security.Callers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST of the citizen's document wallet (G4): the paths and types of case-api's {@link WalletApi}. */
@RestController
class WalletController {

    private final DocumentWallet wallet;

    WalletController(DocumentWallet wallet) {
        this.wallet = wallet;
    }

    @GetMapping(WalletApi.WALLET)
    List<WalletDocument> mine() {
        return wallet.mine(Callers.require());
    }

    @GetMapping(WalletApi.FILE)
    ResponseEntity<byte[]> file(@PathVariable String id) {
        MaterialUploads.StoredFile f = wallet.download(Callers.require(), id);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.parseMediaType(f.mediaType()));
        h.setContentDisposition(ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build());
        h.setCacheControl("no-store");
        return ResponseEntity.ok().headers(h).body(f.content());
    }

    @GetMapping(WalletApi.ACCESS)
    List<WalletAccess> access(@PathVariable String id) {
        return wallet.accessOf(Callers.require(), id);
    }

    @DeleteMapping(WalletApi.DOCUMENT)
    WalletDocument delete(@PathVariable String id) {
        return wallet.delete(Callers.require(), id);
    }
}
