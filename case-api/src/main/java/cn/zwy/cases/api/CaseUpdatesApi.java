package cn.zwy.cases.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Flux;

/**
 * case-service's live updates of a case (ADR 0012), apart from {@link CaseApi} because a stream holds its
 * HTTP connection for as long as it lasts: the gateway gives these proxies a connection pool of their own,
 * so open streams never starve the ordinary calls. Served by the same {@code CaseController}; same caller
 * and error conventions as {@link CaseApi}.
 */
@HttpExchange
public interface CaseUpdatesApi {

    /** Server-sent events: the case now, then again after every committed change. */
    String UPDATES = "/api/cases/{id}/updates";

    /**
     * The case as {@link CaseApi#get} answers it (same authorisation: another citizen's case is NOT_FOUND,
     * another tenant's staff FORBIDDEN, before any event), first as it stands, then after every committed
     * change, as server-sent events (each event's data one {@link CaseView}, versions only ever increasing)
     * until the service ends the stream (its lifetime is capped, 30 minutes by default).
     */
    @GetExchange(value = UPDATES, accept = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<CaseView> updates(@PathVariable("id") String id);
}
