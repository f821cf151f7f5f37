package cn.zwy.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * The hall queue (排队叫号, A5, A3, A6; ADR 0017): tickets taken at a kiosk (or made by checking in a booking),
 * called by windows in priority order (bookings due now, green channel, walk-ins), recalled, transferred, missed
 * and finished; the hall's calling screen, a ticket's position, and the visitor flow per half hour. case-service's
 * {@code queue} module answers these paths; the gateway calls them with the caller's token. Ticket ids are
 * {@code <tenantCode>:<uuid>}; window and hall ids are tenant-service's UUIDs, named with their tenant in the path.
 */
@HttpExchange
public interface QueueApi {

    String TICKETS = "/api/queue/{tenantCode}/halls/{hallId}/tickets";
    String TICKET = "/api/queue/tickets/{id}";
    String HALL = "/api/queue/{tenantCode}/halls/{hallId}";
    String CALL_NEXT = "/api/queue/{tenantCode}/windows/{windowId}/call-next";
    String RECALL = "/api/queue/tickets/{id}/recall";
    String TRANSFER = "/api/queue/tickets/{id}/transfer";
    String MISS = "/api/queue/tickets/{id}/miss";
    String FINISH = "/api/queue/tickets/{id}/finish";
    String FLOW = "/api/queue/{tenantCode}/halls/{hallId}/flow";
    String QUIET_HOURS = "/api/queue/{tenantCode}/halls/{hallId}/quiet-hours";
    String TAKE_OVER = "/api/queue/{tenantCode}/windows/{windowId}/take-over";
    /**
     * The GETs anyone may call: the calling screen and quiet hours of a hall (what hangs on the hall's wall), and a
     * ticket by its id (the unguessable id printed on the ticket is what lets its holder follow it; nothing personal).
     */
    List<String> PUBLIC_READS = List.of("/api/queue/*/halls/*", "/api/queue/*/halls/*/quiet-hours", "/api/queue/tickets/*",
            "/api/queue/*/halls/*/updates", "/api/queue/tickets/*/updates");

    /**
     * A walk-in ticket at a kiosk: the tenant's staff (the kiosk's account) or a citizen for themselves; with an item (G1):
     * a ticket from the guidance, issued by the tenant's guides or front desk for the citizen they guided, or taken by the
     * citizen, its category that of the windows serving the item.
     */
    @PostExchange(TICKETS)
    Mono<Ticket> take(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId, @RequestBody TakeTicketRequest request);

    /** Public: a ticket with its position, the people ahead and the expected wait. */
    @GetExchange(TICKET)
    Mono<Ticket> ticket(@PathVariable("id") String ticketId);

    /** Public: the hall's calling screen. */
    @GetExchange(HALL)
    Mono<HallQueue> hall(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId);

    /** The tenant's staff at the window: the next ticket the window serves, or none (ticket null) when nobody waits. */
    @PostExchange(CALL_NEXT)
    Mono<CallResult> callNext(@PathVariable("tenantCode") String tenantCode, @PathVariable("windowId") String windowId);

    /** AB岗 (T6): the window's B holder takes the post over while the A holder is absent; the A holder's next action ends it. */
    @PostExchange(TAKE_OVER)
    Mono<WindowPost> takeOver(@PathVariable("tenantCode") String tenantCode, @PathVariable("windowId") String windowId);

    @PostExchange(RECALL)
    Mono<Ticket> recall(@PathVariable("id") String ticketId);

    @PostExchange(TRANSFER)
    Mono<Ticket> transfer(@PathVariable("id") String ticketId, @RequestBody TransferRequest request);

    @PostExchange(MISS)
    Mono<Ticket> miss(@PathVariable("id") String ticketId);

    @PostExchange(FINISH)
    Mono<Ticket> finish(@PathVariable("id") String ticketId, @RequestBody FinishRequest request);

    /** The tenant's staff: tickets taken per half hour and category on the day (A6). */
    @GetExchange(FLOW)
    Mono<List<FlowBucket>> flow(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId,
                                @RequestParam("date") LocalDate date);

    /** Public: the hall's half hours by how busy they were on the last weeks' working days (A6). */
    @GetExchange(QUIET_HOURS)
    Mono<List<QuietHour>> quietHours(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId);

    /**
     * {@code businessCategory}: a code a window of the hall serves (may be left out when {@code itemId} is given: the item's
     * category); {@code greenChannel}: elderly or disabled (A5); {@code itemId}: the item the citizen comes for (G1), with
     * {@code guidanceAnswers}, the answers of its situation-based guide (G2); {@code packageId}: instead of an item, a whole
     * "one thing" package (G3, ADR 0037), with {@code packageAnswers}, the answers of its one walk (as submitPackage takes them).
     */
    record TakeTicketRequest(String idempotencyKey, String businessCategory, Boolean greenChannel, String itemId,
                             List<GuidanceAnswer> guidanceAnswers, String packageId, List<GuidanceAnswer> packageAnswers) {
        public TakeTicketRequest(String idempotencyKey, String businessCategory, Boolean greenChannel) {
            this(idempotencyKey, businessCategory, greenChannel, null, null, null, null);
        }

        public TakeTicketRequest(String idempotencyKey, String businessCategory, Boolean greenChannel, String itemId,
                                 List<GuidanceAnswer> guidanceAnswers) {
            this(idempotencyKey, businessCategory, greenChannel, itemId, guidanceAnswers, null, null);
        }
    }

    record GuidanceAnswer(String questionId, String value) {}

    record TransferRequest(String windowId) {}

    /** {@code caseId}: the case the visit created or continued (A5), optional. */
    record FinishRequest(String caseId) {}

    /**
     * A queue ticket. {@code kind}: BOOKED, GREEN or WALK_IN; {@code status}: WAITING, CALLED, FINISHED or MISSED.
     * {@code position}, {@code peopleAhead}, {@code expectedWaitMinutes}: while WAITING, else null.
     * {@code extendedMinutes}: minutes served past the hall's closing time (延时, A3), else null.
     * {@code visit}: what a ticket taken from the guidance is for (G1), else null.
     */
    record Ticket(String id, String tenantCode, String hallId, String number, String businessCategory, String kind, String status,
                  String windowId, String windowName, int calls, Instant takenAt, Instant calledAt, Instant finishedAt, String caseId,
                  Integer position, Integer peopleAhead, Integer expectedWaitMinutes, Integer extendedMinutes, boolean replayed,
                  Visit visit) {
        public Ticket(String id, String tenantCode, String hallId, String number, String businessCategory, String kind, String status,
                      String windowId, String windowName, int calls, Instant takenAt, Instant calledAt, Instant finishedAt, String caseId,
                      Integer position, Integer peopleAhead, Integer expectedWaitMinutes, Integer extendedMinutes, boolean replayed) {
            this(id, tenantCode, hallId, number, businessCategory, kind, status, windowId, windowName, calls, takenAt, calledAt,
                    finishedAt, caseId, position, peopleAhead, expectedWaitMinutes, extendedMinutes, replayed, null);
        }

        /** The same ticket without the answered path (for whoever is not the tenant's staff). */
        public Ticket withoutAnswers() {
            return visit == null || visit.answers() == null ? this : new Ticket(id, tenantCode, hallId, number, businessCategory, kind,
                    status, windowId, windowName, calls, takenAt, calledAt, finishedAt, caseId, position, peopleAhead, expectedWaitMinutes,
                    extendedMinutes, replayed, visit.withoutAnswers());
        }
    }

    /**
     * What a guided citizen comes for (G1): the item, the guidance outcome's title and sub-item, the materials to bring,
     * and the answered path ({@code answers}: for the tenant's staff only, null for anyone else). For a whole package (G3,
     * ADR 0037): {@code packageId} is set, {@code itemId}/{@code itemName} are the package's id and name, {@code outcome}
     * and {@code subItem} null, {@code parts} the applying parts, {@code skipped} the others with why, {@code materials}
     * every part's each once, {@code answers} the package walk's (under its keys).
     */
    record Visit(String itemId, String itemName, String outcome, String subItem, List<String> materials, List<VisitAnswer> answers,
                 String packageId, List<VisitPart> parts, List<VisitSkipped> skipped) {
        public Visit(String itemId, String itemName, String outcome, String subItem, List<String> materials, List<VisitAnswer> answers) {
            this(itemId, itemName, outcome, subItem, materials, answers, null, null, null);
        }

        public Visit withoutAnswers() {
            return new Visit(itemId, itemName, outcome, subItem, materials, null, packageId, parts, skipped);
        }
    }

    /** An applying part of a package's visit (G3): its item, channel, outcome, sub-item and materials. */
    record VisitPart(String itemId, String itemName, String channel, String outcome, String subItem, List<String> materials) {}

    /** A part of the package that does not apply in the citizen's situation, and why (G2). */
    record VisitSkipped(String itemId, String itemName, String reason) {}

    record VisitAnswer(String questionId, String question, String value, String label) {}

    /** What callNext answers: the ticket called, or null when no ticket the window serves is waiting. */
    record CallResult(Ticket ticket) {}

    /** A window post (T6): its holders (names), who is on duty ("A", or "B" since {@code since} while A is absent). */
    record WindowPost(String windowId, String tenantCode, String window, String aHolder, String bHolder, String onDuty, Instant since) {}

    /** A line of the calling screen: a number and the window it is called to. */
    record Called(String number, String windowId, String windowName, Instant calledAt, int calls) {}

    record Waiting(String businessCategory, int waiting) {}

    /** The calling screen: the latest calls, the first one being the newest, and how many wait per category. */
    record HallQueue(String tenantCode, String hallId, String hallName, List<Called> calling, List<Waiting> waiting,
                     List<Category> categories) {}

    /** A business category a window of the hall serves (A5): what a citizen picks when taking a ticket. */
    record Category(String code, String name) {}

    record FlowBucket(Instant startsAt, String businessCategory, int visitors) {}

    /** A half hour of the hall's day, the average tickets taken in it, and whether it is among the quiet ones. */
    record QuietHour(LocalTime from, LocalTime to, double averageVisitors, boolean quiet) {}
}
