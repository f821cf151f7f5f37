package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Three-level agency (三级全程代理, T3; seed 000 村级代办点《受理报送清单》), through the gateway: 吉田镇's agent
 * (jitian.agent, site 441825104 of 连山 441825) records an application at the station for an applicant without an
 * account; the receipt names the agent (T8); the station reports it to the centre within 2 working days, late is
 * flagged by the persistent timer; the centre accepts only once it arrived; the agent answers the applicant
 * (the messages in stationMessages) and delivers the result. Bad callers and bad input change nothing.
 */
@ExtendWith(PlatformUnderTest.class)
class VillageAgencyTest {

    private static final String LIANSHAN = "441825";
    private static final String STATION = "441825104";
    private static final String AGENT_PHONE = "0763-6688104";
    private static final String WINDOW = "吉田镇代办点";

    private static final String RECEIPT_FIELDS = "caseId caseNumber tenantCode promisedCompletionDate firstResponsible { name phone } replayed";
    private static final String RECORD = "mutation($input: RecordStationSubmissionInput!) { recordStationSubmission(input: $input) { receipt { "
            + RECEIPT_FIELDS + " } } }";
    private static final String CASE_FIELDS = """
            id status version nextStep flags applicantIdMasked contactPhoneMasked
            clock { startedOn deadline }
            relay { state forwardDue forwardCarrier forwardTrackingNumber }
            station { siteCode agentName agentPhone applicantHasAccount }
            timeline { action actor window place status note }""";

    private static String agent() { return Tokens.staff("jitian.agent"); }

    private static String clerk() { return Tokens.staff("lianshan.clerk"); }

    // ------------------------------------------------------------------ the station's receipt

    @Test
    void agentRecordsAVillageSubmission_T3() throws Exception {
        Map<String, Object> input = submission(UUID.randomUUID().toString());
        JsonNode receipt = recorded(agent(), input);
        String id = receipt.path("caseId").asString();
        assertThat(receipt.path("tenantCode").asString()).as("the case is the tenant's").isEqualTo(LIANSHAN);
        // T8: the agent who took it answers for it, with their phone
        assertThat(receipt.path("firstResponsible").path("name").asString()).contains("代办员").contains(STATION);
        assertThat(receipt.path("firstResponsible").path("phone").asString()).isEqualTo(AGENT_PHONE);
        assertThat(receipt.path("replayed").asBoolean()).isFalse();

        JsonNode c = read(agent(), id);
        assertThat(c.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(c.path("station").path("siteCode").asString()).isEqualTo(STATION);
        assertThat(c.path("station").path("agentPhone").asString()).isEqualTo(AGENT_PHONE);
        assertThat(c.path("station").path("applicantHasAccount").asBoolean()).isFalse();
        // M3: sealed as any other case, masked in the staff view
        assertThat(c.path("applicantIdMasked").asString()).isNotEqualTo(Cases.ID_NUMBER).contains("*");
        assertThat(c.path("contactPhoneMasked").asString()).isNotEqualTo(Cases.PHONE).contains("*");
        // 受理报送清单: at the station, due at the centre within 2 working days (the 2nd working day after today)
        assertThat(c.path("relay").path("state").asString()).isEqualTo("AT_HALL");
        LocalDate due = LocalDate.parse(c.path("relay").path("forwardDue").asString());
        assertThat(due).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 2));
        assertThat(timer("FORWARD|" + due + "|" + id)).as("the report's timer waits in the scheduler's table").isTrue();
        JsonNode filed = c.path("timeline").get(0);
        assertThat(filed.path("action").asString()).isEqualTo("SUBMITTED");
        assertThat(filed.path("place").asString()).as("taken at the station").isEqualTo(STATION);
        assertThat(filed.path("note").asString()).contains("受理报送清单").contains(due.toString());
        assertThat(c.path("nextStep").asString()).contains(STATION).contains("报送中心");

        // the station's queue has it; the centre's does not until it arrives
        assertThat(inInbox(agent(), "AT_MY_STATION", id)).isNotNull();
        assertThat(inInbox(agent(), "AT_MY_STATION", id).path("stationSiteCode").asString()).isEqualTo(STATION);
        assertThat(inInbox(clerk(), "OWN", id)).isNull();
        // the applicant has no account: the receipt is in the station's messages for the agent to relay
        assertThat(stationMessages(agent(), id)).extracting(m -> m.path("kind").asString()).contains("RECEIPT");

        // a retry with the same key makes no second case; the same key for another application is a CONFLICT
        JsonNode again = recorded(agent(), input);
        assertThat(again.path("caseId").asString()).isEqualTo(id);
        assertThat(again.path("replayed").asBoolean()).isTrue();
        Map<String, Object> other = new HashMap<>(input);
        other.put("contact", Map.of("name", "李四", "phone", "13900139000"));
        assertThat(Api.graphql(agent(), RECORD, Map.of("input", other)).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void forwardingLaterThanTwoWorkingDaysIsFlagged_T3() throws Exception {
        String id = recorded(agent(), submission(UUID.randomUUID().toString())).path("caseId").asString();
        JsonNode c = read(agent(), id);
        LocalDate due = LocalDate.parse(c.path("relay").path("forwardDue").asString());
        assertThat(c.path("flags")).isEmpty();

        // as if the days passed: the due date and its timer move into the past, the timer is due now
        LocalDate past = Cases.today().minusDays(4);
        movePastDue(id, due, past);
        JsonNode flagged = awaitAction(id, "FORWARDING_LATE");
        assertThat(flagged.path("actor").asString()).isEqualTo("系统（时限监察）");
        assertThat(flagged.path("place").asString()).isEqualTo(STATION);
        assertThat(flagged.path("note").asString()).contains("T3").contains(past.toString());
        assertThat(read(agent(), id).path("flags").toString()).contains("FORWARDING_LATE");
        assertThat(inInbox(agent(), "AT_MY_STATION", id).path("flags").toString()).contains("FORWARDING_LATE");

        // reported at last: the flag goes, the record says it was late
        JsonNode reported = done(act(agent(), "forwardCase", "ForwardCaseInput", staff(id, version(id))), "forwardCase");
        assertThat(reported.path("flags")).isEmpty();
        assertThat(reported.path("relay").path("state").asString()).isEqualTo("ARRIVED");
        JsonNode step = last(reported, "REPORTED_TO_CENTRE");
        assertThat(step.path("note").asString()).contains("逾期");
        assertThat(step.path("place").asString()).isEqualTo(STATION);
    }

    @Test
    void centreCannotAcceptBeforeItArrives_T3() {
        String id = recorded(agent(), submission(UUID.randomUUID().toString())).path("caseId").asString();
        long v = version(id);
        Api.Response early = act(clerk(), "acceptCase", "AcceptCaseInput", staff(id, v));
        assertThat(early.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(rule(early)).isEqualTo("T3");
        // the centre's clerk is not the station's: it cannot report the case for it
        assertThat(act(clerk(), "forwardCase", "ForwardCaseInput", staff(id, v)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(version(id)).as("nothing changed").isEqualTo(v);

        // paper by post with tracking: in transit, still not acceptable
        JsonNode posted = done(act(agent(), "forwardCase", "ForwardCaseInput",
                staff(id, v, "carrier", "EMS", "trackingNumber", "1180000104001")), "forwardCase");
        assertThat(posted.path("relay").path("state").asString()).isEqualTo("IN_TRANSIT");
        assertThat(posted.path("relay").path("forwardTrackingNumber").asString()).isEqualTo("1180000104001");
        assertThat(inInbox(clerk(), "OWN", id)).isNull();
        assertThat(rule(act(clerk(), "acceptCase", "AcceptCaseInput", staff(id, version(id))))).isEqualTo("T3");
        // the station cannot confirm its own report's arrival: the centre's front desk does
        Api.Response self = act(agent(), "receiveForwardedCase", "ReceiveForwardedCaseInput", staff(id, version(id)));
        assertThat(rule(self)).as(self.body().toString()).isEqualTo("T3");

        JsonNode arrived = done(act(clerk(), "receiveForwardedCase", "ReceiveForwardedCaseInput", staff(id, version(id))),
                "receiveForwardedCase");
        assertThat(arrived.path("relay").path("state").asString()).isEqualTo("ARRIVED");
        assertThat(last(arrived, "CENTRE_RECEIVED").path("note").asString()).contains("1180000104001");
        assertThat(inInbox(clerk(), "OWN", id)).isNotNull();
        JsonNode accepted = done(act(clerk(), "acceptCase", "AcceptCaseInput", staff(id, version(id))), "acceptCase");
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        // the centre's acceptance starts the clock (受理当日开始计算)
        assertThat(accepted.path("clock").path("startedOn").asString()).isEqualTo(Cases.today().toString());
    }

    @Test
    void agentDeliversTheResult_T3() {
        String id = recorded(agent(), submission(UUID.randomUUID().toString())).path("caseId").asString();
        done(act(agent(), "forwardCase", "ForwardCaseInput", staff(id, version(id))), "forwardCase");
        done(act(clerk(), "acceptCase", "AcceptCaseInput", staff(id, version(id))), "acceptCase");
        JsonNode completed = done(act(Tokens.staff("lianshan.approver"), "completeCase", "CompleteCaseInput",
                staff(id, version(id), "approved", true)), "completeCase");
        assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("nextStep").asString()).contains("代办员");
        // the applicant has no account: what they were told waits for the agent (receipt, acceptance, result)
        assertThat(stationMessages(agent(), id)).extracting(m -> m.path("kind").asString())
                .contains("RECEIPT", "ACCEPTED", "COMPLETED");
        assertThat(inInbox(agent(), "AT_MY_STATION", id)).as("the agent follows it to delivery").isNotNull();

        // the centre does not hand the result over past the agent who carries it
        long v = version(id);
        Api.Response byCentre = act(clerk(), "deliverCase", "DeliverCaseInput", staff(id, v));
        assertThat(rule(byCentre)).as(byCentre.body().toString()).isEqualTo("T3");
        assertThat(version(id)).as("nothing changed").isEqualTo(v);

        JsonNode delivered = done(act(agent(), "deliverCase", "DeliverCaseInput", staff(id, v, "note", "代办员上门送达")), "deliverCase");
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        JsonNode step = last(delivered, "DELIVERED");
        assertThat(step.path("place").asString()).isEqualTo(STATION);
        assertThat(step.path("note").asString()).contains("代办员");
        assertThat(stationMessages(agent(), id)).extracting(m -> m.path("kind").asString()).contains("DELIVERED");
        assertThat(inInbox(agent(), "AT_MY_STATION", id)).as("done").isNull();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void onlyTheTenantsAgentAtAStationRecords_T3() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = submission(key);
        // a clerk of the tenant without a station (and not an agent)
        Api.Response clerk = Api.graphql(clerk(), RECORD, Map.of("input", input));
        assertThat(clerk.errorCode()).as(clerk.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(rule(clerk)).isEqualTo("T3");
        // the centre administrator is staff of the tenant but no agent either
        assertThat(rule(Api.graphql(Tokens.staff("lianshan.admin"), RECORD, Map.of("input", input)))).isEqualTo("T3");
        // another tenant's agent
        Api.Response other = Api.graphql(otherTenantsAgent(), RECORD, Map.of("input", input));
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("FORBIDDEN");
        // a citizen files their own case (submitCase), never through the station's operation
        Api.Response citizen = Api.graphql(Cases.citizen(), RECORD, Map.of("input", input));
        assertThat(citizen.errorCode()).as(citizen.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(Api.post(Cases.url("/api/stations/cases"), Cases.citizen(), input).status()).isEqualTo(403);
        // the station's queue is for staff posted at a station
        Api.Response queue = Api.graphql(clerk(), "query { caseInbox(tenantCode: \"441825\", filter: AT_MY_STATION) { totalCount } }", Map.of());
        assertThat(queue.errorCode()).isEqualTo("FORBIDDEN");

        // the agent's own bad input: a wrong check digit, a material the guide does not list, no phone
        Map<String, Object> badId = new HashMap<>(input);
        badId.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "110105194912310021"));
        Api.Response r1 = Api.graphql(agent(), RECORD, Map.of("input", badId));
        assertThat(r1.errorCode()).isEqualTo("VALIDATION");
        assertThat(r1.errorField()).isEqualTo("applicant.idNumber");
        Map<String, Object> badMaterial = new HashMap<>(input);
        badMaterial.put("materials", List.of(Map.of("name", "不存在的材料", "copies", 1)));
        Api.Response r2 = Api.graphql(agent(), RECORD, Map.of("input", badMaterial));
        assertThat(r2.errorCode()).isEqualTo("VALIDATION");
        assertThat(r2.errorField()).isEqualTo("materials[0].name");
        Map<String, Object> badPhone = new HashMap<>(input);
        badPhone.put("agentPhone", "电话");
        assertThat(Api.graphql(agent(), RECORD, Map.of("input", badPhone)).errorField()).isEqualTo("agentPhone");

        // nothing was filed under the key: the first good submission with it makes the case
        assertThat(recorded(agent(), input).path("replayed").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> submission(String key) {
        Map<String, Object> body = Cases.submission(Cases.promisedItem(), key);
        body.put("agentPhone", AGENT_PHONE);
        return body;
    }

    /** Records it, waiting (up to 60 s) for case-service to have the guide from the event path (NOT_FOUND until then). */
    static JsonNode recorded(String token, Map<String, Object> input) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            Api.Response r = Api.graphql(token, RECORD, Map.of("input", input));
            if ("NOT_FOUND".equals(r.errorCode()) && System.currentTimeMillis() < until) {
                sleep(500);
                continue;
            }
            assertThat(r.errors()).as(r.body().toString()).isNull();
            return r.data().path("recordStationSubmission").path("receipt");
        }
    }

    static JsonNode read(String token, String id) {
        Api.Response r = Api.graphql(token, "query($id: ID!) { case(id: $id) { " + CASE_FIELDS + " } }", Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("case");
    }

    private static long version(String id) {
        return Api.graphql(clerk(), "query($id: ID!) { case(id: $id) { version } }", Map.of("id", id)).data().at("/case/version").asLong();
    }

    static Api.Response act(String token, String field, String inputType, Map<String, Object> input) {
        return Api.graphql(token, "mutation($input: " + inputType + "!) { " + field + "(input: $input) { case { " + CASE_FIELDS + " } } }",
                Map.of("input", input));
    }

    private static JsonNode done(Api.Response r, String field) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path(field).path("case");
    }

    static Map<String, Object> staff(String id, long version, Object... more) {
        return Cases.staffAction(id, version, WINDOW, more);
    }

    private static String rule(Api.Response r) {
        return r.errors() == null ? null : r.errors().get(0).path("extensions").path("rule").asString(null);
    }

    private static JsonNode last(JsonNode c, String action) {
        JsonNode found = null;
        for (JsonNode e : c.path("timeline")) if (e.path("action").asString().equals(action)) found = e;
        assertThat(found).as(action + " in " + c.path("timeline")).isNotNull();
        return found;
    }

    /** The inbox row of the case in 连山's queue {@code filter}, paging through it; null when it is not there. */
    static JsonNode inInbox(String token, String filter, String id) {
        String after = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("f", filter);
            vars.put("after", after);
            Api.Response r = Api.graphql(token, """
                    query($f: CaseInboxFilter, $after: String) { caseInbox(tenantCode: "441825", filter: $f, first: 100, after: $after) {
                      edges { node { id flags stationSiteCode } } pageInfo { hasNextPage endCursor } } }""", vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            JsonNode inbox = r.data().path("caseInbox");
            for (JsonNode e : inbox.path("edges")) if (e.path("node").path("id").asString().equals(id)) return e.path("node");
            if (!inbox.path("pageInfo").path("hasNextPage").asBoolean()) return null;
            after = inbox.path("pageInfo").path("endCursor").asString();
        }
        return null;
    }

    /** The station's messages about the case (newest first), paging through the station's list. */
    static List<JsonNode> stationMessages(String token, String caseId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("after", after);
            Api.Response r = Api.graphql(token, """
                    query($after: String) { stationMessages(tenantCode: "441825", first: 100, after: $after) {
                      edges { node { id caseId kind body } } pageInfo { hasNextPage endCursor } } }""", vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            JsonNode list = r.data().path("stationMessages");
            for (JsonNode e : list.path("edges")) if (e.path("node").path("caseId").asString().equals(caseId)) out.add(e.path("node"));
            if (!list.path("pageInfo").path("hasNextPage").asBoolean()) break;
            after = list.path("pageInfo").path("endCursor").asString();
        }
        return out;
    }

    private static JsonNode awaitAction(String id, String action) {
        long until = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < until) {
            for (JsonNode e : read(clerk(), id).path("timeline")) if (e.path("action").asString().equals(action)) return e;
            sleep(1000);
        }
        throw new AssertionError(action + " was not recorded on " + id);
    }

    /** As if the days passed: the report's due date moves to {@code past} and its timer with it, due now. */
    private static void movePastDue(String id, LocalDate due, LocalDate past) throws Exception {
        String uuid = id.substring(id.indexOf(':') + 1);
        try (Connection db = CaseDb.connectAsOwner()) {
            try (Statement st = db.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + LIANSHAN + "', false), set_config('app.tenant_write', 'on', false)");
            }
            try (PreparedStatement ps = db.prepareStatement("update case_file set forward_due = ? where id = ?::uuid")) {
                ps.setObject(1, past);
                ps.setString(2, uuid);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "update scheduled_tasks set task_instance = ?, execution_time = now() where task_name = 'case-timer' and task_instance = ?")) {
                ps.setString(1, "FORWARD|" + past + "|" + id);
                ps.setString(2, "FORWARD|" + due + "|" + id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static boolean timer(String instance) throws Exception {
        try (Connection db = CaseDb.connect();
             PreparedStatement ps = db.prepareStatement("select count(*) from scheduled_tasks where task_name = 'case-timer' and task_instance = ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static String otherAgent;

    /**
     * An agent of 台山 (440781), made once for the run by its centre administrator and activated (as
     * OrganisationTest does): posted at 台山's main hall, the one site every tenant has.
     */
    private static synchronized String otherTenantsAgent() {
        if (otherAgent == null) {
            String username = "440781.vl" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
            Map<String, Object> in = new HashMap<>(Map.of("tenantCode", "440781", "username", username, "familyName", "陈",
                    "givenName", "代办", "roles", List.of("agent"), "site", "440781"));
            Api.Response created = Api.graphql(Tokens.staff("taishan.admin"), OrganisationTest.CREATE_STAFF, Map.of("i", in));
            assertThat(created.errors()).as(created.body().toString()).isNull();
            String secret = created.data().at("/createStaff/activationSecret").asString();
            String password = "Pw-" + UUID.randomUUID();
            assertThat(KeycloakAccounts.activate(username, secret, password)).isEmpty();
            otherAgent = Tokens.staff(username, password);
        }
        return otherAgent;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
