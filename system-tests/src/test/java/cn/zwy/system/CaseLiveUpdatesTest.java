package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The applicant follows their case live and hears of it (issue 8, ADR 0012): the caseUpdated
 * subscription over the gateway's WebSocket gets the case when staff accept and complete it (and when
 * any other process commits a change: the announcement is PostgreSQL's NOTIFY, heard by every
 * instance), is refused for another citizen or another tenant's staff as case(id) is; myMessages lists
 * the receipt and the acceptance newest first, for their citizen only; markMessageRead; and the SMS of
 * each message is sent through the logging sender after the commit and recorded in sms_outbox.
 */
@ExtendWith(PlatformUnderTest.class)
class CaseLiveUpdatesTest {

    private static final String UPDATED = "subscription($id: ID!) { caseUpdated(id: $id) { id status version holder "
            + "timeline { action } } }";
    private static final String MESSAGES = """
            query($first: Int, $after: String) { myMessages(first: $first, after: $after) {
              edges { cursor node { id caseId caseNumber kind title body createdAt readAt } }
              pageInfo { hasNextPage endCursor } } }""";
    private static final String MARK_READ = "mutation($id: ID!) { markMessageRead(id: $id) { message { id kind readAt } } }";

    /** The case of the next {@code next} message, failing on anything else. */
    private static JsonNode nextCase(Subscription s) throws InterruptedException {
        JsonNode m = s.next(20);
        assertThat(m.get("type").asString()).as(m.toString()).isEqualTo("next");
        assertThat(m.path("payload").path("errors").isMissingNode()).as(m.toString()).isTrue();
        return m.path("payload").path("data").path("caseUpdated");
    }

    /** Skips pushes of states already seen (a stream may repeat the current state after it starts). */
    private static JsonNode nextWithStatus(Subscription s, String status) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            JsonNode c = nextCase(s);
            if (c.get("status").asString().equals(status)) return c;
        }
        throw new AssertionError("no case with status " + status);
    }

    @Test
    void theApplicantSeesAcceptanceAndCompletionLive_C2() throws Exception {
        JsonNode receipt = Cases.submitted(Cases.promisedItem());
        String id = receipt.get("caseId").asString();
        try (Subscription citizen = Subscription.open(Cases.citizen(), UPDATED, Map.of("id", id));
             Subscription clerk = Subscription.open(Cases.clerk(), UPDATED, Map.of("id", id))) {
            // first the case as it stands: the stream is live from here on
            JsonNode now = nextCase(citizen);
            assertThat(now.get("id").asString()).isEqualTo(id);
            assertThat(now.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(nextCase(clerk).get("status").asString()).isEqualTo("SUBMITTED");

            Cases.ok(Cases.act(Cases.clerk(), id, "accept", Cases.staff(Cases.version(id))));
            JsonNode accepted = nextWithStatus(citizen, "ACCEPTED");
            assertThat(accepted.get("timeline").toString()).contains("ACCEPTED");
            assertThat(nextWithStatus(clerk, "ACCEPTED").get("version").asLong()).isEqualTo(accepted.get("version").asLong());

            Cases.ok(Cases.act(Cases.approver(), id, "complete", Cases.staff(Cases.version(id), "approved", true)));
            assertThat(nextWithStatus(citizen, "COMPLETED").get("version").asLong()).isGreaterThan(accepted.get("version").asLong());
        }
    }

    @Test
    void aChangeCommittedByAnyProcessReachesTheSubscriber() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        try (Subscription citizen = Subscription.open(Cases.citizen(), UPDATED, Map.of("id", id))) {
            assertThat(nextCase(citizen).get("status").asString()).isEqualTo("SUBMITTED");
            // another writer than this case-service instance (here: a session of the test, as another
            // instance would be): the trigger's NOTIFY reaches every listening instance on commit
            try (Connection db = CaseDb.connectAsOwner()) {
                db.setAutoCommit(false);
                db.createStatement().execute("select set_config('app.tenant_id', '" + Cases.LIANSHAN + "', true), "
                        + "set_config('app.tenant_write', 'on', true)");
                try (PreparedStatement st = db.prepareStatement(
                        "update case_file set holder = '另一实例的收件窗口', version = version + 1 where id = ?")) {
                    st.setObject(1, UUID.fromString(id.substring(id.indexOf(':') + 1)));
                    assertThat(st.executeUpdate()).isEqualTo(1);
                }
                db.commit();
            }
            JsonNode changed = nextCase(citizen);
            assertThat(changed.get("holder").asString()).isEqualTo("另一实例的收件窗口");
        }
    }

    @Test
    void anotherCitizenCannotFollowTheCase_C16() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        try (Subscription other = Subscription.open(Cases.otherCitizen(), UPDATED, Map.of("id", id))) {
            JsonNode m = other.next(20);
            assertThat(m.get("type").asString()).as(m.toString()).isIn("error", "next");
            assertThat(m.toString()).contains("NOT_FOUND").doesNotContain("\"status\"");
        }
        try (Subscription otherTenant = Subscription.open(Tokens.staff("taishan.clerk"), UPDATED, Map.of("id", id))) {
            JsonNode m = otherTenant.next(20);
            assertThat(m.toString()).contains("FORBIDDEN").doesNotContain("\"status\"");
        }
    }

    private static List<JsonNode> messagesOf(String token, String caseId) {
        Api.Response r = Api.graphql(token, MESSAGES, Map.of("first", 100));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : r.data().path("myMessages").path("edges")) {
            if (e.path("node").path("caseId").asString().equals(caseId)) out.add(e.get("node"));
        }
        return out;
    }

    @Test
    void theApplicantsMessagesListReceiptThenAcceptance_C1_C2() {
        JsonNode receipt = Cases.submitted(Cases.promisedItem());
        String id = receipt.get("caseId").asString();
        String number = receipt.get("caseNumber").asString();
        JsonNode accepted = Cases.ok(Cases.act(Cases.clerk(), id, "accept", Cases.staff(Cases.version(id))));

        List<JsonNode> mine = messagesOf(Cases.citizen(), id);
        // newest first: the acceptance notice, then the receipt
        assertThat(mine).extracting(m -> m.get("kind").asString()).containsExactly("ACCEPTED", "RECEIPT");
        JsonNode acceptance = mine.get(0);
        assertThat(acceptance.get("title").asString()).isEqualTo("受理通知");
        assertThat(acceptance.get("body").asString()).contains(number).contains("承诺于 " + accepted.path("clock").path("deadline").asString());
        assertThat(mine.get(1).get("body").asString()).contains(number).contains("已收件");
        assertThat(acceptance.get("readAt").isNull()).isTrue();

        // another citizen sees none of them
        assertThat(messagesOf(Cases.otherCitizen(), id)).isEmpty();
        // staff have no message list
        assertThat(Api.graphql(Cases.clerk(), MESSAGES, Map.of()).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void onlyTheApplicantMarksTheirMessageRead() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        String messageId = messagesOf(Cases.citizen(), id).get(0).get("id").asString();

        Api.Response other = Api.graphql(Cases.otherCitizen(), MARK_READ, Map.of("id", messageId));
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(messagesOf(Cases.citizen(), id).get(0).get("readAt").isNull()).isTrue();

        Api.Response r = Api.graphql(Cases.citizen(), MARK_READ, Map.of("id", messageId));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/markMessageRead/message/readAt").isNull()).isFalse();
        assertThat(messagesOf(Cases.citizen(), id).get(0).get("readAt").isNull()).isFalse();
    }

    @Test
    void everyMessageIsSentBySmsAfterTheCommitWithTheNumberMasked_M3() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        Cases.ok(Cases.act(Cases.clerk(), id, "accept", Cases.staff(Cases.version(id))));
        List<String> ids = messagesOf(Cases.citizen(), id).stream().map(m -> m.get("id").asString()).toList();
        assertThat(ids).hasSize(2);

        // the logging sender's record: sms_outbox rows marked sent (by the scheduler, within a few polls)
        long until = System.currentTimeMillis() + 30_000;
        List<String> sent = List.of();
        while (System.currentTimeMillis() < until) {
            sent = sentSms(id);
            if (sent.size() == 2) break;
            Thread.sleep(500);
        }
        assertThat(sent).hasSize(2).allSatisfy(s -> assertThat(s).isEqualTo("logging 138****8000"));
    }

    /**
     * The SMS of a change goes out right after its commit (the drain of the committing instance, ADR 0040): within a
     * second of its message, where the scheduler would have sent it at its next poll (every 5 s) and its task only falls
     * due after 30 s.
     */
    @Test
    void theSmsGoesOutRightAfterTheCommit_ADR0040() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        Cases.ok(Cases.act(Cases.clerk(), id, "accept", Cases.staff(Cases.version(id))));
        long until = System.currentTimeMillis() + 30_000;
        while (sentSms(id).size() < 2 && System.currentTimeMillis() < until) Thread.sleep(100);
        List<Double> delays = new ArrayList<>();
        try (Connection db = lianshan()) {
            try (PreparedStatement st = db.prepareStatement(
                    "select extract(epoch from sent_at - created_at) from sms_outbox where case_id = ? and sent_at is not null")) {
                st.setObject(1, caseUuid(id));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) delays.add(rs.getDouble(1));
                }
            }
            db.commit();
        }
        assertThat(delays).as("seconds from each message to its SMS").hasSize(2).allSatisfy(d -> assertThat(d).isLessThan(1.0));
    }

    /**
     * An SMS that no drain sent (its instance died between the commit and the drain) still goes out: its task, written
     * with it in the change's transaction, falls due and whichever scheduler picks it sends it once.
     */
    @Test
    void anSmsNoDrainSentGoesOutByItsTask_ADR0040() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        long until = System.currentTimeMillis() + 30_000;
        while (sentSms(id).size() < 1 && System.currentTimeMillis() < until) Thread.sleep(100);
        long logFrom = Files.size(PlatformUnderTest.logOf(Service.CASE));
        UUID messageId;
        // what the database holds when the committing instance died before its drain: the row unsent, its task due
        try (Connection db = lianshan()) {
            try (PreparedStatement st = db.prepareStatement(
                    "update sms_outbox set sent_at = null, sender = null where case_id = ? returning message_id")) {
                st.setObject(1, caseUuid(id));
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    messageId = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement st = db.prepareStatement("insert into scheduled_tasks (task_name, task_instance, execution_time, "
                    + "picked, version) values ('sms-send', ?, now(), false, 1)")) {
                st.setString(1, Cases.LIANSHAN + ":" + messageId);
                st.executeUpdate();
            }
            db.commit();
        }
        assertThat(sentSms(id)).isEmpty();
        until = System.currentTimeMillis() + 30_000;
        List<String> sent = List.of();
        while (System.currentTimeMillis() < until) {
            sent = sentSms(id);
            if (!sent.isEmpty()) break;
            Thread.sleep(250);
        }
        assertThat(sent).as("sent by its task within a few polls").containsExactly("logging 138****8000");
        byte[] all = Files.readAllBytes(PlatformUnderTest.logOf(Service.CASE));
        String log = new String(all, (int) logFrom, all.length - (int) logFrom, StandardCharsets.UTF_8);
        assertThat(log).contains("sms of message " + messageId + " sent to 138****8000 by its task");
    }

    /** A transaction bound to 连山 (row-level security), for reading and changing its rows as case-service does. */
    private static Connection lianshan() throws Exception {
        Connection db = CaseDb.connect();
        db.setAutoCommit(false);
        CaseDb.bind(db.createStatement(), Cases.LIANSHAN);
        return db;
    }

    private static UUID caseUuid(String caseId) {
        return UUID.fromString(caseId.substring(caseId.indexOf(':') + 1));
    }

    private static List<String> sentSms(String caseId) throws Exception {
        try (Connection db = lianshan()) {
            try (PreparedStatement st = db.prepareStatement(
                    "select sender, phone_masked from sms_outbox where case_id = ? and sent_at is not null")) {
                st.setObject(1, UUID.fromString(caseId.substring(caseId.indexOf(':') + 1)));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
                }
                db.commit();
                return out;
            }
        }
    }
}
