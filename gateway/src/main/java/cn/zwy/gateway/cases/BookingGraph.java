package cn.zwy.gateway.cases;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.CaseApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.gateway.graphql.Connection;
import cn.zwy.gateway.graphql.Ids;
import cn.zwy.gateway.identity.Callers;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Appointments (A1–A3, ADR 0014): bookable days and slots are public; booking, moving, cancelling and the
 * citizen's list are the citizen's own (case-service binds the token's subject); check-in and the booking bars
 * (A2) are the tenant's staff's. Ids carry their tenant, so the tenancy check is made here before any call, and
 * case-service checks the same token again (ADR 0008).
 */
@Controller
public class BookingGraph {

    private static final Pattern SLOT_ID = Pattern.compile("(\\d{4}|\\d{6}|\\d{9}|\\d{12}):[0-9a-f-]{36}:\\d{12}");

    private final BookingApi booking;

    public BookingGraph(BookingApi booking) {
        this.booking = booking;
    }

    public record BookedPersonInput(String name, String idNumber) {}

    public record BookAppointmentInput(String idempotencyKey, String slotId, String itemId, String contactPhone, BookedPersonInput bookedFor,
                                       String idNumber) {}

    public record RescheduleAppointmentInput(String appointmentId, String slotId) {}

    public record CancelAppointmentInput(String appointmentId) {}

    public record CheckInAppointmentInput(String tenantCode, String bookingCode, String idNumber) {}

    public record LiftBookingBarInput(String barId, String reason) {}

    public record AppointmentPayload(BookingApi.Appointment appointment, List<BookingApi.Warning> warnings) {
        static AppointmentPayload of(BookingApi.Appointment a) {
            return new AppointmentPayload(a, a.warnings() == null ? List.of() : a.warnings());
        }
    }

    public record SetBookingRulesInput(String tenantCode, Integer horizonDays, String releaseTime, Integer maxActivePerPerson,
                                       Integer maxActiveForOthers, Integer maxCancellationsPerMonth) {}

    public record SetBookingRulesPayload(BookingApi.BookingRules rules) {}

    public record LiftBookingBarPayload(BookingApi.BookingBar bar) {}

    @QueryMapping
    public Mono<List<BookingApi.BookableDay>> bookableDays(@Argument String tenantCode, @Argument String itemId,
                                                           @Argument LocalDate from, @Argument LocalDate to) {
        tenant(tenantCode);
        return booking.bookableDays(tenantCode, item(itemId), from, to);
    }

    @QueryMapping
    public Mono<List<BookingApi.Slot>> slots(@Argument String tenantCode, @Argument String hallId, @Argument String itemId,
                                             @Argument LocalDate date) {
        tenant(tenantCode);
        return booking.slots(tenantCode, Ids.uuid("hallId", hallId).toString(), item(itemId), date);
    }

    @QueryMapping
    public Mono<Connection<BookingApi.Appointment>> myAppointments(@Argument Integer first, @Argument String after,
                                                                   @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        if (first != null && (first < 1 || first > CaseApi.MAX_FIRST)) {
            throw ApiException.validation("first", "first 应在 1 到 " + CaseApi.MAX_FIRST + " 之间");
        }
        return booking.mine(first, after).map(p -> Connection.of(p, after));
    }

    @QueryMapping
    public Mono<List<BookingApi.BookingBar>> bookingBars(@Argument String tenantCode, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的暂停预约名单");
        return booking.bars(tenant(tenantCode));
    }

    @MutationMapping
    public Mono<AppointmentPayload> bookAppointment(@Argument BookAppointmentInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        slot(input.slotId());
        BookedPersonInput p = input.bookedFor();
        return booking.book(new BookingApi.BookRequest(input.idempotencyKey(), input.slotId(), item(input.itemId()), input.contactPhone(),
                p == null ? null : new BookingApi.Person(p.name(), p.idNumber()), input.idNumber())).map(AppointmentPayload::of);
    }

    @MutationMapping
    public Mono<AppointmentPayload> rescheduleAppointment(@Argument RescheduleAppointmentInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        Ids.Scoped a = Ids.scoped("appointmentId", input.appointmentId());
        slot(input.slotId());
        return booking.reschedule(a.tenantCode() + ":" + a.id(), new BookingApi.RescheduleRequest(input.slotId())).map(AppointmentPayload::of);
    }

    @MutationMapping
    public Mono<AppointmentPayload> cancelAppointment(@Argument CancelAppointmentInput input, @AuthenticationPrincipal Jwt jwt) {
        citizen(jwt);
        Ids.Scoped a = Ids.scoped("appointmentId", input.appointmentId());
        return booking.cancel(a.tenantCode() + ":" + a.id()).map(AppointmentPayload::of);
    }

    @MutationMapping
    public Mono<AppointmentPayload> checkInAppointment(@Argument CheckInAppointmentInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(input.tenantCode())) throw ApiException.forbidden("只有本中心的工作人员可以办理预约签到");
        return booking.checkIn(tenant(input.tenantCode()), new BookingApi.CheckInRequest(input.bookingCode(), input.idNumber()))
                .map(AppointmentPayload::of);
    }

    @MutationMapping
    public Mono<LiftBookingBarPayload> liftBookingBar(@Argument LiftBookingBarInput input, @AuthenticationPrincipal Jwt jwt) {
        Ids.Scoped b = Ids.scoped("barId", input.barId());
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(b.tenantCode())) throw ApiException.forbidden("只能处理本中心的暂停预约");
        return booking.liftBar(b.tenantCode() + ":" + b.id(), new BookingApi.LiftBarRequest(input.reason())).map(LiftBookingBarPayload::new);
    }

    @QueryMapping
    public Mono<BookingApi.BookingRules> bookingRules(@Argument String tenantCode) {
        return booking.rules(tenant(tenantCode));
    }

    @MutationMapping
    public Mono<SetBookingRulesPayload> setBookingRules(@Argument SetBookingRulesInput input, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Callers.require(jwt);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(input.tenantCode())) throw ApiException.forbidden("只有本中心管理员可以设置预约规则");
        return booking.setRules(tenant(input.tenantCode()), new BookingApi.SetRulesRequest(input.horizonDays(), input.releaseTime(),
                input.maxActivePerPerson(), input.maxActiveForOthers(), input.maxCancellationsPerMonth())).map(SetBookingRulesPayload::new);
    }

    private static void citizen(Jwt jwt) {
        if (Callers.require(jwt).realm() != Realm.CITIZEN) throw ApiException.forbidden("预约由办事群众本人（公众账号）办理");
    }

    private static String tenant(String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
        return tenantCode;
    }

    private static String item(String itemId) {
        Ids.Scoped s = Ids.scoped("itemId", itemId);
        return s.tenantCode() + ":" + s.id();
    }

    private static void slot(String slotId) {
        Matcher m = slotId == null ? null : SLOT_ID.matcher(slotId);
        if (m == null || !m.matches()) throw ApiException.validation("slotId", "时段编号格式不正确（应为 区划代码:大厅编号:yyyyMMddHHmm）: " + slotId);
    }
}
