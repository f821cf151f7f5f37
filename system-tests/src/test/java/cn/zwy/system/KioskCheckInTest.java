package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A5 through the gateway: at a kiosk a citizen checks in by ID card number as well as by booking code — the person
 * booked for (帮办) by theirs, a citizen booking for themselves by the number they gave with the booking. Only a
 * booking of today at the tenant; bad input gets a specific error and checks nothing in.
 */
@ExtendWith(PlatformUnderTest.class)
class KioskCheckInTest {

    private static final String LIANSHAN = "441825";

    static Api.Response checkInById(String token, String tenant, String idNumber) {
        return Api.graphql(token, "mutation($i: CheckInAppointmentInput!) { checkInAppointment(input: $i) { " + Bookings.APPOINTMENT + " } }",
                Map.of("i", Map.of("tenantCode", tenant, "idNumber", idNumber)));
    }

    @Test
    void checkInByIdCardNumberAtTheKiosk_A5() throws Exception {
        String hall = Bookings.mainHall(LIANSHAN);
        List<String> items = Bookings.items(LIANSHAN);
        String item = items.get(5);
        List<LocalDate> days = Bookings.openDays(LIANSHAN, hall, item, 2);
        String kiosk = Cases.clerk();

        // booked for a person (帮办), the slot moved to today in ten minutes
        Map<String, Object> person = Bookings.person("刷证签到");
        String idNumber = (String) person.get("idNumber");
        JsonNode forOther = Bookings.booked(Cases.citizen(), Bookings.input(Bookings.slots(LIANSHAN, hall, item, days.get(0)).getFirst().get("id").asString(),
                item, "bookedFor", person));
        // not today yet: nothing to check in by that number
        Api.Response notToday = checkInById(kiosk, LIANSHAN, idNumber);
        assertThat(notToday.errorCode()).as(notToday.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(notToday.errorField()).isEqualTo("idNumber");
        Bookings.age(forOther.get("id").asString(), Instant.now().plus(Duration.ofMinutes(10)), Cases.today());

        // bad input first: both or neither, a wrong check digit, another tenant's kiosk, a citizen — nothing checked in
        Map<String, Object> both = new HashMap<>(Map.of("tenantCode", LIANSHAN, "idNumber", idNumber, "bookingCode", forOther.get("bookingCode").asString()));
        Api.Response twice = Api.graphql(kiosk, "mutation($i: CheckInAppointmentInput!) { checkInAppointment(input: $i) { appointment { status } } }",
                Map.of("i", both));
        assertThat(twice.errorCode()).isEqualTo("VALIDATION");
        Api.Response neither = Api.graphql(kiosk, "mutation($i: CheckInAppointmentInput!) { checkInAppointment(input: $i) { appointment { status } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN)));
        assertThat(neither.errorCode()).isEqualTo("VALIDATION");
        assertThat(neither.errorField()).isEqualTo("bookingCode");
        String wrongDigit = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1");
        Api.Response bad = checkInById(kiosk, LIANSHAN, wrongDigit);
        assertThat(bad.errorCode()).as(bad.body().toString()).isEqualTo("VALIDATION");
        assertThat(bad.errorField()).isEqualTo("idNumber");
        assertThat(checkInById(Tokens.staff("taishan.clerk"), LIANSHAN, idNumber).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(checkInById(Tokens.staff("taishan.clerk"), "440781", idNumber).errorCode()).as("台山 has no booking of that person")
                .isEqualTo("NOT_FOUND");
        assertThat(checkInById(Cases.citizen(), LIANSHAN, idNumber).errorCode()).isEqualTo("FORBIDDEN");

        // the ID card at the kiosk checks the person in (the queue's ticket comes with it, ADR 0017); again: answered as it is
        Api.Response in = checkInById(kiosk, LIANSHAN, idNumber);
        assertThat(in.errors()).as(in.body().toString()).isNull();
        assertThat(in.data().at("/checkInAppointment/appointment/id").asString()).isEqualTo(forOther.get("id").asString());
        assertThat(in.data().at("/checkInAppointment/appointment/status").asString()).isEqualTo("CHECKED_IN");
        assertThat(in.data().at("/checkInAppointment/appointment/replayed").asBoolean()).as("none of the refusals checked it in").isFalse();
        Api.Response again = checkInById(kiosk, LIANSHAN, idNumber);
        assertThat(again.errors()).as(again.body().toString()).isNull();
        assertThat(again.data().at("/checkInAppointment/appointment/replayed").asBoolean()).isTrue();

        // a citizen booking for themselves gives their own number with the booking, and checks in by it
        String own = Bookings.newIdNumber();
        String otherItem = items.get(6);
        String slot = Bookings.slots(LIANSHAN, hall, otherItem, Bookings.openDays(LIANSHAN, hall, otherItem, 12).get(11)).getFirst().get("id").asString();
        Api.Response mixed = Bookings.book(Cases.citizen(), Bookings.input(slot, otherItem, "idNumber", own, "bookedFor", Bookings.person("混填")));
        assertThat(mixed.errorCode()).isEqualTo("VALIDATION");
        assertThat(mixed.errorField()).isEqualTo("idNumber");
        JsonNode mine = Bookings.booked(Cases.citizen(), Bookings.input(slot, otherItem, "idNumber", own));
        Bookings.age(mine.get("id").asString(), Instant.now().plus(Duration.ofMinutes(20)), Cases.today());
        Api.Response self = checkInById(kiosk, LIANSHAN, own);
        assertThat(self.errors()).as(self.body().toString()).isNull();
        assertThat(self.data().at("/checkInAppointment/appointment/id").asString()).isEqualTo(mine.get("id").asString());
        assertThat(self.data().at("/checkInAppointment/appointment/status").asString()).isEqualTo("CHECKED_IN");
    }
}
