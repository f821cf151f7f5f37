package cn.zwy.gateway.cases;

import cn.zwy.cases.api.QueueApi;
import cn.zwy.cases.api.QueueUpdatesApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.time.LocalDate;
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
 * The hall queue (A5, A3, A6; ADR 0017). Public: the calling screen, quiet hours and a ticket by its id (printed on
 * the ticket), with their subscriptions. A walk-in ticket: the tenant's staff (a kiosk) or a citizen; from the guidance
 * (G1, with the item; G3, with a whole package): case-service checks the guide's role. Calling,
 * recalling, transferring, missing and finishing: the tenant's staff. The visitor flow: the tenant's staff and its
 * province's administrator. The tenancy check is made here before any call; case-service checks the token again.
 */
@Controller
public class QueueGraph {

    private final QueueApi queue;
    private final QueueUpdatesApi updates;

    public QueueGraph(QueueApi queue, QueueUpdatesApi updates) {
        this.queue = queue;
        this.updates = updates;
    }

    public record TakeTicketInput(String idempotencyKey, String tenantCode, String hallId, String businessCategory, Boolean greenChannel,
                                  String itemId, List<GuidanceAnswerInput> guidanceAnswers, String packageId,
                                  List<GuidanceAnswerInput> packageAnswers) {}

    public record GuidanceAnswerInput(String questionId, String value) {}

    private static List<QueueApi.GuidanceAnswer> answers(List<GuidanceAnswerInput> given) {
        return given == null ? null : given.stream().map(a -> a == null ? null : new QueueApi.GuidanceAnswer(a.questionId(), a.value())).toList();
    }

    public record CallNextInput(String tenantCode, String windowId) {}

    public record TicketInput(String ticketId) {}

    public record TakeOverWindowPostInput(String tenantCode, String windowId) {}

    public record WindowPostPayload(QueueApi.WindowPost post) {}

    public record TransferTicketInput(String ticketId, String windowId) {}

    public record FinishTicketInput(String ticketId, String caseId) {}

    public record TicketPayload(QueueApi.Ticket ticket) {}

    @QueryMapping
    public Mono<QueueApi.HallQueue> hallQueue(@Argument String tenantCode, @Argument String hallId) {
        return queue.hall(tenant(tenantCode), Ids.uuid("hallId", hallId).toString());
    }

    @QueryMapping
    public Mono<QueueApi.Ticket> myTicket(@Argument String id) {
        return queue.ticket(ticket("id", id));
    }

    @QueryMapping
    public Mono<List<QueueApi.FlowBucket>> visitorFlow(@Argument String tenantCode, @Argument String hallId, @Argument LocalDate date,
                                                       @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenant(tenantCode))) throw ApiException.forbidden("只能查看本中心的人流统计");
        return queue.flow(tenantCode, Ids.uuid("hallId", hallId).toString(), date);
    }

    @QueryMapping
    public Mono<List<QueueApi.QuietHour>> quietHours(@Argument String tenantCode, @Argument String hallId) {
        return queue.quietHours(tenant(tenantCode), Ids.uuid("hallId", hallId).toString());
    }

    @MutationMapping
    public Mono<TicketPayload> takeTicket(@Argument TakeTicketInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() == Realm.STAFF && !caller.actsFor(tenant(input.tenantCode()))) {
            throw ApiException.forbidden("只有本中心的工作人员或办事群众本人可以取号");
        }
        return queue.take(tenant(input.tenantCode()), Ids.uuid("hallId", input.hallId()).toString(),
                new QueueApi.TakeTicketRequest(input.idempotencyKey(), input.businessCategory(), input.greenChannel(), input.itemId(),
                        answers(input.guidanceAnswers()), input.packageId(), answers(input.packageAnswers()))).map(TicketPayload::new);
    }

    @MutationMapping
    public Mono<QueueApi.CallResult> callNext(@Argument CallNextInput input, @AuthenticationPrincipal Jwt jwt) {
        staff(jwt, tenant(input.tenantCode()));
        return queue.callNext(input.tenantCode(), Ids.uuid("windowId", input.windowId()).toString());
    }

    /** AB岗 (T6): the window's B holder takes the post over while the A holder is absent. */
    @MutationMapping
    public Mono<WindowPostPayload> takeOverWindowPost(@Argument TakeOverWindowPostInput input, @AuthenticationPrincipal Jwt jwt) {
        staff(jwt, tenant(input.tenantCode()));
        return queue.takeOver(input.tenantCode(), Ids.uuid("windowId", input.windowId()).toString()).map(WindowPostPayload::new);
    }

    @MutationMapping
    public Mono<TicketPayload> recallTicket(@Argument TicketInput input, @AuthenticationPrincipal Jwt jwt) {
        return queue.recall(staffTicket(jwt, input.ticketId())).map(TicketPayload::new);
    }

    @MutationMapping
    public Mono<TicketPayload> transferTicket(@Argument TransferTicketInput input, @AuthenticationPrincipal Jwt jwt) {
        String id = staffTicket(jwt, input.ticketId());
        return queue.transfer(id, new QueueApi.TransferRequest(Ids.uuid("windowId", input.windowId()).toString())).map(TicketPayload::new);
    }

    @MutationMapping
    public Mono<TicketPayload> missTicket(@Argument TicketInput input, @AuthenticationPrincipal Jwt jwt) {
        return queue.miss(staffTicket(jwt, input.ticketId())).map(TicketPayload::new);
    }

    @MutationMapping
    public Mono<TicketPayload> finishTicket(@Argument FinishTicketInput input, @AuthenticationPrincipal Jwt jwt) {
        String id = staffTicket(jwt, input.ticketId());
        String caseId = null;
        if (input.caseId() != null) {
            Ids.Scoped c = Ids.scoped("caseId", input.caseId());
            caseId = c.tenantCode() + ":" + c.id();
        }
        return queue.finish(id, new QueueApi.FinishRequest(caseId)).map(TicketPayload::new);
    }

    /** The calling screen as it changes (public, like hallQueue). */
    @SubscriptionMapping
    public Flux<QueueApi.HallQueue> queueCalled(@Argument String tenantCode, @Argument String hallId) {
        return updates.hall(tenant(tenantCode), Ids.uuid("hallId", hallId).toString());
    }

    /** A ticket with its position as it changes (public by its id, like myTicket). */
    @SubscriptionMapping
    public Flux<QueueApi.Ticket> ticketUpdated(@Argument String id) {
        return updates.ticket(ticket("id", id));
    }

    private static void staff(Jwt jwt, String tenantCode) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) throw ApiException.forbidden("只有本中心的窗口工作人员可以叫号");
    }

    private static String staffTicket(Jwt jwt, String ticketId) {
        String id = ticket("ticketId", ticketId);
        staff(jwt, id.substring(0, id.indexOf(':')));
        return id;
    }

    private static String ticket(String field, String id) {
        Ids.Scoped s = Ids.scoped(field, id);
        return s.tenantCode() + ":" + s.id();
    }

    private static String tenant(String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
        return tenantCode;
    }
}
