package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A browser's GraphQL WebSocket signs in with its access token in the connection_init payload (a browser
 * cannot set an Authorization header on a WebSocket; ADR 0025, gateway SocketSignIn): checked exactly as a
 * request's token — a signed-in citizen follows their own case and no one else's (C16), a token that fails
 * the check closes the connection (4401) instead of leaving an anonymous socket, and without a token the
 * socket is anonymous as before.
 */
@ExtendWith(PlatformUnderTest.class)
class WebSocketSignInTest {

    private static final String UPDATED = "subscription($id: ID!) { caseUpdated(id: $id) { id status } }";

    @Test
    void theApplicantSignedInByConnectionInitFollowsTheirCase_C16() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        try (Subscription s = Subscription.openSignedInByInit(Cases.citizen(), UPDATED, Map.of("id", id))) {
            JsonNode m = s.next(20);
            assertThat(m.get("type").asString()).as(m.toString()).isEqualTo("next");
            assertThat(m.at("/payload/data/caseUpdated/status").asString()).isEqualTo("SUBMITTED");
        }
    }

    @Test
    void anotherCitizenSignedInByConnectionInitCannotFollowTheCase_C16() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        try (Subscription s = Subscription.openSignedInByInit(Cases.otherCitizen(), UPDATED, Map.of("id", id))) {
            JsonNode m = s.next(20);
            assertThat(m.toString()).contains("NOT_FOUND").doesNotContain("\"status\"");
        }
    }

    @Test
    void aTokenThatFailsTheCheckClosesTheConnection() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        String valid = Cases.citizen();
        // the citizen's own token with its signature broken: what the gateway would accept unchecked if it only decoded
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        try (Subscription s = Subscription.openSignedInByInit(forged, UPDATED, Map.of("id", id))) {
            JsonNode m = s.next(20);
            assertThat(m.get("type").asString()).as(m.toString()).isEqualTo("closed");
            assertThat(m.get("code").asInt()).isEqualTo(4401);
        }
    }

    @Test
    void withoutATokenTheSocketIsAnonymous() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        try (Subscription s = Subscription.open(null, UPDATED, Map.of("id", id))) {
            JsonNode m = s.next(20);
            assertThat(m.toString()).contains("UNAUTHENTICATED").doesNotContain("\"status\"");
        }
    }
}
