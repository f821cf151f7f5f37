package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.SupervisionApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.gateway.graphql.Connection;
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

/** Approval–supervision split (审管分离, C15): the tenancy check here, the rules in case-service. */
@Controller
public class SupervisionGraph {

    private final SupervisionApi supervision;

    public SupervisionGraph(SupervisionApi supervision) {
        this.supervision = supervision;
    }

    public record SetSupervisingDepartmentInput(String itemId, String departmentId) {}

    public record SetSupervisingDepartmentPayload(SupervisionApi.Item item) {}

    public record AcknowledgeSupervisionPayload(SupervisionApi.Push push) {}

    @QueryMapping
    public Mono<List<SupervisionApi.Item>> supervisionItems(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的事项设置");
        return supervision.items(tenantCode);
    }

    @QueryMapping
    public Mono<Connection<SupervisionApi.Push>> supervisionInbox(@Argument String tenantCode, @Argument String departmentId,
                                                                  @Argument Boolean unacknowledgedOnly, @Argument Integer first,
                                                                  @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        if (!Callers.require(jwt).mayRead(tenantCode)) throw ApiException.forbidden("无权查看 " + tenantCode + " 的监管推送");
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return supervision.inbox(tenantCode, departmentId, unacknowledgedOnly, first, after).map(p -> Connection.of(p, after));
    }

    @MutationMapping
    public Mono<SetSupervisingDepartmentPayload> setSupervisingDepartment(@Argument SetSupervisingDepartmentInput input,
                                                                          @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped item = Ids.scoped("itemId", input.itemId());
        if (!Callers.require(jwt).actsFor(item.tenantCode())) throw ApiException.forbidden("只能设置本中心的事项");
        return supervision.set(item.tenantCode(), input.itemId(), new SupervisionApi.Assign(input.departmentId()))
                .map(SetSupervisingDepartmentPayload::new);
    }

    @MutationMapping
    public Mono<AcknowledgeSupervisionPayload> acknowledgeSupervision(@Argument String caseId, @AuthenticationPrincipal Jwt jwt) {
        return supervision.acknowledge(CaseGraph.actsFor(jwt, caseId)).map(AcknowledgeSupervisionPayload::new);
    }
}
