package cn.zwy.cases.api;

import cn.zwy.common.api.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Reviews (好差评, V1–V9; ADR 0020): a citizen reviews a completed case (一事一评) or a finished visit of the hall queue
 * (一次一评) once; a bad review is rectified in a loop with deadlines (V6); the indicators roll up per staff member,
 * window, department, business line and region (V7, V8). case-service's {@code review} module answers these paths;
 * the gateway calls them with the caller's token. Review ids are {@code <tenantCode>:<uuid>}.
 */
@HttpExchange
public interface ReviewApi {

    String REVIEW_CASE = "/api/reviews/cases/{caseId}";
    String REVIEW_VISIT = "/api/reviews/visits/{ticketId}";
    String PENDING = "/api/reviews/pending";
    String LIST = "/api/reviews/tenants/{tenantCode}";
    String INDICATORS = "/api/reviews/tenants/{tenantCode}/indicators";
    String DISHONESTY = "/api/reviews/tenants/{tenantCode}/dishonesty";
    String ASSIGN = "/api/reviews/{id}/assign";
    String VERIFY = "/api/reviews/{id}/verify";
    String RECTIFY = "/api/reviews/{id}/rectify";
    String CALL_BACK = "/api/reviews/{id}/call-back";
    String CLOSE = "/api/reviews/{id}/close";
    String LIFT = "/api/reviews/dishonesty/{id}/lift";

    /** The applicant reviews their case after completion (or while it is overdue and unfinished, V4). */
    @PostExchange(REVIEW_CASE)
    Mono<Review> reviewCase(@PathVariable("caseId") String caseId, @RequestBody ReviewRequest request);

    /** The citizen reviews their finished visit (the ticket they took, or their booking's). */
    @PostExchange(REVIEW_VISIT)
    Mono<Review> reviewVisit(@PathVariable("ticketId") String ticketId, @RequestBody ReviewRequest request);

    /** The calling citizen's services still open for a review, newest first. */
    @GetExchange(PENDING)
    Mono<Page<PendingReview>> pending(@RequestParam(value = "first", required = false) Integer first,
                                      @RequestParam(value = "after", required = false) String after);

    /**
     * The tenant's staff and its province's administrator: the tenant's reviews, newest first. {@code bad}: only bad
     * (true) or good ones; {@code aboutMe}: only those about the caller's own service; {@code rectification}: bad
     * reviews whose rectification is in that state ({@code LATE}: past the current step's deadline).
     */
    @GetExchange(LIST)
    Mono<Page<Review>> reviews(@PathVariable("tenantCode") String tenantCode,
                               @RequestParam(value = "bad", required = false) Boolean bad,
                               @RequestParam(value = "aboutMe", required = false) Boolean aboutMe,
                               @RequestParam(value = "rectification", required = false) String rectification,
                               @RequestParam(value = "first", required = false) Integer first,
                               @RequestParam(value = "after", required = false) String after);

    /** The tenant's staff and its province's administrator: the indicators of V8 by one dimension, services done from–to. */
    @GetExchange(INDICATORS)
    Mono<Indicators> indicators(@PathVariable("tenantCode") String tenantCode, @RequestParam("dimension") String dimension,
                                @RequestParam(value = "from", required = false) LocalDate from,
                                @RequestParam(value = "to", required = false) LocalDate to);

    /** The centre's administrator (and the province's): reviewers listed for a verified malicious bad review (V5). */
    @GetExchange(DISHONESTY)
    Mono<List<DishonestyListing>> dishonesty(@PathVariable("tenantCode") String tenantCode);

    @PostExchange(ASSIGN)
    Mono<Review> assign(@PathVariable("id") String id, @RequestBody Assign request);

    @PostExchange(VERIFY)
    Mono<Review> verify(@PathVariable("id") String id, @RequestBody Verify request);

    @PostExchange(RECTIFY)
    Mono<Review> rectify(@PathVariable("id") String id, @RequestBody Rectify request);

    @PostExchange(CALL_BACK)
    Mono<Review> callBack(@PathVariable("id") String id, @RequestBody CallBack request);

    @PostExchange(CLOSE)
    Mono<Review> close(@PathVariable("id") String id, @RequestBody Close request);

    @PostExchange(LIFT)
    Mono<DishonestyListing> lift(@PathVariable("id") String id, @RequestBody Lift request);

    /**
     * A review (V1): {@code level} VERY_SATISFIED (10), SATISFIED (8), BASICALLY_SATISFIED (6), DISSATISFIED (3) or
     * VERY_DISSATISFIED (0); the last two are bad and need {@code reasons} (codes of {@link #BAD_REASONS}) or
     * {@code otherReason} (V5). The same idempotency key again answers the first review (replayed).
     */
    record ReviewRequest(String idempotencyKey, String level, List<String> reasons, String otherReason, String comment) {}

    /** The reasons a bad review may choose (V5), code → label. */
    List<List<String>> BAD_REASONS = List.of(
            List.of("ATTITUDE", "服务态度差"), List.of("SLOW", "办事效率低、等候时间长"), List.of("NOT_TOLD_AT_ONCE", "未一次性告知"),
            List.of("REPEATED_MATERIALS", "要求重复提交材料"), List.of("COMPLICATED", "办事流程繁琐"),
            List.of("NOT_DONE", "事项未办成"), List.of("PLATFORM", "系统平台不好用"), List.of("IMPROPER", "工作人员违规、吃拿卡要"));

    /** Who reviewed, for the call back: shown only to the centre's administrators who were not reviewed (V9). */
    record Reviewer(String name, String phoneMasked) {}

    /**
     * A bad review's rectification (V6). {@code state}: OPEN (to assign), ASSIGNED (to verify), VERIFIED (to rectify),
     * RECTIFIED (to call back), CALLED_BACK (to close) or CLOSED; {@code dueOn}: the current step's last working day;
     * {@code overdue}: past it; {@code lateSteps}: the steps that went past their deadline (the warnings).
     */
    record Rectification(String state, LocalDate dueOn, boolean overdue, List<String> lateSteps, String assignee, Instant assignedAt,
                         String finding, String reply, String verifiedBy, Instant verifiedAt, String measures, String rectifiedBy,
                         Instant rectifiedAt, Boolean satisfied, String callBackNote, String calledBackBy, Instant calledBackAt,
                         String closingNote, String closedBy, Instant closedAt, int version) {}

    /**
     * A review. {@code kind} CASE (一事一评) or VISIT (一次一评); {@code subject}: the case number or the ticket number;
     * {@code staffName}, {@code windowName}, {@code departmentName}, {@code lineName}: what was reviewed.
     * {@code reviewer}: null unless the caller is a centre administrator the review is not about (V9).
     */
    record Review(String id, String tenantCode, String kind, String subject, String caseId, String ticketId, String level, int score,
                  boolean bad, List<String> reasons, String otherReason, String comment, Instant createdAt, boolean afterReminder,
                  String staffName, String windowName, String departmentName, String lineName, Reviewer reviewer,
                  Rectification rectification, boolean replayed) {}

    /** A service the citizen may still review: until {@code closesOn} (V4), after which it counts as unrated. */
    record PendingReview(String id, String tenantCode, String kind, String caseId, String ticketId, String subject, String lineName,
                         String windowName, Instant doneAt, LocalDate closesOn, boolean reminded) {}

    /**
     * The indicators of one value of a dimension (V7, V8) over the services done in the period. Rates are null where
     * their denominator is 0. goodRate = good / reviews; activeGoodRate = good / services (the good reviews citizens
     * gave of all the services they could review); unratedRate = unrated / services; replyRate = bad reviews replied
     * to / bad; rectificationRate = valid bad reviews rectified and called back / valid bad; rectificationSatisfaction =
     * satisfied call backs / call backs; averageScore: the average of the direct ratings (V7).
     */
    record Indicator(String key, String label, int services, int reviews, int good, int bad, int unrated, Double averageScore,
                     Double goodRate, Double activeGoodRate, Double unratedRate, int replied, Double replyRate, int validBad,
                     int rectified, Double rectificationRate, int calledBack, int satisfied, Double rectificationSatisfaction) {}

    /** {@code dimension}: STAFF, WINDOW, DEPARTMENT, LINE (business line: the item) or REGION (the tenant). */
    record Indicators(String tenantCode, String dimension, LocalDate from, LocalDate to, List<Indicator> rows) {}

    record DishonestyListing(String id, String reviewId, String reviewer, String reason, String listedBy, LocalDate listedOn,
                             LocalDate expiresOn, boolean active, Instant liftedAt, String liftedBy, String liftReason) {}

    /** {@code assignee}: the username of the staff member who handles it (谁办理、谁负责). */
    record Assign(String assignee, Integer version) {}

    /**
     * {@code finding}: VALID (to be rectified), INVALID or MALICIOUS (closed after verification); {@code reply}: the answer
     * to the reviewer (差评回复, sent to them); {@code listReviewer}: a MALICIOUS finding puts the reviewer on the
     * dishonesty list (V5, centre administrator only), {@code listingReason} saying why.
     */
    record Verify(String finding, String reply, Boolean listReviewer, String listingReason, Integer version) {}

    record Rectify(String measures, Integer version) {}

    /** {@code satisfied}: the reviewer's answer to the call back (回访). */
    record CallBack(Boolean satisfied, String note, Integer version) {}

    record Close(String note, Integer version) {}

    record Lift(String reason) {}
}
