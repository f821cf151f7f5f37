package cn.zwy.gateway.onething;

import cn.zwy.cases.api.WalletApi;
import cn.zwy.cases.api.WalletDocument;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.gateway.identity.Callers;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The citizen's document wallet (G4): their own documents only; case-service checks the caller again. */
@Controller
public class WalletGraph {

    private static final java.util.regex.Pattern WALLET_ID = java.util.regex.Pattern.compile("w:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final WalletApi wallet;

    public WalletGraph(WalletApi wallet) {
        this.wallet = wallet;
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
        // only a well-formed wallet id reaches case-service's path; anything else names no document
        if (input.id() == null || !WALLET_ID.matcher(input.id()).matches()) {
            throw ApiException.notFound("id", "证照夹中没有这份文件: " + input.id());
        }
        return wallet.delete(input.id()).map(DeleteWalletDocumentPayload::new);
    }

    private static void citizen(Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("证照夹只属于申请人本人（公众账号）");
    }
}
