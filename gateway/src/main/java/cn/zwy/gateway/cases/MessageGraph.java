package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Realm;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The citizen's in-app messages about their cases (ADR 0012). Citizens only; which messages are the
 * caller's is case-service's (it binds the token's subject under row-level security).
 */
@Controller
public class MessageGraph {

    private final CaseApi cases;

    public MessageGraph(CaseApi cases) {
        this.cases = cases;
    }

    public record MarkMessageReadPayload(CitizenMessage message) {}

    @QueryMapping
    public Mono<Connection<CitizenMessage>> myMessages(@Argument Integer first, @Argument String after,
                                                      @AuthenticationPrincipal Jwt jwt) {
        requireCitizen(jwt);
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return cases.myMessages(first, after).map(p -> Connection.of(p, after));
    }

    @MutationMapping
    public Mono<MarkMessageReadPayload> markMessageRead(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        requireCitizen(jwt);
        Ids.Scoped s = Ids.scoped("id", id);
        return cases.markMessageRead(s.tenantCode() + ":" + s.id()).map(MarkMessageReadPayload::new);
    }

    private static void requireCitizen(Jwt jwt) {
        if (Callers.require(jwt).realm() != Realm.CITIZEN) {
            throw ApiException.forbidden("消息仅供申请人本人（公众账号）查看");
        }
    }
}
