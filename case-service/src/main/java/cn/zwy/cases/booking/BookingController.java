package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.common.api.Page;
import cn.zwy.common.security.Callers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The paths of {@link BookingApi}. */
@RestController
class BookingController {

    private final Bookings bookings;
    private final BookingBars bars;
    private final BookingRules rules;
    private final DayAppointments days;

    BookingController(Bookings bookings, BookingBars bars, BookingRules rules, DayAppointments days) {
        this.bookings = bookings;
        this.bars = bars;
        this.rules = rules;
        this.days = days;
    }

    @GetMapping(BookingApi.DAY_LIST)
    List<BookingApi.DayAppointment> dayList(@PathVariable String tenantCode, @PathVariable String hallId,
                                            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date,
                                            @RequestParam(required = false) String name) {
        return days.list(Callers.require(), tenantCode, hallId, date, name);
    }

    @GetMapping(BookingApi.RULES)
    BookingApi.BookingRules rules(@PathVariable String tenantCode) {
        return rules.read(tenantCode);
    }

    @PostMapping(BookingApi.RULES)
    BookingApi.BookingRules setRules(@PathVariable String tenantCode, @RequestBody(required = false) BookingApi.SetRulesRequest request) {
        return rules.set(Callers.require(), tenantCode, request);
    }

    @GetMapping(BookingApi.DAYS)
    List<BookingApi.BookableDay> bookableDays(@PathVariable String tenantCode, @RequestParam(required = false) String itemId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return bookings.bookableDays(tenantCode, itemId, from, to);
    }

    @GetMapping(BookingApi.SLOTS)
    List<BookingApi.Slot> slots(@PathVariable String tenantCode, @PathVariable String hallId, @RequestParam(required = false) String itemId,
                                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        return bookings.slots(tenantCode, hallId, itemId, date);
    }

    @PostMapping(BookingApi.APPOINTMENTS)
    BookingApi.Appointment book(@RequestBody(required = false) BookingApi.BookRequest request) {
        return bookings.book(Callers.require(), request);
    }

    @PostMapping(BookingApi.RESCHEDULE)
    BookingApi.Appointment reschedule(@PathVariable String id, @RequestBody(required = false) BookingApi.RescheduleRequest request) {
        return bookings.reschedule(Callers.require(), id, request);
    }

    @PostMapping(BookingApi.CANCEL)
    BookingApi.Appointment cancel(@PathVariable String id) {
        return bookings.cancel(Callers.require(), id);
    }

    @GetMapping(BookingApi.MINE)
    Page<BookingApi.Appointment> mine(@RequestParam(required = false) Integer first, @RequestParam(required = false) String after) {
        return bookings.mine(Callers.require(), first, after);
    }

    @PostMapping(BookingApi.CHECK_IN)
    BookingApi.Appointment checkIn(@PathVariable String tenantCode, @RequestBody(required = false) BookingApi.CheckInRequest request) {
        return bookings.checkIn(Callers.require(), tenantCode, request == null ? null : request.bookingCode(),
                request == null ? null : request.idNumber());
    }

    @GetMapping(BookingApi.BARS)
    List<BookingApi.BookingBar> bars(@PathVariable String tenantCode) {
        return bars.list(Callers.require(), tenantCode);
    }

    @PostMapping(BookingApi.LIFT_BAR)
    BookingApi.BookingBar liftBar(@PathVariable String id, @RequestBody(required = false) BookingApi.LiftBarRequest request) {
        return bars.lift(Callers.require(), id, request == null ? null : request.reason());
    }
}
