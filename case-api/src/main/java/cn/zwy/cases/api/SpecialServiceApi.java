package cn.zwy.cases.api;

import cn.zwy.common.api.Page;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * A7: home visits for the elderly and disabled (上门) and urgent handling on holidays (急办). A citizen asks (for
 * themselves or a person they act for, C14); the tenant's staff schedule it with a time and the staff member who
 * comes (or decline it with a reason); the citizen sees it in their list. case-service's {@code booking} module.
 */
@HttpExchange
public interface SpecialServiceApi {

    String REQUESTS = "/api/special-services";
    String MINE = "/api/special-services/mine";
    String CANCEL = "/api/special-services/{id}/cancel";
    String OF_TENANT = "/api/special-services/tenant/{tenantCode}";
    String SCHEDULE = "/api/special-services/{id}/schedule";
    String DECLINE = "/api/special-services/{id}/decline";

    /** A citizen asks; the same idempotency key again answers the first request ({@code replayed}). */
    @PostExchange(REQUESTS)
    Mono<SpecialServiceRequest> request(@RequestBody Request request);

    /** The calling citizen's requests, the latest first. */
    @GetExchange(MINE)
    Mono<Page<SpecialServiceRequest>> mine(@RequestParam(value = "first", required = false) Integer first,
                                           @RequestParam(value = "after", required = false) String after);

    /** The citizen withdraws a request not yet carried out. */
    @PostExchange(CANCEL)
    Mono<SpecialServiceRequest> cancel(@PathVariable("id") String requestId);

    /** The tenant's staff (and its province's administrator): its requests, the latest first, optionally of one status. */
    @GetExchange(OF_TENANT)
    Mono<Page<SpecialServiceRequest>> ofTenant(@PathVariable("tenantCode") String tenantCode,
                                               @RequestParam(value = "status", required = false) String status,
                                               @RequestParam(value = "first", required = false) Integer first,
                                               @RequestParam(value = "after", required = false) String after);

    /** The tenant's staff schedule (or move) a request: when, and who comes. */
    @PostExchange(SCHEDULE)
    Mono<SpecialServiceRequest> schedule(@PathVariable("id") String requestId, @RequestBody Schedule schedule);

    /** The tenant's staff decline a request, with the reason the citizen is told. */
    @PostExchange(DECLINE)
    Mono<SpecialServiceRequest> decline(@PathVariable("id") String requestId, @RequestBody Decline decline);

    /**
     * @param kind   HOME_VISIT (reason ELDERLY or DISABLED, with the address) or URGENT (urgent handling on a
     *               non-working day, reason URGENT, with a note saying why)
     * @param forPerson the person it is for (C14), or null for the citizen themselves
     */
    record Request(String idempotencyKey, String itemId, String kind, String reason, String address, String contactPhone,
                   LocalDate preferredDate, String note, BookingApi.Person forPerson) {}

    record Schedule(Instant scheduledAt, String staffName, String staffPhone) {}

    record Decline(String reason) {}

    /**
     * @param status REQUESTED, SCHEDULED, DECLINED or CANCELLED
     * @param preferredDateWorking whether the preferred day is a working day of the tenant's calendar
     */
    record SpecialServiceRequest(String id, String tenantCode, String kind, String reason, String status, String itemId,
                                 String itemName, String personName, String personIdMasked, String address,
                                 String contactPhoneMasked, LocalDate preferredDate, boolean preferredDateWorking, String note,
                                 Instant scheduledAt, String staffName, String staffPhone, String scheduledBy,
                                 String declineReason, Instant createdAt, Instant updatedAt, boolean replayed) {}
}
