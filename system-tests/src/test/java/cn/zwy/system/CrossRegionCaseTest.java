package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Same-city and cross-region cases (同城通办/异地, C12) and remote agency (异地代办, C13) through the
 * gateway's GraphQL with real tokens: 连山 (441825) owns the item, the citizen files at 台山's hall
 * (440781), which checks form and forwards; the time in the post does not count; the owner decides
 * only after arrival; the result goes back by the chosen mode and 台山 hands it over. Lateness is
 * flagged by the persistent scheduler; where a test needs a day to pass it moves the due date and
 * the timer into the past in the database, as the calendar would.
 */
@ExtendWith(PlatformUnderTest.class)
class CrossRegionCaseTest {

    private static final String OWNER = "441825";
    private static final String HALL = "440781";
    private static final String WINDOW = "同城通办专窗 1 号";

    private static final String CASE_FIELDS = """
            id status version nextStep receivingTenantCode flags
            clock { startedOn deadline daysUsed daysPaused daysLeft }
            relay { state forwardDue forwardCarrier forwardTrackingNumber resultDue resultCarrier resultTrackingNumber handedOverAt }
            agency { startedOn due state endReason }
            timeline { action actor window place status note }""";

    private static String owner() { return Tokens.staff("lianshan.clerk"); }

    private static String hall() { return Tokens.staff("taishan.clerk"); }

    // ------------------------------------------------------------------ C12

    @Test
    void ownerCannotAcceptBeforeArrival_C12() {
        String id = filedAtTheOtherHall("OWNER_TO_RECEIVING_HALL");
        assertThat(inInbox(owner(), OWNER, "OWN", id)).as("the owner does not see it before it arrives").isNull();
        assertThat(inInbox(hall(), HALL, "RECEIVED_FOR_OTHERS", id)).as("the receiving hall's queue").isNotNull();
        JsonNode atHall = read(hall(), id);
        assertThat(atHall.path("relay").path("state").asString()).isEqualTo("AT_HALL");
        assertThat(atHall.path("timeline").get(0).path("place").asString()).isEqualTo(HALL);

        Api.Response tooEarly = act(owner(), "acceptCase", "AcceptCaseInput", staff(id, atHall.path("version").asLong()));
        assertThat(rule(tooEarly)).as(tooEarly.body().toString()).isEqualTo("C12");

        // two staff of the receiving hall at once: the second is a CONFLICT and changes nothing
        long v = atHall.path("version").asLong();
        JsonNode posted = done(act(hall(), "forwardCase", "ForwardCaseInput", staff(id, v, "carrier", "EMS", "trackingNumber", "1180000000001")),
                "forwardCase");
        Api.Response second = act(Tokens.staff("taishan.admin"), "forwardCase", "ForwardCaseInput",
                staff(id, v, "carrier", "顺丰", "trackingNumber", "SF0000000002"));
        assertThat(second.errorCode()).as(second.body().toString()).isEqualTo("CONFLICT");
        assertThat(posted.path("relay").path("state").asString()).isEqualTo("IN_TRANSIT");
        assertThat(posted.path("relay").path("forwardTrackingNumber").asString()).isEqualTo("1180000000001");
        JsonNode forwarded = last(posted, "FORWARDED");
        assertThat(forwarded.path("place").asString()).isEqualTo(HALL);
        assertThat(forwarded.path("window").asString()).isEqualTo(WINDOW);
        assertThat(forwarded.path("note").asString()).contains("EMS").contains("1180000000001");

        Api.Response inTransit = act(owner(), "acceptCase", "AcceptCaseInput", staff(id, posted.path("version").asLong()));
        assertThat(rule(inTransit)).as(inTransit.body().toString()).isEqualTo("C12");
        assertThat(inInbox(owner(), OWNER, "OWN", id)).isNull();
        Api.Response forwardedAgain = act(hall(), "forwardCase", "ForwardCaseInput", staff(id, posted.path("version").asLong()));
        assertThat(rule(forwardedAgain)).as(forwardedAgain.body().toString()).isEqualTo("C12");

        JsonNode arrived = done(act(owner(), "receiveForwardedCase", "ReceiveForwardedCaseInput", staff(id, posted.path("version").asLong())),
                "receiveForwardedCase");
        assertThat(arrived.path("relay").path("state").asString()).isEqualTo("ARRIVED");
        assertThat(last(arrived, "FORWARD_RECEIVED").path("place").asString()).isEqualTo(OWNER);
        assertThat(inInbox(owner(), OWNER, "OWN", id)).as("arrived: in the owner's inbox").isNotNull();
        Api.Response again = act(owner(), "receiveForwardedCase", "ReceiveForwardedCaseInput", staff(id, arrived.path("version").asLong()));
        assertThat(rule(again)).isEqualTo("C12");
        JsonNode accepted = done(act(owner(), "acceptCase", "AcceptCaseInput", staff(id, arrived.path("version").asLong())), "acceptCase");
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void receivingHallsFormCheckIssuesTheOneTimeNotice_C12_C2() {
        String id = filedAtTheOtherHall("OWNER_TO_RECEIVING_HALL");
        long v = read(hall(), id).path("version").asLong();
        Map<String, Object> notice = staff(id, v, "items", List.of(
                Map.of("material", "居民身份证", "problem", "FAULTY", "howToFix", "请提供在有效期内的居民身份证原件")));
        // the owner cannot, before the case arrived; a third tenant's hall cannot at all
        assertThat(rule(act(owner(), "issueOneTimeNotice", "IssueOneTimeNoticeInput", notice))).isEqualTo("C12");
        Api.Response third = act(Tokens.staff("luoshan.clerk"), "issueOneTimeNotice", "IssueOneTimeNoticeInput", notice);
        assertThat(third.errorCode()).as(third.body().toString()).isIn("NOT_FOUND", "FORBIDDEN");

        JsonNode noticed = done(act(hall(), "issueOneTimeNotice", "IssueOneTimeNoticeInput", notice), "issueOneTimeNotice");
        assertThat(noticed.path("status").asString()).isEqualTo("CORRECTION_REQUIRED");
        JsonNode entry = last(noticed, "ONE_TIME_NOTICE");
        assertThat(entry.path("place").asString()).as("issued at the receiving hall").isEqualTo(HALL);
        assertThat(entry.path("note").asString()).startsWith("形式审查未通过");
        // once per round (C2); nothing goes forward until the applicant corrected it
        Map<String, Object> second = new HashMap<>(notice);
        second.put("version", noticed.path("version").asLong());
        assertThat(rule(act(hall(), "issueOneTimeNotice", "IssueOneTimeNoticeInput", second))).isEqualTo("C2");
        assertThat(rule(act(hall(), "forwardCase", "ForwardCaseInput", staff(id, noticed.path("version").asLong())))).isEqualTo("C12");

        // the applicant corrects at once (their own case, whichever hall it is at); then the hall forwards it
        Api.Response corrected = Api.graphql(Cases.citizen(), """
                mutation($i: CorrectCaseInput!) { correctCase(input: $i) { case { status version } } }""",
                Map.of("i", Map.of("caseId", id, "materials", List.of(Map.of("name", Cases.materialNames(Cases.promisedItem()).get(0))))));
        assertThat(corrected.errors()).as(corrected.body().toString()).isNull();
        assertThat(corrected.data().at("/correctCase/case/status").asString()).isEqualTo("SUBMITTED");
        JsonNode online = done(act(hall(), "forwardCase", "ForwardCaseInput", staff(id, corrected.data().at("/correctCase/case/version").asLong())),
                "forwardCase");
        assertThat(online.path("relay").path("state").asString()).isEqualTo("ARRIVED");
    }

    @Test
    void transitTimeIsExcludedFromTheClock_C12() {
        JsonNode item = Cases.promisedItem();
        int limit = item.path("current").path("guide").path("promisedLimit").path("value").asInt();
        LocalDate today = Cases.today();
        boolean workingToday = Cases.expectedDeadline(today, 1).equals(today);

        String online = filedAtTheOtherHall(item, "RECEIVING_HALL_PICKUP");
        JsonNode pushed = done(act(hall(), "forwardCase", "ForwardCaseInput", staff(online, version(online))), "forwardCase");
        assertThat(pushed.path("relay").path("state").asString()).as("online forwarding arrives at once").isEqualTo("ARRIVED");
        // counting starts on the receiving hall's form check (受理当日), today
        assertThat(pushed.path("clock").path("startedOn").asString()).isEqualTo(today.toString());
        assertThat(pushed.path("clock").path("deadline").asString()).isEqualTo(Cases.expectedDeadline(today, limit).toString());
        assertThat(pushed.path("clock").path("daysPaused").asInt()).isZero();

        String paper = filedAtTheOtherHall(item, "RECEIVING_HALL_PICKUP");
        JsonNode posted = done(act(hall(), "forwardCase", "ForwardCaseInput",
                staff(paper, version(paper), "carrier", "EMS", "trackingNumber", "1180000000003")), "forwardCase");
        JsonNode clock = posted.path("clock");
        // in the post since today: today does not count, the limit starts on the next working day
        assertThat(clock.path("daysUsed").asInt()).isZero();
        assertThat(clock.path("daysLeft").asInt()).isEqualTo(limit);
        assertThat(clock.path("daysPaused").asInt()).isEqualTo(workingToday ? 1 : 0);
        LocalDate expected = workingToday ? Cases.expectedDeadline(today.plusDays(1), limit) : Cases.expectedDeadline(today, limit);
        assertThat(clock.path("deadline").asString()).isEqualTo(expected.toString());
        if (workingToday) {
            assertThat(LocalDate.parse(clock.path("deadline").asString()))
                    .as("the transit moves the deadline past the one of the case forwarded online")
                    .isAfter(LocalDate.parse(pushed.path("clock").path("deadline").asString()));
        }
        assertThat(posted.path("nextStep").asString()).contains("在途时间不计入办理时限");
    }

    @Test
    void forwardingLateIsFlagged_C12() throws Exception {
        String id = filedAtTheOtherHall("RECEIVING_HALL_PICKUP");
        JsonNode c = read(hall(), id);
        LocalDate due = LocalDate.parse(c.path("relay").path("forwardDue").asString());
        assertThat(due).as("posting is due 1 working day after receipt").isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 1));
        assertThat(timer("FORWARD|" + due + "|" + id)).as("the timer waits in the scheduler's table").isTrue();
        assertThat(c.path("flags")).isEmpty();

        LocalDate past = Cases.today().minusDays(3);
        movePastDue(id, "forward_due", "FORWARD", due, past);
        JsonNode flagged = awaitAction(id, "FORWARDING_LATE");
        assertThat(flagged.path("actor").asString()).isEqualTo("系统（时限监察）");
        assertThat(flagged.path("place").asString()).isEqualTo(HALL);
        assertThat(flagged.path("note").asString()).contains(past.toString());
        JsonNode row = inInbox(hall(), HALL, "RECEIVED_FOR_OTHERS", id);
        assertThat(row).isNotNull();
        assertThat(row.path("flags").toString()).contains("FORWARDING_LATE");

        JsonNode forwarded = done(act(hall(), "forwardCase", "ForwardCaseInput", staff(id, version(id))), "forwardCase");
        assertThat(forwarded.path("flags")).isEmpty();
        assertThat(last(forwarded, "FORWARDED").path("note").asString()).contains("逾期");
    }

    @Test
    void resultGoesBackByTheChosenModeWithinOneWorkingDay_C12() throws Exception {
        String id = filedAtTheOtherHall("OWNER_TO_RECEIVING_HALL");
        done(act(hall(), "forwardCase", "ForwardCaseInput", staff(id, version(id))), "forwardCase");
        done(act(owner(), "acceptCase", "AcceptCaseInput", staff(id, version(id))), "acceptCase");
        JsonNode completed = done(act(Tokens.staff("lianshan.approver"), "completeCase", "CompleteCaseInput",
                staff(id, version(id), "approved", true)), "completeCase");
        LocalDate resultDue = LocalDate.parse(completed.path("relay").path("resultDue").asString());
        assertThat(resultDue).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 1));
        assertThat(timer("RESULT|" + resultDue + "|" + id)).isTrue();

        Api.Response direct = act(owner(), "deliverCase", "DeliverCaseInput", staff(id, version(id)));
        assertThat(rule(direct)).as("the result goes through the receiving hall").isEqualTo("C12");
        Api.Response notYet = act(hall(), "handOverCaseResult", "HandOverCaseResultInput", staff(id, version(id)));
        assertThat(rule(notYet)).as(notYet.body().toString()).isEqualTo("C12");
        Api.Response noPost = act(owner(), "returnCaseResult", "ReturnCaseResultInput", staff(id, version(id)));
        assertThat(noPost.errorCode()).isEqualTo("VALIDATION");
        assertThat(noPost.errorField()).isEqualTo("carrier");

        // a day passes without the result going back: flagged
        movePastDue(id, "result_due", "RESULT", resultDue, Cases.today().minusDays(2));
        awaitAction(id, "RESULT_RETURN_LATE");
        assertThat(read(owner(), id).path("flags").toString()).contains("RESULT_RETURN_LATE");

        JsonNode returned = done(act(owner(), "returnCaseResult", "ReturnCaseResultInput",
                staff(id, version(id), "carrier", "EMS", "trackingNumber", "1180000000009")), "returnCaseResult");
        assertThat(returned.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(returned.path("nextStep").asString()).contains("请前往领取");
        JsonNode handed = done(act(hall(), "handOverCaseResult", "HandOverCaseResultInput", staff(id, version(id))), "handOverCaseResult");
        assertThat(handed.path("status").asString()).isEqualTo("DELIVERED");

        // the citizen's timeline: each step with its place and window
        JsonNode mine = read(Cases.citizen(), id);
        List<String> steps = new ArrayList<>();
        for (JsonNode e : mine.path("timeline")) steps.add(e.path("action").asString() + "@" + e.path("place").asString());
        assertThat(steps).containsSubsequence("SUBMITTED@" + HALL, "FORWARDED@" + HALL, "ACCEPTED@" + OWNER, "COMPLETED@" + OWNER,
                "RESULT_RETURNED@" + OWNER, "RESULT_HANDED_OVER@" + HALL);
        assertThat(last(mine, "RESULT_HANDED_OVER").path("window").asString()).isEqualTo(WINDOW);
        assertThat(last(mine, "RESULT_RETURNED").path("note").asString()).contains("1180000000009");

        // C12 (1): the owner posts it to the applicant itself
        String express = filedAtTheOtherHall("OWNER_EXPRESS");
        done(act(hall(), "forwardCase", "ForwardCaseInput", staff(express, version(express))), "forwardCase");
        done(act(owner(), "acceptCase", "AcceptCaseInput", staff(express, version(express))), "acceptCase");
        done(act(Tokens.staff("lianshan.approver"), "completeCase", "CompleteCaseInput", staff(express, version(express), "approved", true)),
                "completeCase");
        JsonNode sent = done(act(owner(), "returnCaseResult", "ReturnCaseResultInput",
                staff(express, version(express), "carrier", "EMS", "trackingNumber", "1180000000010")), "returnCaseResult");
        assertThat(sent.path("status").asString()).isEqualTo("DELIVERED");
        Api.Response notThroughTheHall = act(hall(), "handOverCaseResult", "HandOverCaseResultInput", staff(express, version(express)));
        assertThat(rule(notThroughTheHall)).isEqualTo("C12");
    }

    /** A cross-region case approved by deemed approval (C9) owes its result back like any completed one (C12). */
    @Test
    void deemedApprovalSendsTheResultBackToo_C9_C12() throws Exception {
        JsonNode item = Cases.promisedItem();
        String admin = Tokens.staff("lianshan.admin");
        String id;
        String deadline;
        assertThat(DeemedApprovalTest.set(admin, item.get("id").asString(), true).errors()).isNull();
        try {
            id = filedAtTheOtherHall(item, "OWNER_TO_RECEIVING_HALL");
            done(act(hall(), "forwardCase", "ForwardCaseInput", staff(id, version(id))), "forwardCase");
            deadline = done(act(owner(), "acceptCase", "AcceptCaseInput", staff(id, version(id))), "acceptCase")
                    .path("clock").path("deadline").asString();
        } finally {
            DeemedApprovalTest.set(admin, item.get("id").asString(), false);
        }
        DeemedApprovalTest.deadlinePassed(id, deadline);
        JsonNode deemed = awaitAction(id, "DEEMED_APPROVED");
        assertThat(deemed.path("note").asString()).contains("C9").contains("C12");
        JsonNode c = read(owner(), id);
        assertThat(c.path("status").asString()).isEqualTo("COMPLETED");
        LocalDate resultDue = LocalDate.parse(c.path("relay").path("resultDue").asString());
        assertThat(resultDue).isAfter(Cases.today());
        assertThat(timer("RESULT|" + resultDue + "|" + id)).isTrue();
    }

    // ------------------------------------------------------------------ C13

    @Test
    void remoteAgencyEndsWithinSevenWorkingDays_C13() throws Exception {
        String agent = Tokens.staff("jitian.agent");
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        JsonNode started = done(act(agent, "startRemoteAgency", "StartRemoteAgencyInput", staff(id, version(id))), "startRemoteAgency");
        LocalDate due = LocalDate.parse(started.path("agency").path("due").asString());
        assertThat(started.path("agency").path("state").asString()).isEqualTo("OPEN");
        assertThat(due).as("7 working days, the start day the first").isEqualTo(Cases.expectedDeadline(Cases.today(), 7));
        assertThat(timer("AGENCY|" + due + "|" + id)).isTrue();
        Api.Response twice = act(agent, "startRemoteAgency", "StartRemoteAgencyInput", staff(id, version(id)));
        assertThat(rule(twice)).isEqualTo("C13");

        // the 7 working days pass: flagged
        movePastDue(id, "agency_due", "AGENCY", due, Cases.today().minusDays(1));
        awaitAction(id, "AGENCY_OVERDUE");
        assertThat(read(owner(), id).path("flags").toString()).contains("AGENCY_OVERDUE");

        // early end, for one of the rulebook's reasons only
        JsonNode ended = done(act(agent, "endRemoteAgency", "EndRemoteAgencyInput",
                staff(id, version(id), "reason", "POLICY_CHANGE", "note", "该事项办理政策调整")), "endRemoteAgency");
        assertThat(ended.path("agency").path("state").asString()).isEqualTo("ENDED_EARLY");
        assertThat(ended.path("agency").path("endReason").asString()).isEqualTo("POLICY_CHANGE");
        assertThat(ended.path("flags")).isEmpty();
        assertThat(last(ended, "AGENCY_ENDED").path("note").asString()).contains("政策性调整");
        Api.Response endedTwice = act(agent, "endRemoteAgency", "EndRemoteAgencyInput", staff(id, version(id), "reason", "UNPAID_FEES"));
        assertThat(rule(endedTwice)).isEqualTo("C13");
        Api.Response otherReason = act(agent, "endRemoteAgency", "EndRemoteAgencyInput", staff(id, version(id), "reason", "BORED"));
        assertThat(otherReason.errors()).as("no reason outside the rulebook's five").isNotNull();

        // the applicant's withdrawal ends it as well
        String withdrawn = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        done(act(agent, "startRemoteAgency", "StartRemoteAgencyInput", staff(withdrawn, version(withdrawn))), "startRemoteAgency");
        JsonNode w = Cases.ok(Cases.act(Cases.citizen(), withdrawn, "withdraw", Map.of("reason", "不再办理")));
        assertThat(w.path("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode after = read(owner(), withdrawn).path("agency");
        assertThat(after.path("state").asString()).isEqualTo("ENDED_EARLY");
        assertThat(after.path("endReason").asString()).isEqualTo("APPLICANT_WITHDREW");
    }

    // ------------------------------------------------------------------ helpers

    static String filedAtTheOtherHall(String mode) {
        return filedAtTheOtherHall(Cases.promisedItem(), mode);
    }

    static String filedAtTheOtherHall(JsonNode item, String mode) {
        Map<String, Object> body = Cases.submission(item, UUID.randomUUID().toString());
        body.put("receivingTenantCode", HALL);
        body.put("deliveryMode", mode);
        Api.Response r = Cases.submit(Cases.citizen(), body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().get("caseId").asString();
    }

    static JsonNode read(String token, String id) {
        Api.Response r = Api.graphql(token, "query($id: ID!) { case(id: $id) { " + CASE_FIELDS + " } }", Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("case");
    }

    private static long version(String id) {
        return read(owner(), id).path("version").asLong();
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

    static String rule(Api.Response r) {
        return r.errors() == null ? null : r.errors().get(0).path("extensions").path("rule").asString(null);
    }

    private static JsonNode last(JsonNode c, String action) {
        JsonNode found = null;
        for (JsonNode e : c.path("timeline")) if (e.path("action").asString().equals(action)) found = e;
        assertThat(found).as(action + " in " + c.path("timeline")).isNotNull();
        return found;
    }

    /** The inbox row of the case, paging through the whole queue; null when it is not there. */
    static JsonNode inInbox(String token, String tenant, String filter, String id) {
        String after = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("t", tenant);
            vars.put("f", filter);
            vars.put("after", after);
            Api.Response r = Api.graphql(token, """
                    query($t: ID!, $f: CaseInboxFilter, $after: String) { caseInbox(tenantCode: $t, filter: $f, first: 100, after: $after) {
                      edges { cursor node { id flags receivingTenantCode warning } } pageInfo { hasNextPage endCursor } } }""", vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            JsonNode inbox = r.data().path("caseInbox");
            for (JsonNode e : inbox.path("edges")) if (e.path("node").path("id").asString().equals(id)) return e.path("node");
            if (!inbox.path("pageInfo").path("hasNextPage").asBoolean()) return null;
            after = inbox.path("pageInfo").path("endCursor").asString();
        }
        return null;
    }

    private static JsonNode awaitAction(String id, String action) throws InterruptedException {
        long until = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < until) {
            for (JsonNode e : read(owner(), id).path("timeline")) if (e.path("action").asString().equals(action)) return e;
            Thread.sleep(1000);
        }
        throw new AssertionError(action + " was not recorded on " + id);
    }

    /**
     * As if the days passed: the case's due date ({@code column}) moves to {@code past} and its timer with
     * it, due now (the timer's id names the date it was set for, as CaseTimers makes it).
     */
    private static void movePastDue(String id, String column, String kind, LocalDate due, LocalDate past) throws Exception {
        String uuid = id.substring(id.indexOf(':') + 1);
        try (Connection db = CaseDb.connectAsOwner()) {
            try (Statement st = db.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + OWNER + "', false), set_config('app.tenant_write', 'on', false)");
            }
            try (PreparedStatement ps = db.prepareStatement("update case_file set " + column + " = ? where id = ?::uuid")) {
                ps.setObject(1, past);
                ps.setString(2, uuid);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "update scheduled_tasks set task_instance = ?, execution_time = now() where task_name = 'case-timer' and task_instance = ?")) {
                ps.setString(1, kind + "|" + past + "|" + id);
                ps.setString(2, kind + "|" + due + "|" + id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** Whether the scheduler's table holds this timer. */
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
}
