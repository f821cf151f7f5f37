package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
        // the hall's hours as they were: other tests (appointments) book by them, so they are put back
        Object before = Api.JSON.convertValue(Halls.hall(LIANSHAN).get("openingHours"), List.class);
        try {
            Api.Response r = Halls.update(Tokens.staff("lianshan.admin"), Map.of("tenantCode", LIANSHAN, "openingHours", hours));
            assertThat(r.errors()).isNull();
            assertThat(Halls.hall(LIANSHAN).at("/openingHours/1/weekday").asString()).isEqualTo("SATURDAY");
        } finally {
            Api.Response back = Halls.update(Tokens.staff("lianshan.admin"), Map.of("tenantCode", LIANSHAN, "openingHours", before));
            assertThat(back.errors()).as(back.body().toString()).isNull();
        }
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

    /**
     * Issue 6: a name containing U+202E (right-to-left override) was accepted and showed reversed
     * in every list. Unicode format characters (Cf: bidi controls, zero-width characters, BOM) and
     * line separators are refused in names wherever they enter (halls, departments, windows,
     * standard items, guides) with VALIDATION naming the field and the character; nothing changes.
     */
    @Test
    void formatCharactersAreRefusedInNames() {
        String admin = Tokens.staff("lianshan.admin");
        String hallName = Halls.hall(LIANSHAN).get("name").asString();
        for (String c : List.of("\u202E", "\u200B", "\u200F", "\u2066", "\u2069", "\uFEFF", "\u00AD", "\u2028")) {
            Api.Response r = refused(Map.of("tenantCode", LIANSHAN, "name", "连山" + c + "政务服务中心"), "name");
            assertThat(r.errors().get(0).get("message").asString()).contains(String.format("U+%04X", (int) c.charAt(0)));
        }
        assertThat(Halls.hall(LIANSHAN).get("name").asString()).isEqualTo(hallName);

        // a new town centre (小三江镇, which no other test adds)
        String addHall = "mutation($i: AddHallInput!) { addHall(input: $i) { hall { id } } }";
        Map<String, Object> hall = new HashMap<>(Map.of("tenantCode", LIANSHAN, "regionCode", "441825109",
                "name", "小三江镇便民服务\u202E心中", "address", "连山壮族瑶族自治县小三江镇", "phone", "0763-6612345",
                "openingHours", List.of(day("MONDAY", "08:30", "17:30"))));
        expectRefused(Api.graphql(admin, addHall, Map.of("i", hall)), "name");
        hall.put("name", "小三江镇便民服务中心");
        hall.put("address", "连山壮族瑶族自治县\u200B小三江镇");
        expectRefused(Api.graphql(admin, addHall, Map.of("i", hall)), "address");
        String halls = "{ halls(tenantCode: \"441825\") { id regionCode } }";
        assertThat(Api.graphql(null, halls, Map.of()).data().get("halls").findValuesAsString("regionCode")).doesNotContain("441825109");

        // a department and a window of the main hall
        String hallId = Halls.hall(LIANSHAN).get("id").asString();
        expectRefused(Api.graphql(admin, "mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { created } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "hallId", hallId, "name", "县\u202E局测试"))), "name");
        expectRefused(Api.graphql(admin, "mutation($i: CreateWindowInput!) { createWindow(input: $i) { created } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "hallId", hallId, "number", "F1", "name", "综合\u200D窗口", "kind", "COMPREHENSIVE"))),
                "name");
        Api.Response organisation = Api.graphql(admin, "{ departments(tenantCode: \"441825\") { name } windows(tenantCode: \"441825\") { number name } }", Map.of());
        assertThat(organisation.data().get("departments").findValuesAsString("name")).doesNotContain("县\u202E局测试");
        assertThat(organisation.data().get("windows").findValuesAsString("number")).doesNotContain("F1");

        // a standard item's name (the province's administrator) and a guide's window name (the centre)
        Map<String, Object> std = new HashMap<>(Map.of("provinceCode", "44", "itemType", "LICENSE", "mainCode", Catalog.uniqueMainCode(),
                "subCode", "000", "mainName", "格式字符测试\u202E事项", "exerciseLevels", List.of("COUNTY"),
                "legalBasis", "《中华人民共和国行政许可法》", "reason", "测试", "urgent", true));
        expectRefused(Api.graphql(Catalog.provincialAdmin(), Catalog.ADD_STANDARD, Map.of("input", std)), "mainName");
        assertThat(Api.graphql(null, Catalog.STANDARD_ITEMS_BY_TEXT, Map.of("p", "44", "text", "格式字符测试")).data()
                .at("/standardItems/edges")).isEmpty();
        String item = Catalog.newItem("格式字符测试指南");
        Map<String, Object> guide = Catalog.completeGuide(5);
        guide.put("windows", List.of(Map.of("name", "综合受理\u2067窗口", "location", "一楼", "hours", "工作日")));
        expectRefused(Catalog.saveDraft(admin, item, guide), "guide.windows[0].name");
        assertThat(Catalog.item(admin, item).at("/draft/guide/implementingAgency").isNull()).isTrue();
    }

    private static void expectRefused(Api.Response r, String field) {
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo(field);
        assertThat(r.errors().get(0).get("message").asString()).contains("U+");
    }
}
