package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a specific error naming the field, and changes nothing. */
@ExtendWith(PlatformUnderTest.class)
class ValidationTest {

    private static final String LIANSHAN = "441825";

    private static Map<String, Object> day(String weekday, String opens, String closes) {
        return Map.of("weekday", weekday, "periods", List.of(Map.of("opens", opens, "closes", closes)));
    }

    /** Sends an update that must be refused with VALIDATION on the field, leaving the hall as it was. */
    private static Api.Response refused(Map<String, Object> input, String field) {
        int version = Halls.hall(LIANSHAN).get("version").asInt();
        Api.Response r = Halls.update(Tokens.staff("lianshan.admin"), input);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(r.errors().get(0).get("message").asString()).isNotBlank();
        assertThat(Halls.hall(LIANSHAN).get("version").asInt()).isEqualTo(version);
        return r;
    }

    @Test
    void unknownRegionCode() {
        Api.Response unknown = Api.graphql(null, "{ regions(parentCode: \"999999\") { code } }", Map.of());
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(unknown.errorField()).isEqualTo("parentCode");
        assertThat(unknown.errors().get(0).get("message").asString()).contains("999999");
        Api.Response malformed = Api.graphql(null, "{ hall(tenantCode: \"44-18\") { name } }", Map.of());
        assertThat(malformed.errorCode()).isEqualTo("VALIDATION");
        assertThat(malformed.errorField()).isEqualTo("tenantCode");
        Api.Response notTenant = Api.graphql(null, "{ hall(tenantCode: \"441802\") { name } }", Map.of());
        assertThat(notTenant.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(notTenant.errors().get(0).get("message").asString()).contains("尚未开通");
    }

    @Test
    void emptyHallName() {
        refused(Map.of("tenantCode", LIANSHAN, "name", "   "), "name");
    }

    @Test
    void oversizedText() {
        refused(Map.of("tenantCode", LIANSHAN, "name", "政".repeat(101)), "name");
        refused(Map.of("tenantCode", LIANSHAN, "address", "路".repeat(201)), "address");
    }

    @Test
    void malformedHours_A4() {
        refused(Map.of("tenantCode", LIANSHAN, "openingHours", List.of(day("MONDAY", "8:30", "11:30"))),
                "openingHours[0].periods[0].opens");
        refused(Map.of("tenantCode", LIANSHAN, "openingHours", List.of(day("MONDAY", "08:30", "24:30"))),
                "openingHours[0].periods[0].closes");
        refused(Map.of("tenantCode", LIANSHAN, "openingHours", List.of(day("MONDAY", "14:30", "11:30"))),
                "openingHours[0].periods[0]");
        refused(Map.of("tenantCode", LIANSHAN, "openingHours", List.of(day("MONDAY", "08:30", "11:30"), day("MONDAY", "14:30", "17:30"))),
                "openingHours[1].weekday");
        refused(Map.of("tenantCode", LIANSHAN, "openingHours", List.of(Map.of("weekday", "TUESDAY", "periods",
                List.of(Map.of("opens", "08:30", "closes", "12:00"), Map.of("opens", "11:30", "closes", "17:30"))))),
                "openingHours[0].periods");
    }

    @Test
    void wellFormedHoursAreAccepted_A4() {
        List<Map<String, Object>> hours = List.of(
                Map.of("weekday", "MONDAY", "periods", List.of(Map.of("opens", "08:30", "closes", "11:30"), Map.of("opens", "14:30", "closes", "17:30"))),
                Map.of("weekday", "SATURDAY", "periods", List.of(Map.of("opens", "09:00", "closes", "12:00"))));
        Api.Response r = Halls.update(Tokens.staff("lianshan.admin"), Map.of("tenantCode", LIANSHAN, "openingHours", hours));
        assertThat(r.errors()).isNull();
        assertThat(Halls.hall(LIANSHAN).at("/openingHours/1/weekday").asString()).isEqualTo("SATURDAY");
    }

    @Test
    void malformedPhone() {
        refused(Map.of("tenantCode", LIANSHAN, "phone", "call me"), "phone");
    }

    @Test
    void nothingToChange() {
        refused(Map.of("tenantCode", LIANSHAN), "input");
    }

    @Test
    void pageSizeAboveLimit() {
        Api.Response r = Api.graphql(Tokens.staff("lianshan.clerk"), Halls.CHANGES, Map.of("t", LIANSHAN, "first", 101));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("first");
    }

    @Test
    void staleVersionIsAConflict() {
        int version = Halls.hall(LIANSHAN).get("version").asInt();
        Api.Response r = Halls.update(Tokens.staff("lianshan.admin"),
                Map.of("tenantCode", LIANSHAN, "phone", Halls.uniquePhone(), "expectedVersion", version - 1));
        assertThat(r.errorCode()).isEqualTo("CONFLICT");
        assertThat(r.errorField()).isEqualTo("expectedVersion");
        assertThat(Halls.hall(LIANSHAN).get("version").asInt()).isEqualTo(version);
    }

    @Test
    void wrongArgumentTypeIsAValidationError() {
        Api.Response r = Api.graphql(null, "{ hallChanges(tenantCode: \"441825\", first: \"ten\") { totalCount } }", Map.of());
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
    }
}
