package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.common.security.Callers;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link JointReviewApi} (C10). */
@RestController
class JointReviewController {

    private final CaseService cases;
    private final JointReviews reviews;

    JointReviewController(CaseService cases, JointReviews reviews) {
        this.cases = cases;
        this.reviews = reviews;
    }

    @GetMapping(JointReviewApi.REVIEWS)
    List<JointReviewApi.JointReview> list(@PathVariable String id) {
        return reviews.list(Callers.require(), id);
    }

    @GetMapping(JointReviewApi.PENDING)
    List<JointReviewApi.PendingReview> pending(@PathVariable String tenantCode, @RequestParam(required = false) String department) {
        return reviews.pending(Callers.require(), tenantCode, department);
    }

    @PostMapping(JointReviewApi.ANSWER)
    CaseView answer(@PathVariable String id, @RequestBody(required = false) JointReviewApi.Answer body) {
        return cases.answerJointReview(Callers.require(), id, body);
    }

    @PostMapping(JointReviewApi.ESCALATE)
    CaseView escalate(@PathVariable String id, @RequestBody(required = false) JointReviewApi.Escalate body) {
        return cases.escalateJointReview(Callers.require(), id, body);
    }

    @PostMapping(JointReviewApi.UPPER_REPLY)
    CaseView upperReply(@PathVariable String id, @RequestBody(required = false) JointReviewApi.UpperReply body) {
        return cases.recordJointUpperReply(Callers.require(), id, body);
    }
}
