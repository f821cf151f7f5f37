package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * AB岗 (T6; ADR 0017) through the gateway: the holders tenant-service keeps reach case-service's queue by the event
 * path (window.holders.changed); at a window with holders only the A holder calls and serves, the B holder only after
 * taking the post over while A is absent, and the A holder's return ends the takeover. Refusals change nothing.
 */
@ExtendWith(PlatformUnderTest.class)
class WindowPostTest {

    private static final String LIANSHAN = "441825";

    @BeforeAll
    static void hall() {
        QueueTest.mainHall();
    }

    static String staffId(String username) {
        Api.Response r = Api.graphql(Cases.admin(), "{ staff(tenantCode: \"441825\", first: 100) { edges { node { id username } } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode e : r.data().get("staff").get("edges")) {
            if (e.get("node").get("username").asString().equals(username)) return e.get("node").get("id").asString();
        }
        throw new AssertionError("no staff record " + username + " in 连山");
    }

    static void assign(String window, String username, String position) {
        Api.Response r = Api.graphql(Cases.admin(), "mutation($i: AssignWindowHolderInput!) { assignWindowHolder(input: $i) { window { id } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", window, "staffId", staffId(username), "position", position)));
        assertThat(r.errors()).as(r.body().toString()).isNull();
    }

    private static Api.Response takeOver(String token, String window) {
        return Api.graphql(token, "mutation($i: TakeOverWindowPostInput!) { takeOverWindowPost(input: $i) { post { windowId window aHolder bHolder onDuty since } } }",
                Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", window)));
    }

    private static String rule(Api.Response r) {
        return r.errors() == null ? null : r.errors().get(0).path("extensions").path("rule").asString(null);
    }

    @Test
    void onlyTheHolderOrTheBackupWhileTheHolderIsAbsentCallsAtAWindow_T6() throws Exception {
        String category = "T" + Long.toString(System.nanoTime() % 46656, 36).toUpperCase(java.util.Locale.ROOT);
        String w = QueueTest.window(category);
        String clerk = Cases.clerk();            // A
        String approver = Cases.approver();      // B
        String agent = Tokens.staff("jitian.agent");   // 连山's staff, holding no post here
        assign(w, "lianshan.clerk", "A");
        assign(w, "lianshan.approver", "B");
        // the holders reach case-service by the event path: the agent, who may call at an unheld window, is refused
        long until = System.currentTimeMillis() + 60_000;
        Api.Response refused = QueueTest.callNext(agent, w);
        while (!"FORBIDDEN".equals(refused.errorCode()) && System.currentTimeMillis() < until) {
            assertThat(refused.data().at("/callNext/ticket").isNull()).as("nothing waits yet").isTrue();
            Thread.sleep(300);
            refused = QueueTest.callNext(agent, w);
        }
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(rule(refused)).isEqualTo("T6");
        // each assignment is an event of its own: wait until the B holder is known too (then B is no longer a stranger
        // to the window; nothing waits, so nothing is called)
        Api.Response b = QueueTest.callNext(approver, w);
        while ("FORBIDDEN".equals(b.errorCode()) && System.currentTimeMillis() < until) {
            Thread.sleep(300);
            b = QueueTest.callNext(approver, w);
        }
        assertThat(b.errorCode()).as("the B holder is known to case-service: " + b.body()).isNotEqualTo("FORBIDDEN");

        JsonNode first = QueueTest.take(clerk, category, false);
        JsonNode second = QueueTest.take(clerk, category, false);
        JsonNode third = QueueTest.take(clerk, category, false);

        // neither a non-holder nor the B holder while A is present calls; nothing is called by the refusals
        assertThat(QueueTest.callNext(agent, w).errorCode()).isEqualTo("FORBIDDEN");
        Api.Response bWhileA = QueueTest.callNext(approver, w);
        assertThat(bWhileA.errorCode()).as(bWhileA.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(rule(bWhileA)).isEqualTo("T6");
        assertThat(QueueTest.ticket(first.get("id").asString()).get("status").asString()).isEqualTo("WAITING");
        // only the B holder takes the post over
        assertThat(takeOver(agent, w).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(takeOver(clerk, w).errorCode()).isEqualTo("FORBIDDEN");

        // A calls the first ticket
        Api.Response a1 = QueueTest.callNext(clerk, w);
        assertThat(a1.data().at("/callNext/ticket/id").asString()).as(a1.body().toString()).isEqualTo(first.get("id").asString());

        // A is away: B takes the post over, calls and serves; A's ticket may now be finished by B at that window
        Api.Response taken = takeOver(approver, w);
        assertThat(taken.errors()).as(taken.body().toString()).isNull();
        assertThat(taken.data().at("/takeOverWindowPost/post/onDuty").asString()).isEqualTo("B");
        assertThat(taken.data().at("/takeOverWindowPost/post/since").isNull()).isFalse();
        Api.Response b2 = QueueTest.callNext(approver, w);
        assertThat(b2.data().at("/callNext/ticket/id").asString()).as(b2.body().toString()).isEqualTo(second.get("id").asString());
        Api.Response finished = Api.graphql(approver, "mutation($i: FinishTicketInput!) { finishTicket(input: $i) { ticket { status } } }",
                Map.of("i", Map.of("ticketId", second.get("id").asString())));
        assertThat(finished.errors()).as(finished.body().toString()).isNull();
        // a non-holder still cannot touch a ticket called at the window
        Api.Response foreign = Api.graphql(agent, "mutation($i: RecallTicketInput!) { recallTicket(input: $i) { ticket { calls } } }",
                Map.of("i", Map.of("ticketId", first.get("id").asString())));
        assertThat(foreign.errorCode()).as(foreign.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(QueueTest.ticket(first.get("id").asString()).get("calls").asInt()).as("nothing changed").isEqualTo(1);

        // A is back: A's next action ends the takeover, and B is refused again
        Api.Response a3 = QueueTest.callNext(clerk, w);
        assertThat(a3.data().at("/callNext/ticket/id").asString()).as(a3.body().toString()).isEqualTo(third.get("id").asString());
        Api.Response bAgain = Api.graphql(approver, "mutation($i: MissTicketInput!) { missTicket(input: $i) { ticket { status } } }",
                Map.of("i", Map.of("ticketId", third.get("id").asString())));
        assertThat(bAgain.errorCode()).as(bAgain.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(rule(bAgain)).isEqualTo("T6");
        assertThat(QueueTest.ticket(third.get("id").asString()).get("status").asString()).isEqualTo("CALLED");
    }
}
