package cn.zwy.gateway.onething;

import cn.zwy.cases.api.PrefillApi;
import cn.zwy.cases.api.PrefilledForm;
import cn.zwy.cases.api.WalletAccess;
import cn.zwy.cases.api.WalletApi;
import cn.zwy.cases.api.WalletDocument;
import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.gateway.identity.Callers;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The citizen's document wallet (G4): their own documents only; case-service checks the caller again. */
@Controller
public class WalletGraph {

    private static final java.util.regex.Pattern WALLET_ID = java.util.regex.Pattern.compile("w:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final WalletApi wallet;
    private final PrefillApi prefill;

    public WalletGraph(WalletApi wallet, PrefillApi prefill) {
        this.wallet = wallet;
        this.prefill = prefill;
    }

    /** G4: an item's or a package's filing form pre-filled for the calling citizen. */
    @QueryMapping
    public Mono<PrefilledForm> prefilledForm(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        Ids.scoped("id", id);
        return prefill.prefilled(id);
    }

    @QueryMapping
    public Mono<List<WalletDocument>> myWallet(@AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return wallet.mine();
    }

    public record DeleteWalletDocumentInput(String id) {}

    public record DeleteWalletDocumentPayload(WalletDocument document) {}

    @MutationMapping
    public Mono<DeleteWalletDocumentPayload> deleteWalletDocument(@Argument DeleteWalletDocumentInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        requireWalletId(input.id());
        return wallet.delete(input.id()).map(DeleteWalletDocumentPayload::new);
    }

    /** G4: the recorded uses of a document of the caller's wallet (kept, reused with consent, downloaded, deleted). */
    @QueryMapping
    public Mono<List<WalletAccess>> walletDocumentAccess(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        requireWalletId(id);
        return wallet.access(id);
    }

    /** G4: where the held file is downloaded (the gateway's own path with the wallet id, which is only ever "w:<uuid>"). */
    @SchemaMapping(typeName = "WalletDocument", field = "downloadPath")
    public String downloadPath(WalletDocument d) {
        return d.hasFile() ? "/wallet/" + d.id() + "/file" : null;
    }

    /** Only a well-formed wallet id reaches case-service's path; anything else names no document. */
    static void requireWalletId(String id) {
        if (id == null || !WALLET_ID.matcher(id).matches()) {
            throw ApiException.notFound("id", "证照夹中没有这份文件: " + id);
        }
    }

    private static void citizen(Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("证照夹只属于申请人本人（公众账号）");
    }
}
