package cn.zwy.cases.api;

import cn.zwy.common.api.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Appointments (预约, A1–A3): bookable days and slots of a tenant's halls (public reads), a citizen's
 * bookings, the no-show bar (A2) and check-in at the hall. case-service's {@code booking} module
 * answers these paths; the gateway calls them with the caller's token.
 */
@HttpExchange
public interface BookingApi {

    String DAYS = "/api/booking/{tenantCode}/days";
    String SLOTS = "/api/booking/{tenantCode}/halls/{hallId}/slots";
    String APPOINTMENTS = "/api/booking/appointments";
    String MINE = "/api/booking/appointments/mine";
    String RESCHEDULE = "/api/booking/appointments/{id}/reschedule";
    String CANCEL = "/api/booking/appointments/{id}/cancel";
    String CHECK_IN = "/api/booking/{tenantCode}/check-in";
    /** A hall's appointments of one day (staff of the tenant). */
    String DAY_LIST = "/api/booking/{tenantCode}/halls/{hallId}/appointments";
    /** The most appointments one day's list answers. */
    int MAX_DAY_LIST = 500;
    String BARS = "/api/booking/{tenantCode}/bars";
    String LIFT_BAR = "/api/booking/bars/{id}/lift";
    String RULES = "/api/booking/{tenantCode}/rules";
    /** The GETs anyone may call (published hours, free places and the booking rules only). */
    List<String> PUBLIC_READS = List.of("/api/booking/*/days", "/api/booking/*/halls/*/slots", "/api/booking/*/rules");
    /** At most this many days in one bookableDays read. */
    int MAX_DAYS_PER_READ = 62;

    /** Public: the days in [from, to] on which a hall of the tenant has a free place for the item. */
    @GetExchange(DAYS)
    Mono<List<BookableDay>> bookableDays(@PathVariable("tenantCode") String tenantCode, @RequestParam("itemId") String itemId,
                                         @RequestParam("from") LocalDate from,
                                         @RequestParam("to") LocalDate to);

    /** Public: the hall's slots on the date, with what is left of each. */
    @GetExchange(SLOTS)
    Mono<List<Slot>> slots(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId,
                           @RequestParam("itemId") String itemId,
                           @RequestParam("date") LocalDate date);

    /** A citizen books a slot; the same idempotency key again answers the same appointment ({@code replayed}). */
    @PostExchange(APPOINTMENTS)
    Mono<Appointment> book(@RequestBody BookRequest request);

    @PostExchange(RESCHEDULE)
    Mono<Appointment> reschedule(@PathVariable("id") String appointmentId, @RequestBody RescheduleRequest request);

    @PostExchange(CANCEL)
    Mono<Appointment> cancel(@PathVariable("id") String appointmentId);

    /** The calling citizen's appointments, the latest slot first. */
    @GetExchange(MINE)
    Mono<Page<Appointment>> mine(@RequestParam(value = "first", required = false) Integer first,
                                 @RequestParam(value = "after", required = false) String after);

    /** The tenant's staff at the hall: the citizen has arrived (before the no-show rule, A2, applies). */
    @PostExchange(CHECK_IN)
    Mono<Appointment> checkIn(@PathVariable("tenantCode") String tenantCode, @RequestBody CheckInRequest request);

    /**
     * The tenant's staff: a hall's appointments of one day by slot (A1), who comes by masked name (M3); with {@code name},
     * only theirs: a full name matches its keyed hash, one character the masked name's first (the surname).
     */
    @GetExchange(DAY_LIST)
    Mono<List<DayAppointment>> dayList(@PathVariable("tenantCode") String tenantCode, @PathVariable("hallId") String hallId,
                                       @RequestParam("date") LocalDate date,
                                       @RequestParam(name = "name", required = false) String name);

    /** The tenant's staff: the booking bars in force (A2). */
    @GetExchange(BARS)
    Mono<List<BookingBar>> bars(@PathVariable("tenantCode") String tenantCode);

    /** The centre administrator lifts a bar, with a reason. */
    @PostExchange(LIFT_BAR)
    Mono<BookingBar> liftBar(@PathVariable("id") String barId, @RequestBody LiftBarRequest request);

    /** Public: the tenant's booking rules (release time, per-citizen limits) as citizens are told them. */
    @GetExchange(RULES)
    Mono<BookingRules> rules(@PathVariable("tenantCode") String tenantCode);

    /** The centre administrator sets the tenant's booking rules; an empty rule takes the deployment's default. */
    @PostExchange(RULES)
    Mono<BookingRules> setRules(@PathVariable("tenantCode") String tenantCode, @RequestBody SetRulesRequest request);

    /** A hall open on the day with its free places for the item. */
    record BookableHall(String hallId, String hallName, int remaining) {}

    /** {@code working}: whether it is a working day (a weekend booking day is not, A1/A3); {@code note}: the hall's reason for a special day. */
    record BookableDay(LocalDate date, boolean working, String note, List<BookableHall> halls) {}

    /**
     * {@code id}: {@code <tenantCode>:<hallId>:<yyyyMMddHHmm>} (the start in the halls' time zone); {@code releasesAt}:
     * when the slot's day is released for booking (放号), null once it is.
     */
    record Slot(String id, Instant startsAt, Instant endsAt, int capacity, int remaining, Instant releasesAt) {}

    /** Under 帮办 (C14/A7) a citizen books for another person, named with their ID number. */
    record Person(String name, String idNumber) {}

    /** {@code idNumber}: the citizen's own resident ID number (optional, for a booking of their own): lets them check in by ID card (A5). */
    record BookRequest(String idempotencyKey, String slotId, String itemId, String contactPhone, Person bookedFor, String idNumber) {}

    record RescheduleRequest(String slotId) {}

    /** Exactly one of them: the booking code, or the resident ID number of the person who comes (A5, a kiosk's ID card reader). */
    record CheckInRequest(String bookingCode, String idNumber) {}

    /**
     * One booking of a hall's day as its staff see it: who comes by masked name ({@code forOther}: booked for them under
     * 帮办), the masked contact phone, the slot, the item, the state; the booking code to check them in.
     */
    record DayAppointment(String id, String bookingCode, String status, String personNameMasked, boolean forOther,
                          String contactPhoneMasked, Instant startsAt, Instant endsAt, String itemId, String itemName,
                          Instant checkedInAt) {}

    record LiftBarRequest(String reason) {}

    /** Empty values take the deployment's defaults; {@code releaseTime} as HH:mm. */
    record SetRulesRequest(Integer horizonDays, String releaseTime, Integer maxActivePerPerson, Integer maxActiveForOthers,
                           Integer maxCancellationsPerMonth) {}

    /**
     * @param horizonDays   a day is released this many days before it, at {@code releaseTime} (HH:mm, the halls' time zone)
     * @param nextReleaseDate the next day to be released, at {@code nextReleaseAt}
     * @param own           whether the tenant set rules of its own (else the deployment's defaults)
     * @param announcement  the rules in one sentence for citizens
     */
    record BookingRules(String tenantCode, int horizonDays, String releaseTime, LocalDate nextReleaseDate, Instant nextReleaseAt,
                        int maxActivePerPerson, int maxActiveForOthers, int maxCancellationsPerMonth, int cancelBeforeMinutes,
                        int noShowLimit, boolean own, String changedBy, Instant changedAt, String announcement) {}

    /**
     * Said with an answer before a limit bites: {@code kind} ACTIVE_LIMIT (the person's or the account's bookings
     * still to come reached the limit), CANCELLATIONS (one more cancellation this month bars booking),
     * CANCELLATION_BAR (this cancellation reached the limit: booking is barred until {@code until}).
     */
    record Warning(String kind, String message, int count, int limit, Instant until) {}

    /**
     * @param status          BOOKED, CHECKED_IN, CANCELLED or NO_SHOW
     * @param qrCodeSvg       the booking code as a QR code (SVG), shown at the hall's kiosk or window
     * @param cancellableUntil the last moment it can be cancelled or moved
     * @param replayed        true when answered from an earlier request with the same idempotency key
     */
    record Appointment(String id, String bookingCode, String status, String tenantCode, String hallId, String hallName,
                       String itemId, String itemName, Instant startsAt, Instant endsAt, String bookedForName,
                       String bookedForIdMasked, String contactPhoneMasked, Instant cancellableUntil, Instant createdAt,
                       Instant checkedInAt, String qrCodeSvg, boolean replayed, List<Warning> warnings) {}

    /**
     * @param who   the person barred (masked), as far as the bookings name them
     * @param kind  NO_SHOW (A2) or CANCELLATIONS (the month's cancellations reached the tenant's limit)
     * @param noShowCodes the booking codes that made the bar (for CANCELLATIONS: the cancelled bookings)
     */
    record BookingBar(String id, String tenantCode, String who, String reason, List<String> noShowCodes, Instant barredAt,
                      Instant barredUntil, Instant liftedAt, String liftedBy, String liftReason, String kind) {}
}
