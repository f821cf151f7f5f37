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
 * Complaints (投诉, P1–P5; ADR 0023): filed by the complainant from their account (app, mini-program, website),
 * recorded by the tenant's staff for a complaint received on site, by phone, letter or email, or imported from the
 * 12345 hotline (idempotent on its ticket number); accepted or refused within 3 working days (P2); handled by direct
 * investigation, transfer or supervision in 3/10 working days, up to 30 with a written delay notice (P3); the result
 * answered satisfied or not, a review asked within 15 working days (P4); verified complaints per staff member and
 * window per year (P5). case-service's {@code complaint} module answers these paths; the gateway calls them with the
 * caller's token. Complaint ids are {@code <tenantCode>:<uuid>}.
 */
@HttpExchange
public interface ComplaintApi {

    String FILE = "/api/complaints";
    String RECORD = "/api/complaints/tenants/{tenantCode}/record";
    String HOTLINE = "/api/complaints/tenants/{tenantCode}/hotline";
    String MINE = "/api/complaints/mine";
    String LIST = "/api/complaints/tenants/{tenantCode}";
    String APPRAISAL = "/api/complaints/tenants/{tenantCode}/appraisal";
    String ONE = "/api/complaints/{id}";
    String ACCEPT = "/api/complaints/{id}/accept";
    String REFUSE = "/api/complaints/{id}/refuse";
    String ASSIGN = "/api/complaints/{id}/assign";
    String DELAY = "/api/complaints/{id}/delay";
    String RESULT = "/api/complaints/{id}/result";
    String SATISFACTION = "/api/complaints/{id}/satisfaction";
    String REVIEW = "/api/complaints/{id}/review";

    /** The channels of P1; APP, MINI_PROGRAM and WEBSITE are the complainant's own, HOTLINE_12345 the import's. */
    List<String> CITIZEN_CHANNELS = List.of("APP", "MINI_PROGRAM", "WEBSITE");
    List<String> STAFF_CHANNELS = List.of("ON_SITE", "PHONE", "LETTER", "EMAIL");

    /** A citizen files a complaint from their own account (channel APP, MINI_PROGRAM or WEBSITE; tenantCode in the body). */
    @PostExchange(FILE)
    Mono<Complaint> file(@RequestBody ComplaintRequest request);

    /** The tenant's staff record a complaint received on site, by phone, letter or email, on the complainant's behalf. */
    @PostExchange(RECORD)
    Mono<Complaint> record(@PathVariable("tenantCode") String tenantCode, @RequestBody ComplaintRequest request);

    /** 12345: the tenant's centre administrator or supervisor imports a hotline ticket; the same ticket again answers the same complaint. */
    @PostExchange(HOTLINE)
    Mono<Complaint> importHotline(@PathVariable("tenantCode") String tenantCode, @RequestBody ComplaintRequest request);

    /** The calling citizen's complaints, newest first. */
    @GetExchange(MINE)
    Mono<Page<Complaint>> mine(@RequestParam(value = "first", required = false) Integer first,
                               @RequestParam(value = "after", required = false) String after);

    /**
     * The tenant's staff (and its province's administrator): its complaints, newest first. {@code state}: FILED,
     * ACCEPTED, REFUSED or RESULT_GIVEN; {@code late}: only those past their current step's deadline; {@code aboutMe}:
     * those about the caller; {@code channel}: one channel.
     */
    @GetExchange(LIST)
    Mono<Page<Complaint>> complaints(@PathVariable("tenantCode") String tenantCode,
                                     @RequestParam(value = "state", required = false) String state,
                                     @RequestParam(value = "late", required = false) Boolean late,
                                     @RequestParam(value = "aboutMe", required = false) Boolean aboutMe,
                                     @RequestParam(value = "channel", required = false) String channel,
                                     @RequestParam(value = "first", required = false) Integer first,
                                     @RequestParam(value = "after", required = false) String after);

    /** One complaint: its complainant (their own) or the tenant's staff; NOT_FOUND for anyone else. */
    @GetExchange(ONE)
    Mono<Complaint> complaint(@PathVariable("id") String id);

    /** P5: verified complaints of a year per staff member or window, with the bar on an "excellent" rating (3 or more). */
    @GetExchange(APPRAISAL)
    Mono<Appraisal> appraisal(@PathVariable("tenantCode") String tenantCode, @RequestParam("year") int year,
                              @RequestParam("dimension") String dimension);

    @PostExchange(ACCEPT)
    Mono<Complaint> accept(@PathVariable("id") String id, @RequestBody Accept request);

    @PostExchange(REFUSE)
    Mono<Complaint> refuse(@PathVariable("id") String id, @RequestBody Refuse request);

    @PostExchange(ASSIGN)
    Mono<Complaint> assign(@PathVariable("id") String id, @RequestBody Assign request);

    @PostExchange(DELAY)
    Mono<Complaint> delay(@PathVariable("id") String id, @RequestBody Delay request);

    @PostExchange(RESULT)
    Mono<Complaint> result(@PathVariable("id") String id, @RequestBody Result request);

    @PostExchange(SATISFACTION)
    Mono<Complaint> satisfaction(@PathVariable("id") String id, @RequestBody Satisfaction request);

    @PostExchange(REVIEW)
    Mono<Complaint> requestReview(@PathVariable("id") String id, @RequestBody ReviewRequest request);

    /**
     * A complaint as filed, recorded or imported. {@code idempotencyKey}: the same key again answers the first complaint
     * (for the hotline the ticket number is the key). {@code contactPhone} and/or {@code contactEmail}: the complainant's
     * contact (P1). What it is about: {@code windowId} (a window of the tenant), {@code windowName} (as the complainant
     * names it), {@code hallId}, {@code staffName} (as named) or {@code staffUsername} (staff only). {@code confidential}:
     * the complainant hidden from the staff complained about and from the window's staff.
     */
    record ComplaintRequest(String idempotencyKey, String tenantCode, String channel, String hotlineTicket, String complainantName,
                            String contactPhone, String contactEmail, Boolean confidential, String hallId, String windowId, String windowName,
                            String staffName, String staffUsername, String reason, String expectation) {}

    /** Who complained: to the complainant, the handling staff, and all the tenant's staff unless confidential (P1). */
    record Complainant(String name, String phoneMasked, String emailMasked, boolean hasAccount) {}

    /** P2: why a complaint was not accepted and where to go instead. */
    record Refusal(String reason, String channel, String guidance, Instant at, String by) {}

    /**
     * The current step's clock: {@code step} ACCEPTANCE (decide within 3 working days, P2), HANDLING (3/10/30 by
     * complexity, P3) or REVIEW (a review may be asked until the day, P4); {@code colour} GREEN, YELLOW (due today or
     * on the next working day) or RED (past).
     */
    record Clock(String step, LocalDate dueOn, String colour) {}

    /**
     * A complaint. {@code state}: FILED (to accept or refuse), ACCEPTED (being handled), REFUSED, RESULT_GIVEN.
     * {@code complainant}: null where hidden ({@code complainantHidden}); {@code lateSteps}: the steps that went past
     * their deadline (ACCEPTANCE, HANDLING), staff only.
     */
    record Complaint(String id, String tenantCode, String channel, String hotlineTicket, String state, Complainant complainant,
                     boolean complainantHidden, boolean confidential, String hallId, String windowId, String windowName, String staffUsername,
                     String staffName, String reason, String expectation, Instant filedAt, String recordedBy, LocalDate acceptDueOn,
                     Instant acceptedAt, Boolean acceptedOnSpot, Refusal refusal, String handlingMode, String complexity, String department,
                     String handler, LocalDate handleDueOn, String delayNotice, Instant delayedAt, String result, Boolean verified,
                     Instant resultAt, LocalDate reviewClosesOn, Boolean satisfied, String satisfactionComment, Instant answeredAt,
                     Instant reviewRequestedAt, String reviewReason, Clock clock, List<String> lateSteps, int version, boolean replayed) {}

    /** {@code onSpot}: decided on the spot (当场受理) rather than after checking. */
    record Accept(Boolean onSpot, Integer version) {}

    /**
     * P2: {@code reason} (required) and {@code channel} where the complainant should go: LITIGATION (诉讼), ARBITRATION
     * (仲裁), ADMINISTRATIVE_RECONSIDERATION (行政复议), PETITION (信访), DEPARTMENT (the competent department);
     * {@code guidance}: the text told to the complainant (a standard one per channel when absent).
     */
    record Refuse(String reason, String channel, String guidance, Integer version) {}

    /** P3: {@code mode} DIRECT (直查), TRANSFER (转办, to {@code department}) or SUPERVISE (督办); {@code complexity} SIMPLE or COMPLEX. */
    record Assign(String mode, String complexity, String department, String handler, Integer version) {}

    /** P3: the written delay notice (required) and the new limit in working days from acceptance (at most 30). */
    record Delay(String notice, Integer workingDays, Integer version) {}

    /** P4/P5: the result told to the complainant; {@code verified}: the complaint was found true; who it was about. */
    record Result(String result, Boolean verified, String staffUsername, String staffName, Integer version) {}

    record Satisfaction(Boolean satisfied, String comment) {}

    record ReviewRequest(String reason) {}

    /** P5: one staff member or window; {@code excellentBarred} when {@code verified} ≥ 3 in the year. */
    record AppraisalRow(String key, String label, int verified, boolean excellentBarred) {}

    /** {@code dimension}: STAFF or WINDOW. */
    record Appraisal(String tenantCode, int year, String dimension, int threshold, List<AppraisalRow> rows) {}

    /** The standard guidance told with a refusal, per channel (P2). */
    static String guidance(String channel) {
        return switch (channel) {
            case "LITIGATION" -> "该事项依法应通过诉讼解决，请向有管辖权的人民法院提起诉讼。";
            case "ARBITRATION" -> "该事项依法应通过仲裁解决，请向有关仲裁机构申请仲裁。";
            case "ADMINISTRATIVE_RECONSIDERATION" -> "该事项依法应通过行政复议解决，请在法定期限内向行政复议机关申请行政复议。";
            case "PETITION" -> "该事项已进入或应通过信访程序处理，请向信访工作机构反映。";
            case "DEPARTMENT" -> "该事项属于有关职能部门职责，请向该部门提出。";
            default -> null;
        };
    }
}
