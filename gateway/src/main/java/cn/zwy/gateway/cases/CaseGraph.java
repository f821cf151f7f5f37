package cn.zwy.gateway.cases;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.CaseUpdatesApi;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.InboxFilter;
import cn.zwy.cases.api.DishonestyEntry;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.SubmitCaseRequest;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.gateway.cases.CaseInputs.AcceptCaseInput;
import cn.zwy.gateway.cases.CaseInputs.AssignCaseInput;
import cn.zwy.gateway.cases.CaseInputs.CompleteCaseInput;
import cn.zwy.gateway.cases.CaseInputs.ConfirmDeliveryInput;
import cn.zwy.gateway.cases.CaseInputs.CorrectCaseInput;
import cn.zwy.gateway.cases.CaseInputs.DecideExtensionInput;
import cn.zwy.gateway.cases.CaseInputs.DeliverCaseInput;
import cn.zwy.gateway.cases.CaseInputs.EndRemoteAgencyInput;
import cn.zwy.gateway.cases.CaseInputs.ForwardCaseInput;
import cn.zwy.gateway.cases.CaseInputs.HandOverCaseResultInput;
import cn.zwy.gateway.cases.CaseInputs.IssueOneTimeNoticeInput;
import cn.zwy.gateway.cases.CaseInputs.ReceiveForwardedCaseInput;
import cn.zwy.gateway.cases.CaseInputs.RejectCaseInput;
import cn.zwy.gateway.cases.CaseInputs.RequestExtensionInput;
import cn.zwy.gateway.cases.CaseInputs.RevealCasePersonalDataInput;
import cn.zwy.gateway.cases.CaseInputs.ReturnCaseResultInput;
import cn.zwy.gateway.cases.CaseInputs.StartRemoteAgencyInput;
import cn.zwy.gateway.cases.CaseInputs.WithdrawCaseInput;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cases (办件) for citizens and staff. A case id carries its tenant ({@code <tenant>:<uuid>}), so
 * the gateway's tenancy layer applies before any call: staff act only for their own tenant
 * ({@code actsFor}) and read only what they may ({@code mayRead}); a citizen's ownership of a case
 * and every role rule (front desk, approver, centre administrator) are case-service's, which checks
 * the same token again (ADR 0008). Another citizen's case is null, as the schema says.
 */
@Controller
public class CaseGraph {

    private final CaseApi cases;
    private final CaseUpdatesApi updates;

    public CaseGraph(CaseApi cases, CaseUpdatesApi updates) {
        this.cases = cases;
        this.updates = updates;
    }

    // ------------------------------------------------------------------ queries

    @QueryMapping("case")
    public Mono<CaseView> caseById(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped s = Ids.scoped("id", id);
        Caller caller = Callers.require(jwt);
        // staff of another tenant pass only as a possible receiving hall (C12): case-service shows them a case
        // received there and nothing else (NOT_FOUND, answered null)
        if (caller.realm() == Realm.STAFF && !caller.mayRead(s.tenantCode()) && caller.tenant().filter(caller::actsFor).isEmpty()) {
            throw ApiException.forbidden("只能查看本中心的办件");
        }
        return cases.get(id).onErrorResume(CaseGraph::unknownCase, e -> Mono.empty());
    }

    /**
     * Live updates of one case (ADR 0012): case-service's server-sent events, one case view each, read
     * for this caller there (so authorised as {@code case(id)}; the same tenancy check here first). Unlike
     * {@code case(id)}, another citizen's case is an error NOT_FOUND: a subscription has no null to answer.
     */
    @SubscriptionMapping
    public Flux<CaseView> caseUpdated(@Argument String id, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped s = Ids.scoped("id", id);
        Caller caller = Callers.require(jwt);
        if (caller.realm() == Realm.STAFF && !caller.mayRead(s.tenantCode())) {
            throw ApiException.forbidden("只能查看本中心的办件");
        }
        return updates.updates(s.tenantCode() + ":" + s.id());
    }

    @QueryMapping
    public Mono<Connection<CaseSummary>> myCases(@Argument Integer first, @Argument String after,
                                                 @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        checkFirst(first);
        return cases.mine(first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<Connection<CaseSummary>> caseInbox(@Argument String tenantCode, @Argument InboxFilter filter, @Argument String departmentId,
                                                   @Argument Integer first, @Argument String after, @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        checkFirst(first);
        return cases.inbox(tenantCode, filter, departmentId, first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<List<DishonestyEntry>> dishonestyList(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        requireReader(jwt, tenantCode);
        return cases.dishonesty(tenantCode);
    }

    // ------------------------------------------------------------------ citizen

    public record SubmitCasePayload(Receipt receipt) {}

    /** {@code case} is a Java keyword: the payloads' {@code case} field is read through {@link #getCase()}. */
    public record CasePayload(CaseView view) {
        public CaseView getCase() { return view; }
    }

    @MutationMapping
    public Mono<SubmitCasePayload> submitCase(@Argument SubmitCaseRequest input, @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        Ids.scoped("itemId", input.itemId());
        return cases.submit(input).map(SubmitCasePayload::new);
    }

    @MutationMapping
    public Mono<CasePayload> correctCase(@Argument CorrectCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        return payload(cases.correct(caseId(input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> withdrawCase(@Argument WithdrawCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        return payload(cases.withdraw(caseId(input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> confirmDelivery(@Argument ConfirmDeliveryInput input, @AuthenticationPrincipal Jwt jwt) {
        Callers.require(jwt);
        return payload(cases.confirmDelivery(caseId(input.caseId())));
    }

    // ------------------------------------------------------------------ staff

    @MutationMapping
    public Mono<CasePayload> acceptCase(@Argument AcceptCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.accept(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> issueOneTimeNotice(@Argument IssueOneTimeNoticeInput input, @AuthenticationPrincipal Jwt jwt) {
        // the owner's front desk, or the hall that received the case for its owner (its form check, C12)
        return payload(cases.issueOneTimeNotice(reachedBy(jwt, input.caseId(), "只能办理本中心的办件或本大厅收件的通办件"), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> rejectCase(@Argument RejectCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.reject(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> assignCase(@Argument AssignCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.assign(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> completeCase(@Argument CompleteCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.complete(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> deliverCase(@Argument DeliverCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.deliver(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> requestExtension(@Argument RequestExtensionInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.requestExtension(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> decideExtension(@Argument DecideExtensionInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.decideExtension(actsFor(jwt, input.caseId()), input.body()));
    }

    public record RevealCasePersonalDataPayload(String field, String value) {}

    /** M3: the audited "show" — the case's own tenant's staff only; case-service records the read before answering. */
    @MutationMapping
    public Mono<RevealCasePersonalDataPayload> revealCasePersonalData(@Argument RevealCasePersonalDataInput input,
                                                                      @AuthenticationPrincipal Jwt jwt) {
        return cases.revealPersonalData(actsFor(jwt, input.caseId()), input.body())
                .map(v -> new RevealCasePersonalDataPayload(v.field(), v.value()))
                .onErrorMap(CaseGraph::onCaseIdField);
    }

    // ------------------------------------------------------------------ same-city / cross-region (C12), remote agency (C13)

    /** The receiving hall: its staff act on a case of another tenant received there (case-service checks which). */
    @MutationMapping
    public Mono<CasePayload> forwardCase(@Argument ForwardCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.forward(receivingHall(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> handOverCaseResult(@Argument HandOverCaseResultInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.handOverResult(receivingHall(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> receiveForwardedCase(@Argument ReceiveForwardedCaseInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.receiveForwarded(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> returnCaseResult(@Argument ReturnCaseResultInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.returnResult(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> startRemoteAgency(@Argument StartRemoteAgencyInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.startAgency(actsFor(jwt, input.caseId()), input.body()));
    }

    @MutationMapping
    public Mono<CasePayload> endRemoteAgency(@Argument EndRemoteAgencyInput input, @AuthenticationPrincipal Jwt jwt) {
        return payload(cases.endAgency(actsFor(jwt, input.caseId()), input.body()));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Staff acting for their own tenant on a case whose id names another (the owner): only as the hall
     * that received it (C12), which case-service checks under row-level security bound to the caller's tenant.
     */
    private static String receivingHall(Jwt jwt, String value) {
        return reachedBy(jwt, value, "只有收件大厅的工作人员可以转交通办件");
    }

    /**
     * Staff of a tenant that another tenant's case reaches (the hall that received it, C12; the level it was
     * sent up to, C11): they act for their own tenant, and case-service checks the reach under row-level security.
     */
    static String reachedBy(Jwt jwt, String value, String refusal) {
        String id = caseId(value);
        Caller caller = Callers.require(jwt);
        if (caller.tenant().filter(caller::actsFor).isEmpty()) throw ApiException.forbidden(refusal);
        return id;
    }

    /** A well-formed case id ({@code <tenant>:<uuid>}), or VALIDATION on {@code caseId} before any call. */
    private static String caseId(String value) {
        Ids.Scoped s = Ids.scoped("caseId", value);
        return s.tenantCode() + ":" + s.id();
    }

    /** Staff of the case's own tenant only: another tenant's staff (or a province's administrator) never act on it. */
    static String actsFor(Jwt jwt, String value) {
        String id = caseId(value);
        Caller caller = Callers.require(jwt);
        String tenant = id.substring(0, id.indexOf(':'));
        if (!caller.actsFor(tenant)) throw ApiException.forbidden("只能办理本中心（" + tenant + "）的办件");
        return id;
    }

    private static void requireReader(Jwt jwt, String tenantCode) {
        if (!Callers.require(jwt).mayRead(tenantCode)) {
            throw ApiException.forbidden("无权查看 " + tenantCode + " 的办件");
        }
    }

    private static void checkFirst(Integer first) {
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
    }

    /**
     * A mutation's answer. case-service names the case it acts on {@code id} (its path variable); in
     * the mutations' inputs it is {@code caseId}, so an error about it names the field the client sent.
     */
    static Mono<CasePayload> payload(Mono<CaseView> answer) {
        return answer.map(CasePayload::new).onErrorMap(CaseGraph::onCaseIdField);
    }

    static Throwable onCaseIdField(Throwable e) {
        if (e instanceof ApiException a && "id".equals(a.field())) {
            return new ApiException(a.code(), a.getMessage(), "caseId", a.rule());
        }
        return e;
    }

    /** NOT_FOUND on the id: unknown, or another citizen's case; the schema answers null for both. */
    private static boolean unknownCase(Throwable e) {
        return e instanceof ApiException a && a.code() == ErrorCode.NOT_FOUND && "id".equals(a.field());
    }
}
