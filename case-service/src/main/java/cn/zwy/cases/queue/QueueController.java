package cn.zwy.cases.queue;

import cn.zwy.cases.api.QueueApi;
import cn.zwy.cases.api.QueueUpdatesApi;
import cn.zwy.common.security.Callers;
import cn.zwy.common.security.PublicGetPaths;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The paths of {@link QueueApi} and {@link QueueUpdatesApi}. */
@RestController
class QueueController {

    private final Tickets tickets;
    private final HallQueues halls;
    private final QueueUpdates updates;
    private final WindowPosts posts;

    QueueController(Tickets tickets, HallQueues halls, QueueUpdates updates, WindowPosts posts) {
        this.posts = posts;
        this.tickets = tickets;
        this.halls = halls;
        this.updates = updates;
    }

    @PostMapping(QueueApi.TICKETS)
    QueueApi.Ticket take(@PathVariable String tenantCode, @PathVariable String hallId, @RequestBody(required = false) QueueApi.TakeTicketRequest request) {
        return tickets.take(Callers.require(), tenantCode, hallId, request);
    }

    @GetMapping(QueueApi.TICKET)
    QueueApi.Ticket ticket(@PathVariable String id) {
        return tickets.ticket(id, Callers.current());
    }

    @GetMapping(QueueApi.HALL)
    QueueApi.HallQueue hall(@PathVariable String tenantCode, @PathVariable String hallId) {
        return halls.screen(tenantCode, hallId);
    }

    @PostMapping(QueueApi.TAKE_OVER)
    QueueApi.WindowPost takeOver(@PathVariable String tenantCode, @PathVariable String windowId) {
        return posts.takeOver(Callers.require(), tenantCode, windowId);
    }

    @PostMapping(QueueApi.CALL_NEXT)
    QueueApi.CallResult callNext(@PathVariable String tenantCode, @PathVariable String windowId) {
        return tickets.callNext(Callers.require(), tenantCode, windowId);
    }

    @PostMapping(QueueApi.RECALL)
    QueueApi.Ticket recall(@PathVariable String id) {
        return tickets.recall(Callers.require(), id);
    }

    @PostMapping(QueueApi.TRANSFER)
    QueueApi.Ticket transfer(@PathVariable String id, @RequestBody(required = false) QueueApi.TransferRequest request) {
        return tickets.transfer(Callers.require(), id, request == null ? null : request.windowId());
    }

    @PostMapping(QueueApi.MISS)
    QueueApi.Ticket miss(@PathVariable String id) {
        return tickets.miss(Callers.require(), id);
    }

    @PostMapping(QueueApi.FINISH)
    QueueApi.Ticket finish(@PathVariable String id, @RequestBody(required = false) QueueApi.FinishRequest request) {
        return tickets.finish(Callers.require(), id, request == null ? null : request.caseId());
    }

    @GetMapping(QueueApi.FLOW)
    List<QueueApi.FlowBucket> flow(@PathVariable String tenantCode, @PathVariable String hallId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        return halls.flow(Callers.require(), tenantCode, hallId, date);
    }

    @GetMapping(QueueApi.QUIET_HOURS)
    List<QueueApi.QuietHour> quietHours(@PathVariable String tenantCode, @PathVariable String hallId) {
        return halls.quietHours(tenantCode, hallId);
    }

    @GetMapping(path = QueueUpdatesApi.HALL_UPDATES, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter hallUpdates(@PathVariable String tenantCode, @PathVariable String hallId) {
        QueueApi.HallQueue first = halls.screen(tenantCode, hallId);
        return updates.open(first.tenantCode() + ":" + first.hallId(), "hall", () -> halls.screen(tenantCode, hallId));
    }

    @GetMapping(path = QueueUpdatesApi.TICKET_UPDATES, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter ticketUpdates(@PathVariable String id) {
        // pushed tickets leave out a guided citizen's answers (G1): the stream is public by the ticket's id
        QueueApi.Ticket first = tickets.ticket(id, java.util.Optional.empty());
        return updates.open(first.tenantCode() + ":" + first.hallId(), "ticket", () -> tickets.ticket(id, java.util.Optional.empty()));
    }

    @Configuration
    static class PublicReads {

        /** The calling screen, quiet hours and a ticket by its id are public (nothing personal; ADR 0017). */
        @Bean
        PublicGetPaths queuePublicReads() {
            return () -> QueueApi.PUBLIC_READS;
        }
    }
}
