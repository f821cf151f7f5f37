package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.ComplaintApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Complaints (投诉, P1–P5; ADR 0023). A citizen files and follows their own complaints and answers the result; the
 * tenant's staff record complaints received on site, by phone, letter or email and read the tenant's complaints (its
 * province's administrator reads them too, without the complainant); the centre's administrator or supervisor imports
 * 12345 tickets and takes the steps (which role may take which step is case-service's to decide). The realm and
 * tenancy checks are made here before any call and before ids are parsed; case-service checks the token again.
 */
@Controller
public class ComplaintGraph {

    private final ComplaintApi complaints;

    public ComplaintGraph(ComplaintApi complaints) {
        this.complaints = complaints;
    }

    public record FileComplaintInput(String idempotencyKey, String tenantCode, String channel, String complainantName, String contactPhone,
                                     String contactEmail, Boolean confidential, String hallId, String windowId, String windowName, String staffName,
                                     String reason, String expectation) {}

    public record RecordComplaintInput(String idempotencyKey, String tenantCode, String channel, String complainantName, String contactPhone,
                                       String contactEmail, Boolean confidential, String hallId, String windowId, String windowName, String staffName,
                                       String staffUsername, String reason, String expectation) {}

    public record ImportHotlineComplaintInput(String tenantCode, String hotlineTicket, String complainantName, String contactPhone,
                                              String contactEmail, Boolean confidential, String hallId, String windowId, String windowName,
                                              String staffName, String staffUsername, String reason, String expectation) {}

    public record ComplaintFilter(String state, Boolean late, Boolean aboutMe, String channel) {}

    public record AcceptComplaintInput(String complaintId, Boolean onSpot, Integer version) {}

    public record RefuseComplaintInput(String complaintId, String reason, String channel, String guidance, Integer version) {}

    public record AssignComplaintHandlingInput(String complaintId, String mode, String complexity, String department, String handler, Integer version) {}

    public record DelayComplaintInput(String complaintId, String notice, Integer workingDays, Integer version) {}

    public record RecordComplaintResultInput(String complaintId, String result, Boolean verified, String staffUsername, String staffName,
                                             Integer version) {}

    public record AnswerComplaintSatisfactionInput(String complaintId, Boolean satisfied, String comment) {}

    public record RequestComplaintReviewInput(String complaintId, String reason) {}

    public record ComplaintPayload(ComplaintApi.Complaint complaint) {}

    @QueryMapping
    public Mono<Connection<ComplaintApi.Complaint>> myComplaints(@Argument Integer first, @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        return complaints.mine(first(first), after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<Connection<ComplaintApi.Complaint>> complaints(@Argument String tenantCode, @Argument ComplaintFilter filter, @Argument Integer first,
                                                               @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        staffReads(jwt, tenantCode);
        ComplaintFilter f = filter == null ? new ComplaintFilter(null, null, null, null) : filter;
        return complaints.complaints(tenantCode, f.state(), f.late(), f.aboutMe(), f.channel(), first(first), after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<ComplaintApi.Complaint> complaint(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        String scoped = scoped("id", id);
        if (caller.realm() != Realm.CITIZEN && !caller.mayRead(tenantOf(scoped))) throw ApiException.notFound("id", "没有这件投诉: " + id);
        return complaints.complaint(scoped);
    }

    @QueryMapping
    public Mono<ComplaintApi.Appraisal> complaintAppraisal(@Argument String tenantCode, @Argument Integer year, @Argument String dimension,
                                                           @AuthenticationPrincipal Jwt jwt) {
        staffReads(jwt, tenantCode);
        return complaints.appraisal(tenantCode, year, dimension);
    }

    @MutationMapping
    public Mono<ComplaintPayload> fileComplaint(@Argument FileComplaintInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        tenant(input.tenantCode());
        return complaints.file(new ComplaintApi.ComplaintRequest(input.idempotencyKey(), input.tenantCode(), input.channel(), null,
                input.complainantName(), input.contactPhone(), input.contactEmail(), input.confidential(), uuid("hallId", input.hallId()),
                uuid("windowId", input.windowId()), input.windowName(), input.staffName(), null, input.reason(), input.expectation()))
                .map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> recordComplaint(@Argument RecordComplaintInput input, @AuthenticationPrincipal Jwt jwt) {
        staffActsFor(jwt, input.tenantCode());
        return complaints.record(input.tenantCode(), new ComplaintApi.ComplaintRequest(input.idempotencyKey(), input.tenantCode(), input.channel(),
                null, input.complainantName(), input.contactPhone(), input.contactEmail(), input.confidential(), uuid("hallId", input.hallId()),
                uuid("windowId", input.windowId()), input.windowName(), input.staffName(), input.staffUsername(), input.reason(),
                input.expectation())).map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> importHotlineComplaint(@Argument ImportHotlineComplaintInput input, @AuthenticationPrincipal Jwt jwt) {
        staffActsFor(jwt, input.tenantCode());
        return complaints.importHotline(input.tenantCode(), new ComplaintApi.ComplaintRequest(input.hotlineTicket(), input.tenantCode(),
                "HOTLINE_12345", input.hotlineTicket(), input.complainantName(), input.contactPhone(), input.contactEmail(), input.confidential(),
                uuid("hallId", input.hallId()), uuid("windowId", input.windowId()), input.windowName(), input.staffName(), input.staffUsername(),
                input.reason(), input.expectation())).map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> acceptComplaint(@Argument AcceptComplaintInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.accept(staffActs(jwt, input.complaintId()), new ComplaintApi.Accept(input.onSpot(), input.version())).map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> refuseComplaint(@Argument RefuseComplaintInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.refuse(staffActs(jwt, input.complaintId()), new ComplaintApi.Refuse(input.reason(), input.channel(), input.guidance(),
                input.version())).map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> assignComplaintHandling(@Argument AssignComplaintHandlingInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.assign(staffActs(jwt, input.complaintId()), new ComplaintApi.Assign(input.mode(), input.complexity(), input.department(),
                input.handler(), input.version())).map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> delayComplaint(@Argument DelayComplaintInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.delay(staffActs(jwt, input.complaintId()), new ComplaintApi.Delay(input.notice(), input.workingDays(), input.version()))
                .map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> recordComplaintResult(@Argument RecordComplaintResultInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.result(staffActs(jwt, input.complaintId()), new ComplaintApi.Result(input.result(), input.verified(), input.staffUsername(),
                input.staffName(), input.version())).map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> answerComplaintSatisfaction(@Argument AnswerComplaintSatisfactionInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.satisfaction(complainantOrStaff(jwt, input.complaintId()), new ComplaintApi.Satisfaction(input.satisfied(), input.comment()))
                .map(ComplaintPayload::new);
    }

    @MutationMapping
    public Mono<ComplaintPayload> requestComplaintReview(@Argument RequestComplaintReviewInput input, @AuthenticationPrincipal Jwt jwt) {
        return complaints.requestReview(complainantOrStaff(jwt, input.complaintId()), new ComplaintApi.ReviewRequest(input.reason()))
                .map(ComplaintPayload::new);
    }

    private static void citizen(Jwt jwt) {
        if (Callers.require(jwt).realm() != Realm.CITIZEN) {
            throw ApiException.forbidden("此操作仅供投诉人本人（公众账号）；工作人员代为登记请使用 recordComplaint");
        }
    }

    private static void tenant(String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
    }

    private static void staffReads(Jwt jwt, String tenantCode) {
        tenant(tenantCode);
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的投诉");
    }

    private static void staffActsFor(Jwt jwt, String tenantCode) {
        tenant(tenantCode);
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) throw ApiException.forbidden("只能处理本中心的投诉");
    }

    private static String staffActs(Jwt jwt, String id) {
        Caller caller = Callers.require(jwt);
        String scoped = scoped("complaintId", id);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantOf(scoped))) throw ApiException.forbidden("只能处理本中心的投诉");
        return scoped;
    }

    /** The complainant (their own, checked by case-service) or the tenant's staff. */
    private static String complainantOrStaff(Jwt jwt, String id) {
        Caller caller = Callers.require(jwt);
        String scoped = scoped("complaintId", id);
        if (caller.realm() == Realm.STAFF && !caller.actsFor(tenantOf(scoped))) throw ApiException.forbidden("只能处理本中心的投诉");
        return scoped;
    }

    private static String scoped(String field, String id) {
        Ids.Scoped s = Ids.scoped(field, id);
        return s.tenantCode() + ":" + s.id();
    }

    private static String tenantOf(String scoped) {
        return scoped.substring(0, scoped.indexOf(':'));
    }

    private static String uuid(String field, String id) {
        return id == null || id.isBlank() ? null : Ids.uuid(field, id).toString();
    }

    private static Integer first(Integer first) {
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return first;
    }
}
