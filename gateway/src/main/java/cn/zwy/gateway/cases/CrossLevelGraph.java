package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.CrossLevelApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Cross-level cases (跨层联办, C11): sent up by the first-receiving unit, replied to by the level above. */
@Controller
public class CrossLevelGraph {

    private final CrossLevelApi crossLevel;

    public CrossLevelGraph(CrossLevelApi crossLevel) {
        this.crossLevel = crossLevel;
    }

    public record EscalateCaseInput(String caseId, Long version, String window, String reason) {}

    public record ReplyToEscalationInput(String caseId, Long version, String window, Boolean approved, String reply) {}

    /** Whoever sees the case sees where it was sent up (case-service checks again); null when it was not. */
    @SchemaMapping(typeName = "Case", field = "escalation")
    public Mono<CrossLevelApi.Escalation> escalation(CaseView c) {
        return crossLevel.get(c.id()).onErrorResume(e -> e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND,
                e -> Mono.empty());
    }

    @MutationMapping
    public Mono<CaseGraph.CasePayload> escalateCase(@Argument EscalateCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return CaseGraph.payload(crossLevel.escalate(CaseGraph.actsFor(jwt, input.caseId()),
                new CrossLevelApi.Escalate(input.version(), input.window(), input.reason())));
    }

    @MutationMapping
    public Mono<CaseGraph.CasePayload> replyToEscalation(@Argument ReplyToEscalationInput input, @AuthenticationPrincipal Jwt jwt) {
        return CaseGraph.payload(crossLevel.reply(CaseGraph.reachedBy(jwt, input.caseId(), "只有办件转报到的上级工作人员可以批复"),
                new CrossLevelApi.Reply(input.version(), input.window(), input.approved(), input.reply())));
    }
}
