package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.EntrustmentApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Assisted agency (帮办代办, C14): the entrustment on a case, recorded by the case's own centre. */
@Controller
public class EntrustmentGraph {

    private final EntrustmentApi entrustments;

    public EntrustmentGraph(EntrustmentApi entrustments) {
        this.entrustments = entrustments;
    }

    public record RecordEntrustmentInput(String caseId, Long version, String window, String agentName, String agentPhone,
                                         List<String> items, List<String> materials, Double agencyFee) {
        EntrustmentApi.Record body() {
            return new EntrustmentApi.Record(version, window, agentName, agentPhone, items, materials, agencyFee);
        }
    }

    /** Whoever sees the case sees its entrustment (case-service checks again); null when it has none. */
    @SchemaMapping(typeName = "Case", field = "entrustment")
    public Mono<EntrustmentApi.Entrustment> entrustment(CaseView c) {
        return entrustments.get(c.id()).onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND,
                e -> Mono.empty());
    }

    @MutationMapping
    public Mono<CaseGraph.CasePayload> recordEntrustment(@Argument RecordEntrustmentInput input, @AuthenticationPrincipal Jwt jwt) {
        return CaseGraph.payload(entrustments.record(CaseGraph.actsFor(jwt, input.caseId()), input.body()));
    }
}
