package cn.zwy.gateway.slice;

import static cn.zwy.gateway.slice.TestCallers.LIANSHAN;
import static cn.zwy.gateway.slice.TestCallers.YANGSHAN;
import static cn.zwy.gateway.slice.TestCallers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.zwy.cases.api.QueueApi;
import cn.zwy.cases.api.QueueUpdatesApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.cases.QueueGraph;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Mono;

/**
 * The queue resolvers against a mocked contract (ADR 0017): calling and handling tickets is the tenant's staff's,
 * decided before any call; malformed ids never reach a service URL; the A5 rule error passes through.
 */
@GraphQlTest(controllers = QueueGraph.class, properties = TestCallers.NO_REDIS)
@Import(SliceConfig.class)
class QueueGraphTest {

    private static final String WINDOW = "2c1d7a82-c9b4-46eb-aeff-08cada106e83";
    private static final String TICKET = LIANSHAN + ":6f1c2b7e-0d7a-4d55-9c1e-3b1f5a2e0001";
    private static final String CALL = "mutation($i: CallNextInput!) { callNext(input: $i) { ticket { number status } } }";
    private static final String MISS = "mutation($i: MissTicketInput!) { missTicket(input: $i) { ticket { status } } }";

    @Autowired ExecutionGraphQlService graphQl;
    @MockitoBean QueueApi queue;
    @MockitoBean QueueUpdatesApi updates;

    private static QueueApi.Ticket ticket(String status) {
        return new QueueApi.Ticket(TICKET, LIANSHAN, WINDOW, "A012", "A", "WALK_IN", status, WINDOW, "1号窗口", 1,
                Instant.parse("2026-12-15T00:30:00Z"), null, null, null, null, null, null, null, false);
    }

    @Test
    void onlyTheTenantsStaffCallAndAMalformedIdIsRefusedBeforeAnyCall_T2() {
        Map<String, Object> in = Map.of("tenantCode", LIANSHAN, "windowId", WINDOW);
        Errors.expect(as(graphQl, null).document(CALL).variable("i", in).execute(), "UNAUTHENTICATED", null);
        Errors.expect(as(graphQl, TestCallers.citizen()).document(CALL).variable("i", in).execute(), "FORBIDDEN", null);
        Errors.expect(as(graphQl, TestCallers.staff(YANGSHAN, "clerk")).document(CALL).variable("i", in).execute(), "FORBIDDEN", null);
        Errors.expect(as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(CALL)
                .variable("i", Map.of("tenantCode", LIANSHAN, "windowId", "../x")).execute(), "VALIDATION", "windowId");
        Errors.expect(as(graphQl, TestCallers.staff(YANGSHAN, "clerk")).document(MISS).variable("i", Map.of("ticketId", TICKET)).execute(),
                "FORBIDDEN", null);
        Errors.expect(as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(MISS).variable("i", Map.of("ticketId", "441825:..")).execute(),
                "VALIDATION", "ticketId");
        verifyNoInteractions(queue);

        when(queue.callNext(eq(LIANSHAN), eq(WINDOW))).thenReturn(Mono.just(new QueueApi.CallResult(ticket("CALLED"))));
        var ok = as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(CALL).variable("i", in).execute();
        Errors.none(ok);
        ok.path("callNext.ticket.number").entity(String.class).isEqualTo("A012");
    }

    @Test
    void aMissedTicketsRuleErrorPassesThrough_A5() {
        when(queue.miss(eq(TICKET))).thenReturn(Mono.error(new ApiException(ErrorCode.RULE_VIOLATION,
                "该号（A012）已过号作废，不能过号；请办事群众重新取号（A5）", "ticketId", "A5")));
        var r = as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(MISS).variable("i", Map.of("ticketId", TICKET)).execute();
        r.errors().satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors.getFirst().getExtensions())
                .containsEntry("code", "RULE_VIOLATION").containsEntry("rule", "A5").containsEntry("field", "ticketId"));
    }

    @Test
    void aTicketIsReadByItsIdWithoutSigningIn() {
        when(queue.ticket(eq(TICKET))).thenReturn(Mono.just(ticket("WAITING")));
        var r = as(graphQl, null).document("{ myTicket(id: \"" + TICKET + "\") { number status } }").execute();
        Errors.none(r);
        r.path("myTicket.number").entity(String.class).isEqualTo("A012");
        when(queue.take(eq(LIANSHAN), any(), any())).thenReturn(Mono.just(ticket("WAITING")));
        Errors.expect(as(graphQl, TestCallers.staff(YANGSHAN, "clerk")).document(
                "mutation { takeTicket(input: {idempotencyKey: \"k\", tenantCode: \"441825\", hallId: \"" + WINDOW + "\", businessCategory: \"A\"}) { ticket { id } } }")
                .execute(), "FORBIDDEN", null);
    }
}
