package cn.zwy.cases.api;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import reactor.core.publisher.Mono;

/** G4: the filing form pre-filled for the calling citizen: case-service's {@code PrefillController}. */
@HttpExchange
public interface PrefillApi {

    /** {@code id}: an item's or a package's id ({@code <tenant>:<uuid>}). */
    String PREFILLED_FORM = "/api/prefilled-forms/{id}";

    @GetExchange(PREFILLED_FORM)
    Mono<PrefilledForm> prefilled(@PathVariable String id);
}
