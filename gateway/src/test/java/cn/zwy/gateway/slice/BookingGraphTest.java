package cn.zwy.gateway.slice;

import static cn.zwy.gateway.slice.TestCallers.LIANSHAN;
import static cn.zwy.gateway.slice.TestCallers.YANGSHAN;
import static cn.zwy.gateway.slice.TestCallers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.gateway.cases.BookingGraph;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Mono;

/**
 * The booking resolvers against a mocked contract (ADR 0014): who may book, check in and lift a bar is decided
 * before any call; a malformed slot or item id never becomes part of a service URL; the service's answers and
 * its rule errors (A2) pass through unchanged.
 */
@GraphQlTest(controllers = BookingGraph.class, properties = TestCallers.NO_REDIS)
@Import(SliceConfig.class)
class BookingGraphTest {

    private static final String HALL = "2c1d7a82-c9b4-46eb-aeff-08cada106e83";
    private static final String SLOT = LIANSHAN + ":" + HALL + ":202612150830";
    private static final String ITEM = LIANSHAN + ":0b6b3c43-5e3c-4c0b-9a59-2c1f6f0f0001";
    private static final String BOOK = "mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { appointment { id bookingCode status } } }";

    @Autowired ExecutionGraphQlService graphQl;
    @MockitoBean BookingApi booking;

    private static BookingApi.Appointment appointment() {
        Instant at = Instant.parse("2026-12-15T00:30:00Z");
        return new BookingApi.Appointment(LIANSHAN + ":6f1c2b7e-0d7a-4d55-9c1e-3b1f5a2e0001", "K7M2QX9D", "BOOKED", LIANSHAN, HALL,
                "连山县政务服务中心", ITEM, "普通护照签发", at, at.plusSeconds(1800), null, null, null, at.minusSeconds(3600), at, null,
                "<svg/>", false, java.util.List.of());
    }

    private static Map<String, Object> input(String slotId, String itemId) {
        return Map.of("idempotencyKey", "k-1", "slotId", slotId, "itemId", itemId);
    }

    @Test
    void onlyACitizenBooksAndAMalformedIdIsRefusedBeforeAnyCall() {
        Errors.expect(as(graphQl, null).document(BOOK).variable("i", input(SLOT, ITEM)).execute(), "UNAUTHENTICATED", null);
        Errors.expect(as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(BOOK).variable("i", input(SLOT, ITEM)).execute(), "FORBIDDEN", null);
        Errors.expect(as(graphQl, TestCallers.citizen()).document(BOOK).variable("i", input(LIANSHAN + ":../../x", ITEM)).execute(),
                "VALIDATION", "slotId");
        Errors.expect(as(graphQl, TestCallers.citizen()).document(BOOK).variable("i", input(SLOT, "441825:..")).execute(), "VALIDATION", "itemId");
        verifyNoInteractions(booking);

        when(booking.book(any())).thenReturn(Mono.just(appointment()));
        var ok = as(graphQl, TestCallers.citizen()).document(BOOK)
                .variable("i", Map.of("idempotencyKey", "k-1", "slotId", SLOT, "itemId", ITEM, "bookedFor", Map.of("name", "张三", "idNumber", "11010519491231002X")))
                .execute();
        Errors.none(ok);
        ok.path("bookAppointment.appointment.bookingCode").entity(String.class).isEqualTo("K7M2QX9D");
        ArgumentCaptor<BookingApi.BookRequest> sent = ArgumentCaptor.forClass(BookingApi.BookRequest.class);
        verify(booking).book(sent.capture());
        assertThat(sent.getValue().slotId()).isEqualTo(SLOT);
        assertThat(sent.getValue().bookedFor()).isEqualTo(new BookingApi.Person("张三", "11010519491231002X"));
    }

    @Test
    void theBarPassesThroughWithItsRule_A2() {
        when(booking.book(any())).thenReturn(Mono.error(new ApiException(ErrorCode.RULE_VIOLATION,
                "您因180 天内 3 次预约未到（爽约），自 2026年12月1日 10:00 起至 2027年3月1日 10:00 暂停在本中心预约（A2）。", "slotId", "A2")));
        var r = as(graphQl, TestCallers.citizen()).document(BOOK).variable("i", input(SLOT, ITEM)).execute();
        r.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "RULE_VIOLATION").containsEntry("rule", "A2")
                    .containsEntry("field", "slotId");
            assertThat(errors.getFirst().getMessage()).contains("2027年3月1日");
        });
    }

    @Test
    void checkInAndBarsAreTheTenantsStaffs_T2() {
        String checkIn = "mutation { checkInAppointment(input: {tenantCode: \"" + LIANSHAN + "\", bookingCode: \"K7M2QX9D\"}) { appointment { status } } }";
        Errors.expect(as(graphQl, TestCallers.staff(YANGSHAN, "clerk")).document(checkIn).execute(), "FORBIDDEN", null);
        Errors.expect(as(graphQl, TestCallers.citizen()).document(checkIn).execute(), "FORBIDDEN", null);
        String bars = "{ bookingBars(tenantCode: \"" + LIANSHAN + "\") { id } }";
        Errors.expect(as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin")).document(bars).execute(), "FORBIDDEN", null);
        String lift = "mutation { liftBookingBar(input: {barId: \"" + LIANSHAN + ":6f1c2b7e-0d7a-4d55-9c1e-3b1f5a2e0009\", reason: \"核实\"}) { bar { id } } }";
        Errors.expect(as(graphQl, TestCallers.staff(YANGSHAN, "centre_admin")).document(lift).execute(), "FORBIDDEN", null);
        verifyNoInteractions(booking);

        when(booking.checkIn(eq(LIANSHAN), any())).thenReturn(Mono.just(appointment()));
        Errors.none(as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(checkIn).execute());
        when(booking.bars(LIANSHAN)).thenReturn(Mono.just(List.of()));
        Errors.none(as(graphQl, TestCallers.staff(LIANSHAN, "clerk")).document(bars).execute());
    }

    @Test
    void slotsArePublic() {
        when(booking.slots(LIANSHAN, HALL, ITEM, LocalDate.of(2026, 12, 15))).thenReturn(Mono.just(List.of(
                new BookingApi.Slot(SLOT, Instant.parse("2026-12-15T00:30:00Z"), Instant.parse("2026-12-15T01:00:00Z"), 6, 5, null))));
        var r = as(graphQl, null).document("{ slots(tenantCode: \"" + LIANSHAN + "\", hallId: \"" + HALL + "\", itemId: \"" + ITEM
                + "\", date: \"2026-12-15\") { id remaining } }").execute();
        Errors.none(r);
        r.path("slots[0].remaining").entity(Integer.class).isEqualTo(5);
        Errors.expect(as(graphQl, null).document("{ slots(tenantCode: \"" + LIANSHAN + "\", hallId: \"x\", itemId: \"" + ITEM
                + "\", date: \"2026-12-15\") { id } }").execute(), "VALIDATION", "hallId");
    }
}
