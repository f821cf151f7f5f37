package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * T3 (ADR 0016): the applicant of a case a village station recorded claims it into their account by the case number on
 * the station's receipt and their ID number; then they read it, follow it and get its messages like a case of their
 * own. Whatever does not match is NOT_FOUND (nothing told about other cases), a case claimed by another account a
 * CONFLICT, and the station's retry still files nothing twice.
 */
@ExtendWith(PlatformUnderTest.class)
class StationClaimTest {

    private static final String CLAIM = "mutation($i: ClaimStationCaseInput!) { claimStationCase(input: $i) { claimed { caseId caseNumber stationSiteCode replayed } } }";

    static Api.Response claim(String token, String caseNumber, String idNumber) {
        return Api.graphql(token, CLAIM, Map.of("i", Map.of("caseNumber", caseNumber, "idNumber", idNumber)));
    }

    @Test
    void applicantClaimsTheCaseAStationRecordedForThem_T3() {
        Map<String, Object> input = VillageAgencyTest.submission(UUID.randomUUID().toString());
        JsonNode receipt = VillageAgencyTest.recorded(Tokens.staff("jitian.agent"), input);
        String id = receipt.path("caseId").asString();
        String number = receipt.path("caseNumber").asString();
        KeycloakAccounts.Citizen applicant = KeycloakAccounts.createCitizen();
        try {
            String token = applicant.token();
            // not theirs yet: unseen
            Api.Response before = Api.graphql(token, "query($id: ID!) { case(id: $id) { id } }", Map.of("id", id));
            assertThat(before.errorCode() != null || before.data().path("case").isNull()).as(before.body().toString()).isTrue();

            // what does not match tells nothing: another ID number, a citizen's own (not a station's) case, bad input, staff
            Api.Response wrong = claim(token, number, Bookings.newIdNumber());
            assertThat(wrong.errorCode()).as(wrong.body().toString()).isEqualTo("NOT_FOUND");
            assertThat(wrong.errorField()).isEqualTo("caseNumber");
            Api.Response online = Cases.submit(Cases.citizen(), Cases.submission(Cases.promisedItem(), UUID.randomUUID().toString()));
            assertThat(online.status()).as(online.body().toString()).isEqualTo(200);
            Api.Response notStation = claim(token, online.body().get("caseNumber").asString(), Cases.ID_NUMBER);
            assertThat(notStation.errorCode()).as(notStation.body().toString()).isEqualTo("NOT_FOUND");
            assertThat(notStation.errors().get(0).get("message").asString()).isEqualTo(wrong.errors().get(0).get("message").asString()
                    .replace(number, online.body().get("caseNumber").asString()));
            assertThat(claim(token, "441825-abc", Cases.ID_NUMBER).errorField()).isEqualTo("caseNumber");
            assertThat(claim(token, number, "110105194912310021").errorField()).isEqualTo("idNumber");
            assertThat(claim(Tokens.staff("lianshan.clerk"), number, Cases.ID_NUMBER).errorCode()).isEqualTo("FORBIDDEN");
            assertThat(VillageAgencyTest.read(Tokens.staff("jitian.agent"), id).path("station").path("applicantHasAccount").asBoolean())
                    .as("nothing changed").isFalse();

            // the applicant claims it with the number on the receipt and their ID number
            Api.Response claimed = claim(token, number, Cases.ID_NUMBER);
            assertThat(claimed.errors()).as(claimed.body().toString()).isNull();
            assertThat(claimed.data().at("/claimStationCase/claimed/caseId").asString()).isEqualTo(id);
            assertThat(claimed.data().at("/claimStationCase/claimed/stationSiteCode").asString()).isEqualTo("441825104");
            assertThat(claimed.data().at("/claimStationCase/claimed/replayed").asBoolean()).isFalse();
            assertThat(claim(token, number, Cases.ID_NUMBER).data().at("/claimStationCase/claimed/replayed").asBoolean()).isTrue();

            // now theirs: read with its timeline, in their cases, its receipt in their messages, no longer the agent's to relay
            Api.Response read = Api.graphql(token, "query($id: ID!) { case(id: $id) { id caseNumber station { applicantHasAccount } timeline { action } } }",
                    Map.of("id", id));
            assertThat(read.errors()).as(read.body().toString()).isNull();
            assertThat(read.data().at("/case/station/applicantHasAccount").asBoolean()).isTrue();
            assertThat(read.data().at("/case/timeline").findValuesAsString("action")).contains("SUBMITTED", "CLAIMED_BY_APPLICANT");
            Api.Response cases = Api.graphql(token, "{ myCases(first: 10) { edges { node { id } } } }", Map.of());
            assertThat(cases.errors()).as(cases.body().toString()).isNull();
            assertThat(cases.data().findValuesAsString("id")).contains(id);
            Api.Response messages = Api.graphql(token, "{ myMessages(first: 10) { edges { node { caseId kind } } } }", Map.of());
            assertThat(messages.errors()).as(messages.body().toString()).isNull();
            assertThat(messages.data().findValuesAsString("caseId")).contains(id);
            assertThat(VillageAgencyTest.stationMessages(Tokens.staff("jitian.agent"), id)).isEmpty();

            // another account cannot take it over; the station's retry answers the same case (no second filing)
            Api.Response other = claim(Cases.otherCitizen(), number, Cases.ID_NUMBER);
            assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("CONFLICT");
            JsonNode again = VillageAgencyTest.recorded(Tokens.staff("jitian.agent"), input);
            assertThat(again.path("caseId").asString()).isEqualTo(id);
            assertThat(again.path("replayed").asBoolean()).isTrue();
        } finally {
            KeycloakAccounts.deleteCitizen(applicant);
        }
    }
}
