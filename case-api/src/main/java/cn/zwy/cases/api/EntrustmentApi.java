package cn.zwy.cases.api;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Assisted agency (帮办代办, C14): the written entrustment of a case, recorded once by the centre's
 * front desk while the case is open; read by the applicant and the centre's staff like the case.
 */
@HttpExchange
public interface EntrustmentApi {

    String ENTRUSTMENT = "/api/cases/{id}/entrustment";

    /** NOT_FOUND when the case has none (or the caller may not see the case). */
    @GetExchange(ENTRUSTMENT)
    Mono<Entrustment> get(@PathVariable("id") String id);

    @PostExchange(ENTRUSTMENT)
    Mono<CaseView> record(@PathVariable("id") String id, @RequestBody Record body);

    /**
     * @param items     the items the entrustment covers (the case's own among them)
     * @param materials the materials handed to the agent
     * @param agencyFee must be absent or 0: no agency fee is ever charged (C14)
     */
    record Record(Long version, String window, String agentName, String agentPhone, List<String> items,
                  List<String> materials, Double agencyFee) {}

    /** Both contacts, masked: the agent's and the applicant's. */
    record Entrustment(String agentName, String agentPhoneMasked, String applicantContactName, String applicantPhoneMasked,
                       List<String> items, List<String> materials, String recordedBy, String window, Instant recordedAt) {}
}
