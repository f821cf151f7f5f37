package cn.zwy.cases.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Flux;

/**
 * The hall queue's live updates (ADR 0017, the pattern of ADR 0012): server-sent events, apart from
 * {@link QueueApi} because a stream holds its connection (the gateway's stream pool, as for {@link CaseUpdatesApi}).
 * Each stream starts with the state as it stands and sends it again after every committed change of the hall's
 * tickets, until the service ends it (lifetime capped, 30 minutes by default). Public like their reads.
 */
@HttpExchange
public interface QueueUpdatesApi {

    String HALL_UPDATES = "/api/queue/{tenantCode}/halls/{hallId}/updates";
    String TICKET_UPDATES = "/api/queue/tickets/{id}/updates";

    @GetExchange(value = HALL_UPDATES, accept = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<QueueApi.HallQueue> hall(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId);

    @GetExchange(value = TICKET_UPDATES, accept = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<QueueApi.Ticket> ticket(@PathVariable("id") String ticketId);
}
