package cn.zwy.cases.review;

import cn.zwy.cases.api.ReviewApi;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link ReviewApi}. */
@RestController
class ReviewController {

    private final Reviews reviews;
    private final Rectifications rectifications;
    private final ReviewQueries queries;

    ReviewController(Reviews reviews, Rectifications rectifications, ReviewQueries queries) {
        this.reviews = reviews;
        this.rectifications = rectifications;
        this.queries = queries;
    }

    @PostMapping(ReviewApi.REVIEW_CASE)
    ReviewApi.Review reviewCase(@PathVariable String caseId, @RequestBody(required = false) ReviewApi.ReviewRequest request) {
        return reviews.reviewCase(Callers.require(), caseId, request);
    }

    @PostMapping(ReviewApi.REVIEW_VISIT)
    ReviewApi.Review reviewVisit(@PathVariable String ticketId, @RequestBody(required = false) ReviewApi.ReviewRequest request) {
        return reviews.reviewVisit(Callers.require(), ticketId, request);
    }

    @GetMapping(ReviewApi.PENDING)
    Page<ReviewApi.PendingReview> pending(@RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return reviews.pending(Callers.require(), first, after);
    }

    @GetMapping(ReviewApi.LIST)
    Page<ReviewApi.Review> reviews(@PathVariable String tenantCode, @RequestParam(required = false) Boolean bad,
                                   @RequestParam(required = false) Boolean aboutMe, @RequestParam(required = false) String rectification,
                                   @RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return queries.list(Callers.require(), tenantCode, bad, aboutMe, rectification, first, after);
    }

    @GetMapping(ReviewApi.INDICATORS)
    ReviewApi.Indicators indicators(@PathVariable String tenantCode, @RequestParam(required = false) String dimension,
                                    @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return queries.indicators(Callers.require(), tenantCode, dimension, from, to);
    }

    @GetMapping(ReviewApi.DISHONESTY)
    List<ReviewApi.DishonestyListing> dishonesty(@PathVariable String tenantCode) {
        return rectifications.dishonesty(Callers.require(), tenantCode);
    }

    @PostMapping(ReviewApi.ASSIGN)
    ReviewApi.Review assign(@PathVariable String id, @RequestBody(required = false) ReviewApi.Assign request) {
        return rectifications.assign(Callers.require(), id, request == null ? new ReviewApi.Assign(null, null) : request);
    }

    @PostMapping(ReviewApi.VERIFY)
    ReviewApi.Review verify(@PathVariable String id, @RequestBody(required = false) ReviewApi.Verify request) {
        return rectifications.verify(Callers.require(), id, request == null ? new ReviewApi.Verify(null, null, null, null, null) : request);
    }

    @PostMapping(ReviewApi.RECTIFY)
    ReviewApi.Review rectify(@PathVariable String id, @RequestBody(required = false) ReviewApi.Rectify request) {
        return rectifications.rectify(Callers.require(), id, request == null ? new ReviewApi.Rectify(null, null) : request);
    }

    @PostMapping(ReviewApi.CALL_BACK)
    ReviewApi.Review callBack(@PathVariable String id, @RequestBody(required = false) ReviewApi.CallBack request) {
        return rectifications.callBack(Callers.require(), id, request == null ? new ReviewApi.CallBack(null, null, null) : request);
    }

    @PostMapping(ReviewApi.CLOSE)
    ReviewApi.Review close(@PathVariable String id, @RequestBody(required = false) ReviewApi.Close request) {
        return rectifications.close(Callers.require(), id, request);
    }

    @PostMapping(ReviewApi.LIFT)
    ReviewApi.DishonestyListing lift(@PathVariable String id, @RequestBody(required = false) ReviewApi.Lift request) {
        return rectifications.lift(Callers.require(), id, request);
    }
}
