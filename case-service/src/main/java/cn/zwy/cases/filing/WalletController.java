package cn.zwy.cases.filing;

import cn.zwy.cases.api.WalletApi;
import cn.zwy.cases.api.WalletDocument;
import cn.zwy.common.security.Callers;
import java.util.List;
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

    @DeleteMapping(WalletApi.DOCUMENT)
    WalletDocument delete(@PathVariable String id) {
        return wallet.delete(Callers.require(), id);
    }
}
