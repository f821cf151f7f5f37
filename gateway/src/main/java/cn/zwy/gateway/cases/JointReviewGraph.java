package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.JointReviewApi;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Joint cases (联合办理, C10): the departments' reviews of a case, acted on by the case's own centre. */
@Controller
public class JointReviewGraph {

    private final JointReviewApi reviews;

    public JointReviewGraph(JointReviewApi reviews) {
        this.reviews = reviews;
    }

    public record AnswerJointReviewInput(String caseId, Long version, String window, String department, Boolean agreed, String opinion) {}

    public record EscalateJointReviewInput(String caseId, Long version, String window, String department, String upperAuthority) {}

    public record RecordJointUpperReplyInput(String caseId, Long version, String window, String department, Boolean approved,
                                             String reply) {}

    /** Whoever sees the case sees its reviews (case-service checks again); empty when the case is not joint. */
    @SchemaMapping(typeName = "Case", field = "jointReviews")
    public Mono<List<JointReviewApi.JointReview>> jointReviews(CaseView c) {
        return reviews.list(c.id());
    }

    @MutationMapping
    public Mono<CaseGraph.CasePayload> answerJointReview(@Argument AnswerJointReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return CaseGraph.payload(reviews.answer(CaseGraph.actsFor(jwt, input.caseId()),
                new JointReviewApi.Answer(input.version(), input.window(), input.department(), input.agreed(), input.opinion())));
    }

    @MutationMapping
    public Mono<CaseGraph.CasePayload> escalateJointReview(@Argument EscalateJointReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return CaseGraph.payload(reviews.escalate(CaseGraph.actsFor(jwt, input.caseId()),
                new JointReviewApi.Escalate(input.version(), input.window(), input.department(), input.upperAuthority())));
    }

    @MutationMapping
    public Mono<CaseGraph.CasePayload> recordJointUpperReply(@Argument RecordJointUpperReplyInput input, @AuthenticationPrincipal Jwt jwt) {
        return CaseGraph.payload(reviews.upperReply(CaseGraph.actsFor(jwt, input.caseId()),
                new JointReviewApi.UpperReply(input.version(), input.window(), input.department(), input.approved(), input.reply())));
    }
}
