package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.ReviewApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Reviews (好差评, V1–V9; ADR 0020). A citizen reviews their own case or visit and lists what they may still review; the
 * tenant's staff (and its province's administrator) read its reviews without the reviewer (V9) and its indicators (V7,
 * V8); the tenant's staff take bad reviews through the rectification loop (V6; who may take which step is case-service's
 * to decide). The tenancy and realm checks are made here before any call; case-service checks the token again.
 */
@Controller
public class ReviewGraph {

    private final ReviewApi reviews;

    public ReviewGraph(ReviewApi reviews) {
        this.reviews = reviews;
    }

    public record ReviewCaseInput(String idempotencyKey, String caseId, String level, List<String> reasons, String otherReason, String comment) {}

    public record ReviewVisitInput(String idempotencyKey, String ticketId, String level, List<String> reasons, String otherReason, String comment) {}

    public record ReviewFilter(Boolean bad, Boolean aboutMe, String rectification) {}

    public record AssignBadReviewInput(String reviewId, String assignee, Integer version) {}

    public record VerifyBadReviewInput(String reviewId, String finding, String reply, Boolean listReviewer, String listingReason, Integer version) {}

    public record RectifyBadReviewInput(String reviewId, String measures, Integer version) {}

    public record CallBackBadReviewInput(String reviewId, Boolean satisfied, String note, Integer version) {}

    public record CloseBadReviewInput(String reviewId, String note, Integer version) {}

    public record LiftReviewDishonestyInput(String entryId, String reason) {}

    public record ReviewPayload(ReviewApi.Review review) {}

    public record LiftReviewDishonestyPayload(ReviewApi.DishonestyListing entry) {}

    public record BadReviewReason(String code, String label) {}

    /** Public: the reasons a bad review may choose (V5). */
    @QueryMapping
    public List<BadReviewReason> badReviewReasons() {
        return ReviewApi.BAD_REASONS.stream().map(r -> new BadReviewReason(r.getFirst(), r.getLast())).toList();
    }

    @QueryMapping
    public Mono<Connection<ReviewApi.PendingReview>> myPendingReviews(@Argument Integer first, @Argument String after,
                                                                       @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return reviews.pending(first(first), after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<Connection<ReviewApi.Review>> reviews(@Argument String tenantCode, @Argument ReviewFilter filter, @Argument Integer first,
                                                      @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        staffReads(jwt, tenantCode);
        ReviewFilter f = filter == null ? new ReviewFilter(null, null, null) : filter;
        return reviews.reviews(tenantCode, f.bad(), f.aboutMe(), f.rectification(), first(first), after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<ReviewApi.Indicators> reviewIndicators(@Argument String tenantCode, @Argument String dimension, @Argument LocalDate from,
                                                       @Argument LocalDate to, @AuthenticationPrincipal Jwt jwt) {
        staffReads(jwt, tenantCode);
        return reviews.indicators(tenantCode, dimension, from, to);
    }

    @QueryMapping
    public Mono<List<ReviewApi.DishonestyListing>> reviewDishonestyList(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        staffReads(jwt, tenantCode);
        return reviews.dishonesty(tenantCode);
    }

    @MutationMapping
    public Mono<ReviewPayload> reviewCase(@Argument ReviewCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return reviews.reviewCase(scoped("caseId", input.caseId()),
                new ReviewApi.ReviewRequest(input.idempotencyKey(), input.level(), input.reasons(), input.otherReason(), input.comment()))
                .map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<ReviewPayload> reviewVisit(@Argument ReviewVisitInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return reviews.reviewVisit(scoped("ticketId", input.ticketId()),
                new ReviewApi.ReviewRequest(input.idempotencyKey(), input.level(), input.reasons(), input.otherReason(), input.comment()))
                .map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<ReviewPayload> assignBadReview(@Argument AssignBadReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return reviews.assign(staffActs(jwt, "reviewId", input.reviewId()), new ReviewApi.Assign(input.assignee(), input.version())).map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<ReviewPayload> verifyBadReview(@Argument VerifyBadReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return reviews.verify(staffActs(jwt, "reviewId", input.reviewId()), new ReviewApi.Verify(input.finding(), input.reply(), input.listReviewer(),
                input.listingReason(), input.version())).map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<ReviewPayload> rectifyBadReview(@Argument RectifyBadReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return reviews.rectify(staffActs(jwt, "reviewId", input.reviewId()), new ReviewApi.Rectify(input.measures(), input.version())).map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<ReviewPayload> callBackBadReview(@Argument CallBackBadReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return reviews.callBack(staffActs(jwt, "reviewId", input.reviewId()), new ReviewApi.CallBack(input.satisfied(), input.note(), input.version()))
                .map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<ReviewPayload> closeBadReview(@Argument CloseBadReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return reviews.close(staffActs(jwt, "reviewId", input.reviewId()), new ReviewApi.Close(input.note(), input.version())).map(ReviewPayload::new);
    }

    @MutationMapping
    public Mono<LiftReviewDishonestyPayload> liftReviewDishonesty(@Argument LiftReviewDishonestyInput input, @AuthenticationPrincipal Jwt jwt) {
        return reviews.lift(staffActs(jwt, "entryId", input.entryId()), new ReviewApi.Lift(input.reason())).map(LiftReviewDishonestyPayload::new);
    }

    private static void citizen(Jwt jwt) {
        if (Callers.require(jwt).realm() != Realm.CITIZEN) {
            throw ApiException.forbidden("评价只能由办事群众本人（公众账号）作出或查看，工作人员不能代为评价（V9）");
        }
    }

    private static void staffReads(Jwt jwt, String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的好差评");
    }

    private static String staffActs(Jwt jwt, String field, String id) {
        String scoped = scoped(field, id);
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(scoped.substring(0, scoped.indexOf(':')))) {
            throw ApiException.forbidden("只能处理本中心的差评");
        }
        return scoped;
    }

    private static String scoped(String field, String id) {
        Ids.Scoped s = Ids.scoped(field, id);
        return s.tenantCode() + ":" + s.id();
    }

    private static Integer first(Integer first) {
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return first;
    }
}
