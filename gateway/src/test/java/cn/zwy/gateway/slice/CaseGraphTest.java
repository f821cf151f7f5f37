package cn.zwy.gateway.slice;

import static cn.zwy.gateway.slice.TestCallers.LIANSHAN;
import static cn.zwy.gateway.slice.TestCallers.YANGSHAN;
import static cn.zwy.gateway.slice.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.CaseUpdatesApi;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.InboxFilter;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.cases.CaseGraph;
import cn.zwy.gateway.graphql.SubscriptionErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The case resolvers against a mocked case-api contract: the gateway's tenancy layer (the case id
 * carries its tenant) refuses before any call, ids are checked for their form, the service's
 * answers become the schema's shapes (payloads' {@code case}, connections), NOT_FOUND on the id is
 * null, and the service's refusals (role, ownership, rule ids) pass through unchanged (ADR 0008).
 */
@GraphQlTest(controllers = CaseGraph.class, properties = TestCallers.NO_REDIS)
@Import({SliceConfig.class, SubscriptionErrors.class})
class CaseGraphTest {

    private static final String CASE_ID = LIANSHAN + ":6f1c2b7e-0d7a-4d55-9c1e-3b1f5a2e0001";
    private static final String ACCEPT = """
            mutation($input: AcceptCaseInput!) { acceptCase(input: $input) { case { id status version } } }""";

    @Autowired ExecutionGraphQlService graphQl;
    @MockitoBean CaseApi cases;
    @MockitoBean CaseUpdatesApi updates;

    private static CaseView view(CaseStatus status, long version) {
        return new CaseView(CASE_ID, "441825-2026-000001", LIANSHAN, null, LIANSHAN + ":0b6b3c43-5e3c-4c0b-9a59-2c1f6f0f0001",
                "个体工商户登记", 1, "PROMISED", status, status.label(), null, null, null, "张三", "1101**********002X",
                "张三", "138****8000", null, List.of(), null, Instant.parse("2026-12-01T02:00:00Z"), null, null, null, null,
                "等待窗口审查受理", version, List.of(), null, null, List.of(), null, null, List.of());
    }

    private static Map<String, Object> accept(String caseId) {
        return Map.of("caseId", caseId, "version", 3, "window", "综合受理窗口 3 号");
    }

    @Test
    void anotherTenantsStaffIsRefusedBeforeAnyServiceCall_T2() {
        var r = as(graphQl, TestCallers.staff(YANGSHAN, "clerk")).document(ACCEPT).variable("input", accept(CASE_ID)).execute();
        Errors.expect(r, "FORBIDDEN", null);
        var inbox = as(graphQl, TestCallers.staff(YANGSHAN, "clerk"))
                .document("{ caseInbox(tenantCode: \"" + LIANSHAN + "\") { totalCount } }").execute();
        Errors.expect(inbox, "FORBIDDEN", null);
        verifyNoInteractions(cases);
        // a read passes to case-service as a possible receiving hall (C12), which finds no case received there
        when(cases.get(CASE_ID)).thenReturn(Mono.error(ApiException.notFound("id", "未找到该办件")));
        var read = as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin"))
                .document("{ case(id: \"" + CASE_ID + "\") { id } }").execute();
        Errors.none(read);
        read.path("case").valueIsNull();
    }

    @Test
    void theProvincialAdministratorReadsButNeverActs_T2() {
        when(cases.get(CASE_ID)).thenReturn(Mono.just(view(CaseStatus.SUBMITTED, 3)));
        var read = as(graphQl, TestCallers.provincialAdmin("44")).document("{ case(id: \"" + CASE_ID + "\") { caseNumber } }").execute();
        Errors.none(read);
        read.path("case.caseNumber").entity(String.class).isEqualTo("441825-2026-000001");
        var act = as(graphQl, TestCallers.provincialAdmin("44")).document(ACCEPT).variable("input", accept(CASE_ID)).execute();
        Errors.expect(act, "FORBIDDEN", null);
    }

    @Test
    void aMalformedCaseIdIsRefusedOnItsFieldBeforeAnyServiceCall() {
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(ACCEPT).variable("input", accept("441825:../admin")).execute();
        Errors.expect(r, "VALIDATION", "caseId");
        var read = as(graphQl, TestCallers.citizen()).document("{ case(id: \"not-a-case\") { id } }").execute();
        Errors.expect(read, "VALIDATION", "id");
        verifyNoInteractions(cases);
    }

    @Test
    void signedOutCallersAreUnauthenticated() {
        var r = as(graphQl, null).document("{ myCases { totalCount } }").execute();
        Errors.expect(r, "UNAUTHENTICATED", null);
        verifyNoInteractions(cases);
    }

    @Test
    void theStaffActionCarriesVersionAndWindowAndAnswersTheCase() {
        when(cases.accept(eq(CASE_ID), any())).thenReturn(Mono.just(view(CaseStatus.ACCEPTED, 4)));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(ACCEPT).variable("input", accept(CASE_ID)).execute();
        Errors.none(r);
        r.path("acceptCase.case.status").entity(String.class).isEqualTo("ACCEPTED");
        r.path("acceptCase.case.version").entity(Long.class).isEqualTo(4L);
        verify(cases).accept(CASE_ID, new StaffActions.Accept(3L, "综合受理窗口 3 号", null, null, null));
    }

    @Test
    void caseUpdatedStreamsTheServicesViewsAndRefusesAnotherTenantsStaffBeforeAnyCall_T2() {
        when(updates.updates(CASE_ID)).thenReturn(Flux.just(view(CaseStatus.SUBMITTED, 0), view(CaseStatus.ACCEPTED, 1)));
        String doc = "subscription { caseUpdated(id: \"" + CASE_ID + "\") { status version } }";
        List<String> statuses = as(graphQl, TestCallers.citizen()).document(doc).executeSubscription()
                .toFlux("caseUpdated.status", String.class).collectList().block();
        assertThat(statuses).containsExactly("SUBMITTED", "ACCEPTED");

        // a subscription's refusal ends its stream with an error in the one format (graphql-ws "error")
        Throwable refused = catchThrowable(() -> as(graphQl, TestCallers.staff(YANGSHAN, "clerk")).document(doc)
                .executeSubscription().toFlux().blockLast());
        assertThat(refused).isInstanceOf(SubscriptionPublisherException.class);
        assertThat(((SubscriptionPublisherException) refused).getErrors().getFirst().getExtensions()).containsEntry("code", "FORBIDDEN");
        Throwable anonymous = catchThrowable(() -> as(graphQl, null).document(doc).executeSubscription().toFlux().blockLast());
        assertThat(((SubscriptionPublisherException) anonymous).getErrors().getFirst().getExtensions())
                .containsEntry("code", "UNAUTHENTICATED");
        verify(updates).updates(CASE_ID);
    }

    @Test
    void anotherCitizensCaseIsNull() {
        when(cases.get(CASE_ID)).thenReturn(Mono.error(ApiException.notFound("id", "未找到该办件: " + CASE_ID)));
        var r = as(graphQl, TestCallers.citizen()).document("{ case(id: \"" + CASE_ID + "\") { id } }").execute();
        Errors.none(r);
        r.path("case").valueIsNull();
    }

    @Test
    void theServicesRuleViolationPassesThroughWithItsRuleId_C2() {
        when(cases.issueOneTimeNotice(eq(CASE_ID), any())).thenReturn(Mono.error(
                new ApiException(ErrorCode.RULE_VIOLATION, "本轮已出具一次性告知书", "status", "C2")));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document("""
                        mutation($input: IssueOneTimeNoticeInput!) { issueOneTimeNotice(input: $input) { case { id } } }""")
                .variable("input", Map.of("caseId", CASE_ID, "version", 5, "window", "综合受理窗口 3 号",
                        "items", List.of(Map.of("material", "营业执照", "problem", "MISSING", "howToFix", "补交"))))
                .execute();
        r.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "RULE_VIOLATION").containsEntry("rule", "C2");
        });
    }

    /** The service names the case {@code id}; the mutation's input calls it {@code caseId}: the error names what the client sent. */
    @Test
    void anUnknownCaseIsReportedOnTheInputsCaseIdField() {
        when(cases.accept(eq(CASE_ID), any())).thenReturn(Mono.error(ApiException.notFound("id", "未找到该办件")));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document("""
                        mutation($input: AcceptCaseInput!) { acceptCase(input: $input) { case { id } } }""")
                .variable("input", Map.of("caseId", CASE_ID, "version", 0, "window", "综合受理窗口 3 号"))
                .execute();
        r.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("field", "caseId");
        });
    }

    @Test
    void theInboxIsAConnectionAndFirstIsBounded() {
        CaseSummary row = new CaseSummary(CASE_ID, "441825-2026-000001", LIANSHAN, "个体工商户登记", CaseStatus.ACCEPTED, "已受理",
                "张三", Instant.parse("2026-12-01T02:00:00Z"), LocalDate.of(2026, 12, 4), 2, "NONE", 4, null, List.of(), null);
        when(cases.inbox(LIANSHAN, InboxFilter.OWN, null, 20, null)).thenReturn(Mono.just(new Page<>(List.of(new Page.Item<>("c1", row)), true, null)));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("{ caseInbox(tenantCode: \"" + LIANSHAN + "\") { edges { cursor node { id deadline } } pageInfo { hasNextPage endCursor } totalCount } }")
                .execute();
        Errors.none(r);
        r.path("caseInbox.edges[0].node.deadline").entity(String.class).isEqualTo("2026-12-04");
        r.path("caseInbox.pageInfo.endCursor").entity(String.class).isEqualTo("c1");
        r.path("caseInbox.totalCount").entity(Long.class).isEqualTo(1L);
        var tooMany = as(graphQl, TestCallers.staff(LIANSHAN, "clerk"))
                .document("{ caseInbox(tenantCode: \"" + LIANSHAN + "\", first: 101) { totalCount } }").execute();
        Errors.expect(tooMany, "VALIDATION", "first");
    }
}
