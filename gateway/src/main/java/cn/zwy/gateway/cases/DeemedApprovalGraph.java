package cn.zwy.gateway.cases;

import cn.zwy.cases.api.DeemedApprovalApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Deemed approval on timeout per item (C9): the tenancy check here, the centre-administrator rule in case-service. */
@Controller
public class DeemedApprovalGraph {

    private final DeemedApprovalApi deemed;

    public DeemedApprovalGraph(DeemedApprovalApi deemed) {
        this.deemed = deemed;
    }

    public record SetDeemedApprovalInput(String itemId, Boolean enabled) {}

    public record SetDeemedApprovalPayload(DeemedApprovalApi.Item item) {}

    @QueryMapping
    public Mono<List<DeemedApprovalApi.Item>> deemedApprovalItems(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的事项设置");
        return deemed.items(tenantCode);
    }

    @MutationMapping
    public Mono<SetDeemedApprovalPayload> setDeemedApproval(@Argument SetDeemedApprovalInput input, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped item = Ids.scoped("itemId", input.itemId());
        if (!Callers.require(jwt).actsFor(item.tenantCode())) throw ApiException.forbidden("只能设置本中心的事项");
        return deemed.set(item.tenantCode(), input.itemId(), new DeemedApprovalApi.Switch(input.enabled()))
                .map(SetDeemedApprovalPayload::new);
    }
}
