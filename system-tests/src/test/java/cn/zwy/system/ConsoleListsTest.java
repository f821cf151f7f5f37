package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The staff console's remaining lists (issue 12, ADR 0033) through the public GraphQL endpoint: who was shown a case's
 * personal numbers (M3), a hall's appointments of a day by masked name (A1, M3), a department's joint reviews waiting
 * for its opinion (C10) — each for the tenant's own staff only: another tenant's staff, the province's administrator
 * and citizens are refused.
 */
@ExtendWith(PlatformUnderTest.class)
class ConsoleListsTest {

    private static final String TENANT = "441825";
    private static final String REVEAL = """
            mutation($input: RevealCasePersonalDataInput!) { revealCasePersonalData(input: $input) { field value } }""";
    private static final String READS = """
            query($c: ID!) { casePersonalDataReads(caseId: $c) { field readerRealm readerId readerName reason readAt } }""";
    private static final String DAY = """
            query($t: ID!, $h: ID!, $d: Date!, $n: String) { hallDayAppointments(tenantCode: $t, hallId: $h, date: $d, name: $n) {
              id bookingCode status personNameMasked forOther contactPhoneMasked startsAt endsAt itemId itemName checkedInAt } }""";
    private static final String PENDING = """
            query($t: ID!, $d: String) { pendingJointReviews(tenantCode: $t, department: $d) {
              case { id caseNumber itemName version status } review { department state due overdue upperApproval } } }""";

    /** The refusals of a list for someone else than the tenant's own staff. */
    private static void refusedToOutsiders(String query, Map<String, Object> variables) {
        for (String outsider : List.of(Tokens.staff("taishan.clerk"), Tokens.staff("gd.admin"), Cases.citizen(), Cases.otherCitizen())) {
            Api.Response r = Api.graphql(outsider, query, variables);
            assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("FORBIDDEN");
        }
        Api.Response anonymous = Api.graphql(null, query, variables);
        assertThat(anonymous.errorCode()).as(anonymous.body().toString()).isIn("UNAUTHENTICATED", "FORBIDDEN");
    }

    private static JsonNode ok(Api.Response r, String field) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get(field);
    }

    @Test
    void theCasesOwnStaffSeeWhoWasShownItsPersonalNumbers_M3() {
        String caseId = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        Map<String, Object> vars = Map.of("c", caseId);
        assertThat(ok(Api.graphql(Cases.clerk(), READS, vars), "casePersonalDataReads")).as("nothing shown yet").isEmpty();

        String reason = "窗口核验身份 " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Api.graphql(Cases.clerk(), REVEAL, Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_ID_NUMBER",
                "reason", reason))).errors()).isNull();
        assertThat(Api.graphql(Cases.approver(), REVEAL, Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_PHONE",
                "reason", "回访申请人"))).errors()).isNull();
        // a refused show (no reason) leaves no record and no line
        assertThat(Api.graphql(Cases.clerk(), REVEAL, Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_PHONE",
                "reason", " "))).errorCode()).isEqualTo("VALIDATION");

        // any staff member of 连山 reads the list, newest first: who, which field, why, when; never the number itself
        Api.Response listed = Api.graphql(Cases.admin(), READS, vars);
        JsonNode reads = ok(listed, "casePersonalDataReads");
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).get("field").asString()).isEqualTo("APPLICANT_PHONE");
        assertThat(reads.get(0).get("reason").asString()).isEqualTo("回访申请人");
        assertThat(reads.get(1).get("field").asString()).isEqualTo("APPLICANT_ID_NUMBER");
        assertThat(reads.get(1).get("reason").asString()).isEqualTo(reason);
        assertThat(reads.get(1).get("readerRealm").asString()).isEqualTo("STAFF");
        assertThat(reads.get(1).get("readerName").asString()).isNotBlank();
        assertThat(reads.get(0).get("readerId").asString()).isNotEqualTo(reads.get(1).get("readerId").asString());
        assertThat(listed.body().toString()).doesNotContain(Cases.ID_NUMBER).doesNotContain(Cases.PHONE);

        // the applicant, another tenant's staff and the province's administrator are refused; so is a malformed id
        refusedToOutsiders(READS, vars);
        Api.Response bad = Api.graphql(Cases.clerk(), READS, Map.of("c", "441825:not-a-uuid"));
        assertThat(bad.errorCode()).isEqualTo("VALIDATION");
        assertThat(bad.errorField()).isEqualTo("caseId");
        Api.Response unknown = Api.graphql(Cases.clerk(), READS, Map.of("c", TENANT + ":" + UUID.randomUUID()));
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aHallsDayListsItsBookingsByMaskedNameFoundByTheFullName_A1() throws Exception {
        KeycloakAccounts.Citizen fresh = KeycloakAccounts.createCitizen();
        try {
            String hall = Bookings.mainHall(TENANT);
            String item = Bookings.items(TENANT).getFirst();
            LocalDate day = Bookings.openDays(TENANT, hall, item, 1).getFirst();
            String slot = Bookings.freeSlots(TENANT, hall, item, day, 2).getFirst().get("id").asString();
            // the fresh account (市民 测试) books for itself; another citizen books for a person (帮办) with a name of four characters
            JsonNode own = Bookings.booked(fresh.token(), Bookings.input(slot, item, "contactPhone", "13912345678"));
            String other = "欧阳" + "娜丽芳".charAt((int) (Math.random() * 3)) + "娜";
            JsonNode forOther = Bookings.booked(Cases.otherCitizen(), Bookings.input(slot, item, "bookedFor", Bookings.person(other)));

            Map<String, Object> vars = new java.util.HashMap<>(Map.of("t", TENANT, "h", hall, "d", day.toString()));
            Api.Response all = Api.graphql(Cases.clerk(), DAY, vars);
            JsonNode mine = byCode(ok(all, "hallDayAppointments"), own.get("bookingCode").asString());
            assertThat(mine.get("personNameMasked").asString()).isEqualTo("市***");
            assertThat(mine.get("forOther").asBoolean()).isFalse();
            assertThat(mine.get("contactPhoneMasked").asString()).isEqualTo("139****5678");
            assertThat(mine.get("status").asString()).isEqualTo("BOOKED");
            assertThat(mine.get("startsAt").asString()).isEqualTo(own.get("startsAt").asString());
            JsonNode theirs = byCode(all.data().get("hallDayAppointments"), forOther.get("bookingCode").asString());
            assertThat(theirs.get("personNameMasked").asString()).isEqualTo("欧***");
            assertThat(theirs.get("forOther").asBoolean()).isTrue();
            // no name in full on the list
            assertThat(all.body().toString()).doesNotContain("市民测试").doesNotContain(other).doesNotContain("13912345678");

            // the full name finds the booking, the surname too; another name does not
            vars.put("n", "市民 测试");
            assertThat(codes(ok(Api.graphql(Cases.clerk(), DAY, vars), "hallDayAppointments")))
                    .contains(own.get("bookingCode").asString()).doesNotContain(forOther.get("bookingCode").asString());
            vars.put("n", other);
            assertThat(codes(ok(Api.graphql(Cases.clerk(), DAY, vars), "hallDayAppointments")))
                    .containsExactly(forOther.get("bookingCode").asString());
            vars.put("n", "市");
            assertThat(codes(ok(Api.graphql(Cases.clerk(), DAY, vars), "hallDayAppointments"))).contains(own.get("bookingCode").asString());
            vars.put("n", "市民测");
            assertThat(codes(ok(Api.graphql(Cases.clerk(), DAY, vars), "hallDayAppointments"))).doesNotContain(own.get("bookingCode").asString());

            // checked in from the list (its booking code) on its day, the day's list shows it
            Api.Response early = Bookings.checkIn(Cases.clerk(), TENANT, own.get("bookingCode").asString());
            assertThat(early.errorCode()).as("not before its day (A5)").isEqualTo("RULE_VIOLATION");
            Bookings.age(own.get("id").asString(), Instant.now().plus(Duration.ofMinutes(10)), Cases.today());
            assertThat(Bookings.checkIn(Cases.clerk(), TENANT, own.get("bookingCode").asString()).errors()).isNull();
            vars.remove("n");
            vars.put("d", Cases.today().toString());
            JsonNode checked = byCode(ok(Api.graphql(Cases.clerk(), DAY, vars), "hallDayAppointments"), own.get("bookingCode").asString());
            assertThat(checked.get("status").asString()).isEqualTo("CHECKED_IN");
            assertThat(checked.get("checkedInAt").isNull()).isFalse();

            refusedToOutsiders(DAY, vars);
            vars.put("h", "not-a-hall");
            assertThat(Api.graphql(Cases.clerk(), DAY, vars).errorField()).isEqualTo("hallId");
            vars.put("h", UUID.randomUUID().toString());
            assertThat(Api.graphql(Cases.clerk(), DAY, vars).errorCode()).isEqualTo("NOT_FOUND");
            vars.put("h", hall);
            vars.put("n", "名".repeat(51));
            assertThat(Api.graphql(Cases.clerk(), DAY, vars).errorField()).isEqualTo("name");
        } finally {
            KeycloakAccounts.deleteCitizen(fresh);
        }
    }

    @Test
    void aDepartmentSeesTheJointReviewsWaitingForItsOpinion_C10() {
        String market = "县市场监督管理局" + UUID.randomUUID().toString().substring(0, 6);
        String fire = "县消防救援大队" + UUID.randomUUID().toString().substring(0, 6);
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        Api.Response accepted = Api.graphql(Cases.clerk(), "mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { id version } } }",
                Map.of("i", Cases.staffAction(id, 0, "综合受理窗口 3 号", "jointDepartments",
                        List.of(Map.of("department", market, "upperApproval", false), Map.of("department", fire, "upperApproval", false)))));
        long version = ok(accepted, "acceptCase").get("case").get("version").asLong();

        JsonNode waiting = ok(Api.graphql(Cases.clerk(), PENDING, Map.of("t", TENANT, "d", market)), "pendingJointReviews");
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).at("/case/id").asString()).isEqualTo(id);
        assertThat(waiting.get(0).at("/case/version").asLong()).isEqualTo(version);
        assertThat(waiting.get(0).at("/review/department").asString()).isEqualTo(market);
        assertThat(waiting.get(0).at("/review/state").asString()).isEqualTo("PENDING");
        // without a department: every department's, the market's and the fire brigade's of this case among them
        List<String> departments = new ArrayList<>();
        ok(Api.graphql(Cases.admin(), PENDING, Map.of("t", TENANT)), "pendingJointReviews").forEach(p -> {
            if (p.at("/case/id").asString().equals(id)) departments.add(p.at("/review/department").asString());
        });
        assertThat(departments).containsExactlyInAnyOrder(market, fire);

        // the department's approver refuses with a reason: it no longer waits; the other department still does
        Api.Response answered = Api.graphql(Cases.approver(), "mutation($i: AnswerJointReviewInput!) { answerJointReview(input: $i) { case { version } } }",
                Map.of("i", Cases.staffAction(id, version, "市场监管窗口", "department", market, "agreed", false, "opinion", "经营场所不符合要求")));
        assertThat(answered.errors()).as(answered.body().toString()).isNull();
        assertThat(ok(Api.graphql(Cases.clerk(), PENDING, Map.of("t", TENANT, "d", market)), "pendingJointReviews")).isEmpty();
        assertThat(ok(Api.graphql(Cases.clerk(), PENDING, Map.of("t", TENANT, "d", fire)), "pendingJointReviews")).hasSize(1);

        refusedToOutsiders(PENDING, Map.of("t", TENANT, "d", fire));
        Api.Response badTenant = Api.graphql(Cases.clerk(), PENDING, Map.of("t", "44-18"));
        assertThat(badTenant.errorField()).isEqualTo("tenantCode");
        Api.Response longName = Api.graphql(Cases.clerk(), PENDING, Map.of("t", TENANT, "d", "局".repeat(101)));
        assertThat(longName.errorField()).isEqualTo("department");
    }

    private static JsonNode byCode(JsonNode list, String code) {
        for (JsonNode a : list) if (a.get("bookingCode").asString().equals(code)) return a;
        throw new AssertionError("no booking " + code + " in " + list);
    }

    private static List<String> codes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(a -> out.add(a.get("bookingCode").asString()));
        return out;
    }
}
