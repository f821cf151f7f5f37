package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Complaints (投诉, P1–P5, ADR 0023) through the gateway at 连山: filed by citizen.zhang from the app about window 1 of the
 * main hall, recorded by 连山's staff, imported from 12345 by its centre administrator, who also takes the steps. The
 * clocks are checked against tenant-service's calendar; timers are made due by moving the deadline into the past and the
 * timer's row in the scheduler's table to now, as ReviewTest and CaseTimersTest do (no test depends on the time of day).
 */
@ExtendWith(PlatformUnderTest.class)
class ComplaintTest {

    private static final String LIANSHAN = "441825";
    private static final String PHONE = "13912345678";
    static final String COMPLAINT = "id tenantCode channel hotlineTicket state complainant { name phoneMasked emailMasked hasAccount } "
            + "complainantHidden confidential hallId windowId windowName staffUsername staffName reason expectation filedAt recordedBy acceptDueOn "
            + "acceptedAt acceptedOnSpot refusal { reason channel guidance by } handlingMode complexity department handler handleDueOn delayNotice "
            + "delayedAt result verified resultAt reviewClosesOn satisfied satisfactionComment answeredAt reviewRequestedAt reviewReason "
            + "clock { step dueOn colour } lateSteps version replayed";

    private static String hall;
    private static String window;

    @BeforeAll
    static void mainHallAndWindowOne() {
        if (QueueTest.hall == null) QueueTest.hall = Bookings.mainHall(LIANSHAN);
        hall = QueueTest.hall;
        window = QueueTest.windowOne();
    }

    // ------------------------------------------------------------------ P1

    @Test
    void complaintNamesContactWindowAndReason_P1() throws Exception {
        String key = key();
        // each part P1 names is required: the complainant's contact, what it is about, the reason — nothing stored without them
        Map<String, Object> noContact = citizenInput(key);
        noContact.remove("contactPhone");
        assertRule(file(Cases.citizen(), noContact), "P1", "contactPhone");
        Map<String, Object> noReason = citizenInput(key);
        noReason.remove("reason");
        assertRule(file(Cases.citizen(), noReason), "P1", "reason");
        Map<String, Object> nothingNamed = citizenInput(key);
        nothingNamed.remove("windowId");
        assertRule(file(Cases.citizen(), nothingNamed), "P1", "windowId");
        Map<String, Object> badPhone = citizenInput(key);
        badPhone.put("contactPhone", "call me");
        assertThat(file(Cases.citizen(), badPhone).errorCode()).isEqualTo("VALIDATION");
        Map<String, Object> otherWindow = citizenInput(key);
        otherWindow.put("windowId", UUID.randomUUID().toString());
        assertThat(file(Cases.citizen(), otherWindow).errorField()).as("a window 连山 does not have").isEqualTo("windowId");
        assertThat(count("select count(*) from complaint where idempotency_key = ?", key)).as("bad input stores nothing").isZero();
        // staff do not file as a citizen; they record on the complainant's behalf
        assertThat(file(Cases.clerk(), citizenInput(key())).errorCode()).isEqualTo("FORBIDDEN");

        Map<String, Object> in = citizenInput(key);
        in.put("expectation", "希望窗口人员改进服务态度");
        Api.Response r = file(Cases.citizen(), in);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode c = r.data().at("/fileComplaint/complaint");
        assertThat(c.get("state").asString()).isEqualTo("FILED");
        assertThat(c.get("channel").asString()).isEqualTo("APP");
        assertThat(c.at("/complainant/name").asString()).as("the account's name").isEqualTo("张三");
        assertThat(c.at("/complainant/phoneMasked").asString()).isEqualTo("139****5678");
        assertThat(c.at("/complainant/hasAccount").asBoolean()).isTrue();
        assertThat(c.get("windowId").asString()).isEqualTo(window);
        assertThat(c.get("hallId").asString()).as("the window's hall").isEqualTo(hall);
        assertThat(c.get("windowName").asString()).isEqualTo("1号窗口");
        assertThat(c.get("reason").asString()).isEqualTo(in.get("reason"));
        assertThat(c.get("replayed").asBoolean()).isFalse();
        // P2: to be decided within 3 working days on 连山's calendar; the clock says so
        LocalDate due = Cases.expectedDeadline(Cases.today().plusDays(1), 3);
        assertThat(c.get("acceptDueOn").asString()).isEqualTo(due.toString());
        assertThat(c.at("/clock/step").asString()).isEqualTo("ACCEPTANCE");
        assertThat(c.at("/clock/colour").asString()).isEqualTo("GREEN");
        String id = c.get("id").asString();
        // the same key again: the same complaint (a retry, a double tap)
        Api.Response again = file(Cases.citizen(), in);
        assertThat(again.data().at("/fileComplaint/complaint/id").asString()).isEqualTo(id);
        assertThat(again.data().at("/fileComplaint/complaint/replayed").asBoolean()).isTrue();
        assertThat(count("select count(*) from complaint where idempotency_key = ?", key)).isEqualTo(1);
        // in the citizen's own list; the event for the comparison read models, without the complainant
        assertThat(myComplaints(Cases.citizen()).stream().anyMatch(n -> n.get("id").asString().equals(id))).isTrue();
        JsonNode event = payload("complaint.filed", id);
        assertThat(event.get("tenantCode").asString()).isEqualTo(LIANSHAN);
        assertThat(event.get("complaintId").asString()).isEqualTo(id);
        assertThat(event.get("hallId").asString()).isEqualTo(hall);
        assertThat(event.get("windowId").asString()).isEqualTo(window);
        assertThat(event.get("windowName").asString()).isEqualTo("1号窗口");
        assertThat(event.get("channel").asString()).isEqualTo("APP");
        assertThat(event.has("occurredAt")).isTrue();
        assertThat(event.toString()).doesNotContain("张三").doesNotContain(PHONE);

        // staff record a complaint received by phone for the complainant (no account): the channel and who recorded it
        Map<String, Object> phoned = staffInput("PHONE");
        phoned.put("contactEmail", "wang.wu@example.com");
        Api.Response rec = record(Cases.clerk(), phoned);
        assertThat(rec.errors()).as(rec.body().toString()).isNull();
        JsonNode recorded = rec.data().at("/recordComplaint/complaint");
        assertThat(recorded.get("channel").asString()).isEqualTo("PHONE");
        assertThat(recorded.get("recordedBy").asString()).isEqualTo("lianshan.clerk");
        assertThat(recorded.at("/complainant/hasAccount").asBoolean()).isFalse();
        assertThat(recorded.at("/complainant/emailMasked").asString()).isEqualTo("w***@example.com");
        // a staff member cannot record under a citizen's own channel, nor for another tenant
        assertThat(record(Cases.clerk(), staffInput("APP")).errorCode()).isEqualTo("VALIDATION");
        assertThat(record(Tokens.staff("taishan.clerk"), staffInput("PHONE")).errorCode()).isEqualTo("FORBIDDEN");
        Map<String, Object> unnamed = staffInput("LETTER");
        unnamed.remove("complainantName");
        assertRule(record(Cases.clerk(), unnamed), "P1", "complainantName");
    }

    @Test
    void hotlineImportIsIdempotent_P1() throws Exception {
        String ticket = "12345-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> in = hotlineInput(ticket);
        // a window clerk does not import; the centre's administrator (or supervisor) does
        assertThat(importHotline(Cases.clerk(), in).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(importHotline(Tokens.staff("taishan.admin"), in).errorCode()).isEqualTo("FORBIDDEN");
        Api.Response first = importHotline(Cases.admin(), in);
        assertThat(first.errors()).as(first.body().toString()).isNull();
        JsonNode c = first.data().at("/importHotlineComplaint/complaint");
        assertThat(c.get("channel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(c.get("hotlineTicket").asString()).isEqualTo(ticket);
        assertThat(c.get("replayed").asBoolean()).isFalse();
        // the same ticket again (the hotline's system retries): the same complaint, nothing new
        Api.Response second = importHotline(Cases.admin(), in);
        assertThat(second.data().at("/importHotlineComplaint/complaint/id").asString()).isEqualTo(c.get("id").asString());
        assertThat(second.data().at("/importHotlineComplaint/complaint/replayed").asBoolean()).isTrue();
        assertThat(count("select count(*) from complaint where hotline_ticket = ?", ticket)).isEqualTo(1);

        // eight imports of one new ticket at once: one complaint, the same answer to each
        String racing = "12345-" + Long.toString(System.nanoTime(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        String admin = Cases.admin();
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> {
                go.await();
                return importHotline(admin, hotlineInput(racing));
            }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        int firsts = 0;
        for (Future<Api.Response> f : sent) {
            Api.Response r = f.get();
            assertThat(r.errors()).as(r.body().toString()).isNull();
            ids.add(r.data().at("/importHotlineComplaint/complaint/id").asString());
            if (!r.data().at("/importHotlineComplaint/complaint/replayed").asBoolean()) firsts++;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(firsts).isEqualTo(1);
        assertThat(count("select count(*) from complaint where hotline_ticket = ?", racing)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where event_type = 'complaint.filed' and aggregate_id = ?", ids.iterator().next()))
                .isEqualTo(1);
        // a malformed ticket number is refused before anything is stored
        assertThat(importHotline(Cases.admin(), hotlineInput("../x")).errorField()).isEqualTo("hotlineTicket");
    }

    @Test
    void confidentialComplainantHiddenFromStaffComplainedAbout_P1() throws Exception {
        Map<String, Object> in = staffInput("ON_SITE");
        in.put("complainantName", "赵保密");
        in.put("staffUsername", "lianshan.clerk");
        in.put("staffName", "窗口工作人员");
        in.put("confidential", true);
        String id = recordOk(Cases.admin(), in).get("id").asString();

        // the staff member complained about reads the complaint about them, without who made it
        Api.Response aboutMe = Api.graphql(Cases.clerk(), "query($t: ID!) { complaints(tenantCode: $t, filter: {aboutMe: true}, first: 100) { edges { node { "
                + COMPLAINT + " } } } }", Map.of("t", LIANSHAN));
        assertThat(aboutMe.errors()).as(aboutMe.body().toString()).isNull();
        JsonNode node = null;
        for (JsonNode e : aboutMe.data().at("/complaints/edges")) if (e.at("/node/id").asString().equals(id)) node = e.get("node");
        assertThat(node).as("the complaint about the clerk").isNotNull();
        assertThat(node.get("complainant").isNull()).isTrue();
        assertThat(node.get("complainantHidden").asBoolean()).isTrue();
        assertThat(aboutMe.body().toString()).doesNotContain("赵保密").doesNotContain("139****5678").doesNotContain(PHONE);
        // nor over case-service's REST with the same token
        Api.Response rest = Api.get(Cases.url("/api/complaints/" + id), Cases.clerk());
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().toString()).doesNotContain("赵保密").doesNotContain("139****5678");
        // other window staff who do not handle complaints do not see a confidential complainant either; the province never does
        assertThat(staffComplaint(Cases.approver(), id).get("complainant").isNull()).isTrue();
        assertThat(staffComplaint(Tokens.staff("gd.admin"), id).get("complainant").isNull()).isTrue();
        // the centre's administrator, who handles it, does
        assertThat(staffComplaint(Cases.admin(), id).at("/complainant/name").asString()).isEqualTo("赵保密");

        // without confidentiality the complainant is part of the complaint for the tenant's staff
        Map<String, Object> open = staffInput("ON_SITE");
        open.put("complainantName", "钱公开");
        open.put("staffUsername", "lianshan.clerk");
        String openId = recordOk(Cases.admin(), open).get("id").asString();
        assertThat(staffComplaint(Cases.clerk(), openId).at("/complainant/name").asString()).isEqualTo("钱公开");

        // a centre administrator complained about is the staff complained about too: hidden from them as well
        Map<String, Object> aboutAdmin = staffInput("LETTER");
        aboutAdmin.put("complainantName", "孙保密");
        aboutAdmin.put("staffUsername", "lianshan.admin");
        aboutAdmin.put("confidential", true);
        String adminId = recordOk(Cases.clerk(), aboutAdmin).get("id").asString();
        JsonNode selfView = staffComplaint(Cases.admin(), adminId);
        assertThat(selfView.get("complainant").isNull()).as(selfView.toString()).isTrue();

        // the holders of the window complained about (AB岗, T6) are its staff: hidden from them too, even from a handler
        String heldWindow = QueueTest.window("C" + Long.toString(System.nanoTime() % 46656, 36).toUpperCase(java.util.Locale.ROOT));
        WindowPostTest.assign(heldWindow, "lianshan.admin", "A");
        Map<String, Object> atWindow = staffInput("ON_SITE");
        atWindow.remove("windowName");
        atWindow.put("windowId", heldWindow);
        atWindow.put("complainantName", "周保密");
        atWindow.put("confidential", true);
        String windowComplaint = recordOk(Cases.clerk(), atWindow).get("id").asString();
        // the holders reach case-service by the event path (window.holders.changed) within moments
        JsonNode asHolder = await(() -> {
            JsonNode c = staffComplaint(Cases.admin(), windowComplaint);
            return c.get("complainantHidden").asBoolean() ? c : null;
        });
        assertThat(asHolder.toString()).doesNotContain("周保密");
    }

    // ------------------------------------------------------------------ P2

    @Test
    void acceptanceWithinThreeWorkingDays_P2() throws Exception {
        String id = filed();
        LocalDate due = Cases.expectedDeadline(Cases.today().plusDays(1), 3);
        String timer = "ACCEPTANCE|" + id + "|" + due;
        assertThat(timerAt(timer)).as("the warning waits for the day after the deadline").isEqualTo(due.plusDays(1).atStartOfDay(Cases.HALLS).toInstant());
        // only the centre's administrator or supervisor decides; another tenant's never
        assertThat(step(Cases.clerk(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(step(Tokens.staff("taishan.admin"), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id)).errorCode())
                .isEqualTo("FORBIDDEN");

        // due today: yellow; as if the 3 working days were over: red, and the timer warns
        setDate("accept_due_on", Cases.today(), id);
        assertThat(staffComplaint(Cases.admin(), id).at("/clock/colour").asString()).isEqualTo("YELLOW");
        setDate("accept_due_on", Cases.today().minusDays(1), id);
        dueNow(timer);
        JsonNode warned = await(() -> {
            JsonNode c = staffComplaint(Cases.admin(), id);
            return c.get("lateSteps").toString().contains("ACCEPTANCE") ? c : null;
        });
        assertThat(warned.at("/clock/colour").asString()).isEqualTo("RED");
        assertThat(count("select count(*) from outbox_event where event_type = 'complaint.acceptance_late' and aggregate_id = ?", id)).isEqualTo(1);
        assertThat(listIds(Cases.admin(), "{late: true}")).contains(id);

        // decided late is still decided: accepted, the complainant told, the handling clock started (3 working days)
        JsonNode accepted = stepOk(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id));
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("handleDueOn").asString()).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 3).toString());
        assertThat(accepted.at("/clock/step").asString()).isEqualTo("HANDLING");
        assertThat(payload("complaint.accepted", id).get("acceptedLate").asBoolean()).isTrue();
        assertThat(awaitMessage("COMPLAINT_ACCEPTED", accepted.get("handleDueOn").asString())).isNotNull();
        Api.Response twice = step(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id));
        assertRule(twice, "P2", "complaintId");
        // on the spot (当场受理), before its deadline: not late
        String spot = filed();
        stepOk(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", spot, "onSpot", true));
        JsonNode event = payload("complaint.accepted", spot);
        assertThat(event.get("acceptedOnSpot").asBoolean()).isTrue();
        assertThat(event.get("acceptedLate").asBoolean()).isFalse();
    }

    @Test
    void refusalGivesReasonAndChannel_P2() throws Exception {
        String id = filed();
        assertRule(step(Cases.admin(), "refuseComplaint", "RefuseComplaintInput", Map.of("complaintId", id, "channel", "LITIGATION")), "P2", "reason");
        assertRule(step(Cases.admin(), "refuseComplaint", "RefuseComplaintInput", Map.of("complaintId", id, "reason", "属于诉讼事项")), "P2", "channel");
        assertThat(staffComplaint(Cases.admin(), id).get("state").asString()).as("nothing changed").isEqualTo("FILED");
        assertThat(staffComplaint(Cases.admin(), id).get("version").asInt()).isZero();

        JsonNode refused = stepOk(Cases.admin(), "refuseComplaint", "RefuseComplaintInput", Map.of("complaintId", id,
                "reason", "投诉事项系对行政处罚决定不服，依法应申请行政复议", "channel", "ADMINISTRATIVE_RECONSIDERATION"));
        assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.at("/refusal/channel").asString()).isEqualTo("ADMINISTRATIVE_RECONSIDERATION");
        assertThat(refused.at("/refusal/guidance").asString()).contains("行政复议");
        assertThat(refused.get("clock").isNull()).isTrue();
        // the complainant is told why and where to go
        JsonNode told = awaitMessage("COMPLAINT_REFUSED", "行政复议");
        assertThat(told.get("body").asString()).contains("依法应申请行政复议");
        JsonNode mine = myComplaints(Cases.citizen()).stream().filter(n -> n.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.at("/refusal/guidance").asString()).contains("行政复议");
        JsonNode closed = payload("complaint.closed", id);
        assertThat(closed.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(closed.get("verified").asBoolean()).isFalse();
        // refused is final: no acceptance afterwards
        assertRule(step(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id)), "P2", "complaintId");
    }

    // ------------------------------------------------------------------ P3

    @Test
    void complexComplaintTenWorkingDays_P3() throws Exception {
        String id = accepted();
        Api.Response noDepartment = step(Cases.admin(), "assignComplaintHandling", "AssignComplaintHandlingInput",
                Map.of("complaintId", id, "mode", "TRANSFER", "complexity", "COMPLEX"));
        assertThat(noDepartment.errorField()).as(noDepartment.body().toString()).isEqualTo("department");
        assertRule(step(Cases.admin(), "assignComplaintHandling", "AssignComplaintHandlingInput",
                Map.of("complaintId", id, "mode", "DIRECT", "complexity", "SPECIAL")), "P3", "complexity");
        assertThat(staffComplaint(Cases.admin(), id).get("complexity").asString()).as("nothing changed").isEqualTo("SIMPLE");

        JsonNode assigned = stepOk(Cases.admin(), "assignComplaintHandling", "AssignComplaintHandlingInput",
                Map.of("complaintId", id, "mode", "TRANSFER", "complexity", "COMPLEX", "department", "县市场监督管理局", "handler", "lianshan.approver"));
        // 10 working days from the acceptance day on 连山's calendar
        LocalDate due = Cases.expectedDeadline(Cases.today().plusDays(1), 10);
        assertThat(assigned.get("handleDueOn").asString()).isEqualTo(due.toString());
        assertThat(assigned.get("handlingMode").asString()).isEqualTo("TRANSFER");
        assertThat(assigned.get("department").asString()).isEqualTo("县市场监督管理局");
        assertThat(timerAt("HANDLING|" + id + "|" + due)).isEqualTo(due.plusDays(1).atStartOfDay(Cases.HALLS).toInstant());
        // a simple one: 3 working days
        String simple = accepted();
        JsonNode direct = stepOk(Cases.admin(), "assignComplaintHandling", "AssignComplaintHandlingInput",
                Map.of("complaintId", simple, "mode", "DIRECT", "complexity", "SIMPLE"));
        assertThat(direct.get("handleDueOn").asString()).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 3).toString());

        // past the 10 days unanswered: the warning, and the result then counts as late
        setDate("handle_due_on", Cases.today().minusDays(1), id);
        dueNowAll("HANDLING|" + id + "|");
        await(() -> staffComplaint(Cases.admin(), id).get("lateSteps").toString().contains("HANDLING") ? "x" : null);
        assertThat(count("select count(*) from outbox_event where event_type = 'complaint.handling_late' and aggregate_id = ?", id)).isEqualTo(1);
        stepOk(Cases.admin(), "recordComplaintResult", "RecordComplaintResultInput", Map.of("complaintId", id, "result", "经调查，窗口已整改", "verified", true));
        assertThat(payload("complaint.closed", id).get("onTime").asBoolean()).isFalse();
    }

    @Test
    void delayNeedsWrittenNotice_P3() throws Exception {
        String id = accepted();
        assertRule(step(Cases.admin(), "delayComplaint", "DelayComplaintInput", Map.of("complaintId", id)), "P3", "notice");
        assertRule(step(Cases.admin(), "delayComplaint", "DelayComplaintInput", Map.of("complaintId", id, "notice", "需现场勘验", "workingDays", 31)),
                "P3", "workingDays");
        // the head (centre administrator) approves a delay; a clerk does not
        assertThat(step(Cases.clerk(), "delayComplaint", "DelayComplaintInput", Map.of("complaintId", id, "notice", "x")).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(staffComplaint(Cases.admin(), id).get("delayNotice").isNull()).as("nothing changed").isTrue();

        String notice = "您反映的问题涉及多个部门，需调取近三个月的办件记录并现场核查，经中心负责人批准，办理期限延长。";
        JsonNode delayed = stepOk(Cases.admin(), "delayComplaint", "DelayComplaintInput", Map.of("complaintId", id, "notice", notice));
        assertThat(delayed.get("complexity").asString()).isEqualTo("SPECIAL");
        assertThat(delayed.get("delayNotice").asString()).isEqualTo(notice);
        LocalDate due = Cases.expectedDeadline(Cases.today().plusDays(1), 30);
        assertThat(delayed.get("handleDueOn").asString()).isEqualTo(due.toString());
        // the written notice reaches the complainant
        assertThat(awaitMessage("COMPLAINT_DELAYED", notice).get("body").asString()).contains(due.toString());
        assertThat(payload("complaint.delayed", id).get("workingDays").asInt()).isEqualTo(30);
        // once, to at most 30; and not after the deadline has passed
        assertRule(step(Cases.admin(), "delayComplaint", "DelayComplaintInput", Map.of("complaintId", id, "notice", "再次延期")), "P3", "workingDays");
        String late = accepted();
        setDate("handle_due_on", Cases.today().minusDays(1), late);
        assertRule(step(Cases.admin(), "delayComplaint", "DelayComplaintInput", Map.of("complaintId", late, "notice", "逾期后延期")), "P3", "id");
    }

    // ------------------------------------------------------------------ P4

    @Test
    void reviewRequestClosesAfterFifteenWorkingDays_P4() throws Exception {
        String id = accepted();
        // no answer before there is a result
        assertRule(step(Cases.citizen(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput", Map.of("complaintId", id, "satisfied", true)),
                "P4", "complaintId");
        JsonNode result = stepOk(Cases.admin(), "recordComplaintResult", "RecordComplaintResultInput",
                Map.of("complaintId", id, "result", "经调查，窗口人员已按规定一次性告知，投诉不属实", "verified", false));
        assertThat(result.get("state").asString()).isEqualTo("RESULT_GIVEN");
        LocalDate closes = Cases.expectedDeadline(Cases.today().plusDays(1), 15);
        assertThat(result.get("reviewClosesOn").asString()).isEqualTo(closes.toString());
        assertThat(result.at("/clock/step").asString()).isEqualTo("REVIEW");
        assertThat(awaitMessage("COMPLAINT_RESULT", "投诉不属实").get("body").asString()).contains(closes.toString());
        JsonNode closed = payload("complaint.closed", id);
        assertThat(closed.get("outcome").asString()).isEqualTo("RESULT");
        assertThat(closed.get("verified").asBoolean()).isFalse();
        assertThat(closed.get("onTime").asBoolean()).isTrue();

        // only the complainant answers: another citizen finds nothing, staff may not answer for an account holder
        assertThat(step(Cases.otherCitizen(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput",
                Map.of("complaintId", id, "satisfied", true)).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(step(Cases.admin(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput",
                Map.of("complaintId", id, "satisfied", true)).errorCode()).isEqualTo("FORBIDDEN");
        JsonNode answered = stepOk(Cases.citizen(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput",
                Map.of("complaintId", id, "satisfied", false, "comment", "调查不彻底"));
        assertThat(answered.get("satisfied").asBoolean()).isFalse();
        assertThat(payload("complaint.satisfaction_answered", id).get("satisfied").asBoolean()).isFalse();
        assertRule(step(Cases.citizen(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput", Map.of("complaintId", id, "satisfied", true)),
                "P4", "id");
        // not satisfied: a review (复核) within the 15 working days
        JsonNode review = stepOk(Cases.citizen(), "requestComplaintReview", "RequestComplaintReviewInput", Map.of("complaintId", id, "reason", "请上级复核"));
        assertThat(review.get("reviewRequestedAt").isNull()).isFalse();
        assertThat(count("select count(*) from outbox_event where event_type = 'complaint.review_requested' and aggregate_id = ?", id)).isEqualTo(1);
        assertRule(step(Cases.citizen(), "requestComplaintReview", "RequestComplaintReviewInput", Map.of("complaintId", id, "reason", "again")), "P4", "id");

        // a complainant without an account (a complaint by phone): the handling staff record what they said on the phone;
        // a window clerk does not
        String phoned = recordOk(Cases.clerk(), staffInput("PHONE")).get("id").asString();
        stepOk(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", phoned));
        stepOk(Cases.admin(), "recordComplaintResult", "RecordComplaintResultInput", Map.of("complaintId", phoned, "result", "已电话答复", "verified", false));
        assertThat(step(Cases.clerk(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput",
                Map.of("complaintId", phoned, "satisfied", true)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(stepOk(Cases.admin(), "answerComplaintSatisfaction", "AnswerComplaintSatisfactionInput",
                Map.of("complaintId", phoned, "satisfied", true, "comment", "电话回访：满意")).get("satisfied").asBoolean()).isTrue();

        // after the 15 working days: refused with P4, nothing recorded
        String other = accepted();
        stepOk(Cases.admin(), "recordComplaintResult", "RecordComplaintResultInput", Map.of("complaintId", other, "result", "已答复", "verified", false));
        setDate("review_closes_on", Cases.today().minusDays(1), other);
        assertRule(step(Cases.citizen(), "requestComplaintReview", "RequestComplaintReviewInput", Map.of("complaintId", other, "reason", "请复核")),
                "P4", "id");
        JsonNode unchanged = staffComplaint(Cases.admin(), other);
        assertThat(unchanged.get("reviewRequestedAt").isNull()).isTrue();
        assertThat(unchanged.at("/clock/colour").asString()).isEqualTo("RED");
    }

    // ------------------------------------------------------------------ P5

    @Test
    void threeVerifiedComplaintsBarExcellent_P5() throws Exception {
        String staff = "p5." + Long.toString(System.nanoTime(), 36);
        String windowName = "P5测试窗口" + Long.toString(System.nanoTime() % 100000, 36);
        int year = Cases.today().getYear();
        // one complaint found not true: it does not count
        verifiedAbout(staff, windowName, false);
        for (int i = 1; i <= 3; i++) {
            verifiedAbout(staff, windowName, true);
            JsonNode byStaff = appraisalRow(year, "STAFF", staff);
            assertThat(byStaff.get("verified").asInt()).isEqualTo(i);
            assertThat(byStaff.get("label").asString()).isEqualTo("受理员甲");
            assertThat(byStaff.get("excellentBarred").asBoolean()).as("after " + i).isEqualTo(i >= 3);
            JsonNode byWindow = appraisalRow(year, "WINDOW", windowName);
            assertThat(byWindow.get("verified").asInt()).isEqualTo(i);
            assertThat(byWindow.get("excellentBarred").asBoolean()).isEqualTo(i >= 3);
        }
        // another year has none of them
        Api.Response lastYear = appraisal(Cases.admin(), year - 1, "STAFF");
        assertThat(lastYear.body().toString()).doesNotContain(staff);
        // the tenant's staff and its province read the figures; another county and another province do not
        assertThat(appraisal(Tokens.staff("gd.admin"), year, "STAFF").errors()).isNull();
        assertThat(appraisal(Tokens.staff("taishan.admin"), year, "STAFF").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(appraisal(Tokens.staff("henan.admin"), year, "STAFF").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(appraisal(Cases.citizen(), year, "STAFF").errorCode()).isEqualTo("FORBIDDEN");
    }

    // ------------------------------------------------------------------ tenancy and ownership

    @Test
    void citizenCannotSeeOrAnswerAnothersComplaint() throws Exception {
        String id = filed();
        Api.Response read = Api.graphql(Cases.otherCitizen(), "query($id: ID!) { complaint(id: $id) { id reason } }", Map.of("id", id));
        assertThat(read.errorCode()).as(read.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(myComplaints(Cases.otherCitizen()).stream().noneMatch(n -> n.get("id").asString().equals(id))).isTrue();
        assertThat(Api.get(Cases.url("/api/complaints/" + id), Cases.otherCitizen()).status()).isEqualTo(404);
        // the owner reads it
        Api.Response own = Api.graphql(Cases.citizen(), "query($id: ID!) { complaint(id: $id) { id reason complainant { name } } }", Map.of("id", id));
        assertThat(own.data().at("/complaint/complainant/name").asString()).isEqualTo("张三");
        // another tenant's staff neither read nor act; another province's administrator neither
        for (String token : List.of(Tokens.staff("taishan.admin"), Tokens.staff("taishan.clerk"), Tokens.staff("henan.admin"))) {
            Api.Response r = Api.graphql(token, "query($id: ID!) { complaint(id: $id) { id } }", Map.of("id", id));
            assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("NOT_FOUND");
            assertThat(Api.graphql(token, "query($t: ID!) { complaints(tenantCode: $t) { edges { node { id } } } }", Map.of("t", LIANSHAN)).errorCode())
                    .isEqualTo("FORBIDDEN");
            for (String[] op : new String[][] {{"acceptComplaint", "AcceptComplaintInput"}, {"refuseComplaint", "RefuseComplaintInput"}}) {
                Map<String, Object> in = new LinkedHashMap<>(Map.of("complaintId", id, "reason", "x", "channel", "LITIGATION"));
                if (op[0].equals("acceptComplaint")) in = Map.of("complaintId", id);
                assertThat(step(token, op[0], op[1], in).errorCode()).as(op[0]).isEqualTo("FORBIDDEN");
            }
        }
        JsonNode after = staffComplaint(Cases.admin(), id);
        assertThat(after.get("state").asString()).isEqualTo("FILED");
        assertThat(after.get("version").asInt()).as("nothing changed").isZero();
    }

    // ------------------------------------------------------------------ helpers

    static String key() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> citizenInput(String key) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", key);
        in.put("tenantCode", LIANSHAN);
        in.put("channel", "APP");
        in.put("contactPhone", PHONE);
        in.put("windowId", window);
        in.put("reason", "1号窗口工作人员未一次性告知所需材料，让我跑了三趟 " + key.substring(0, 8));
        return in;
    }

    private static Map<String, Object> staffInput(String channel) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", key());
        in.put("tenantCode", LIANSHAN);
        in.put("channel", channel);
        in.put("complainantName", "王五");
        in.put("contactPhone", PHONE);
        in.put("windowName", "综合受理窗口");
        in.put("reason", "窗口工作人员服务态度生硬");
        return in;
    }

    private static Map<String, Object> hotlineInput(String ticket) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("tenantCode", LIANSHAN);
        in.put("hotlineTicket", ticket);
        in.put("complainantName", "热线来电人");
        in.put("contactPhone", PHONE);
        in.put("windowId", window);
        in.put("reason", "12345 转办：反映窗口办件超时");
        return in;
    }

    static Api.Response file(String token, Map<String, Object> in) {
        return Api.graphql(token, "mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { complaint { " + COMPLAINT + " } } }", Map.of("i", in));
    }

    static Api.Response record(String token, Map<String, Object> in) {
        return Api.graphql(token, "mutation($i: RecordComplaintInput!) { recordComplaint(input: $i) { complaint { " + COMPLAINT + " } } }", Map.of("i", in));
    }

    private static JsonNode recordOk(String token, Map<String, Object> in) {
        Api.Response r = record(token, in);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/recordComplaint/complaint");
    }

    static Api.Response importHotline(String token, Map<String, Object> in) {
        return Api.graphql(token, "mutation($i: ImportHotlineComplaintInput!) { importHotlineComplaint(input: $i) { complaint { " + COMPLAINT + " } } }",
                Map.of("i", in));
    }

    private static Api.Response step(String token, String mutation, String inputType, Map<String, Object> input) {
        return Api.graphql(token, "mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { complaint { " + COMPLAINT + " } } }", Map.of("i", input));
    }

    private static JsonNode stepOk(String token, String mutation, String inputType, Map<String, Object> input) {
        Api.Response r = step(token, mutation, inputType, input);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/" + mutation + "/complaint");
    }

    private static void assertRule(Api.Response r, String rule, String field) {
        assertThat(r.errors()).as(r.body().toString()).isNotNull();
        assertThat(r.errors().get(0).path("extensions").path("rule").asString()).as(r.body().toString()).isEqualTo(rule);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorField()).as(r.body().toString()).isEqualTo(field);
    }

    /** A complaint of citizen.zhang about window 1; its id. */
    private static String filed() {
        Api.Response r = file(Cases.citizen(), citizenInput(key()));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/fileComplaint/complaint/id").asString();
    }

    private static String accepted() {
        String id = filed();
        stepOk(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id));
        return id;
    }

    /** A complaint about the staff member and window, accepted and answered with the finding. */
    private static void verifiedAbout(String staff, String windowName, boolean verified) throws Exception {
        Map<String, Object> in = staffInput("ON_SITE");
        in.put("staffUsername", staff);
        in.put("staffName", "受理员甲");
        in.put("windowName", windowName);
        String id = recordOk(Cases.admin(), in).get("id").asString();
        stepOk(Cases.admin(), "acceptComplaint", "AcceptComplaintInput", Map.of("complaintId", id));
        JsonNode r = stepOk(Cases.admin(), "recordComplaintResult", "RecordComplaintResultInput",
                Map.of("complaintId", id, "result", verified ? "经查属实，已约谈当事人" : "经查不属实", "verified", verified));
        assertThat(r.get("verified").asBoolean()).isEqualTo(verified);
        JsonNode closed = payload("complaint.closed", id);
        assertThat(closed.get("staffId").asString()).isEqualTo(staff);
        assertThat(closed.get("verified").asBoolean()).isEqualTo(verified);
    }

    private static Api.Response appraisal(String token, int year, String dimension) {
        return Api.graphql(token, "query($t: ID!, $y: Int!, $d: ComplaintAppraisalDimension!) { complaintAppraisal(tenantCode: $t, year: $y, dimension: $d) "
                + "{ tenantCode year dimension threshold rows { key label verified excellentBarred } } }", Map.of("t", LIANSHAN, "y", year, "d", dimension));
    }

    private static JsonNode appraisalRow(int year, String dimension, String key) {
        Api.Response r = appraisal(Cases.admin(), year, dimension);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/complaintAppraisal/threshold").asInt()).isEqualTo(3);
        for (JsonNode row : r.data().at("/complaintAppraisal/rows")) if (row.get("key").asString().equals(key)) return row;
        throw new AssertionError("no " + dimension + " row " + key + " in " + r.body());
    }

    private static JsonNode staffComplaint(String token, String id) {
        Api.Response r = Api.graphql(token, "query($id: ID!) { complaint(id: $id) { " + COMPLAINT + " } }", Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("complaint");
    }

    private static List<String> listIds(String token, String filter) {
        List<String> out = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new LinkedHashMap<>(Map.of("t", LIANSHAN));
            if (after != null) vars.put("a", after);
            Api.Response r = Api.graphql(token, "query($t: ID!, $a: String) { complaints(tenantCode: $t, filter: " + filter
                    + ", first: 100, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }", vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            r.data().at("/complaints/edges").forEach(e -> out.add(e.at("/node/id").asString()));
            if (!r.data().at("/complaints/pageInfo/hasNextPage").asBoolean()) break;
            after = r.data().at("/complaints/pageInfo/endCursor").asString();
        }
        return out;
    }

    private static List<JsonNode> myComplaints(String token) {
        Api.Response r = Api.graphql(token, "{ myComplaints(first: 100) { edges { node { " + COMPLAINT + " } } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new ArrayList<>();
        r.data().at("/myComplaints/edges").forEach(e -> out.add(e.get("node")));
        return out;
    }

    /** citizen.zhang's message of the kind whose body contains the text (within 30 s). */
    private static JsonNode awaitMessage(String kind, String text) throws InterruptedException {
        return await(() -> {
            for (JsonNode m : Api.graphql(Cases.citizen(), "{ myMessages(first: 50) { edges { node { kind title body } } } }", Map.of())
                    .data().at("/myMessages/edges")) {
                if (kind.equals(m.at("/node/kind").asString()) && m.at("/node/body").asString().contains(text)) return m.get("node");
            }
            return null;
        });
    }

    private static <T> T await(Await.Probe<T> probe) throws InterruptedException {
        return Await.until(probe);
    }

    /** The payload of the one event of this type about the complaint, from the outbox. */
    private static JsonNode payload(String type, String id) throws Exception {
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                CaseDb.bind(st, LIANSHAN);
            }
            try (PreparedStatement ps = c.prepareStatement("select payload from outbox_event where event_type = ? and aggregate_id = ?")) {
                ps.setString(1, type);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(type + " of " + id).isTrue();
                    JsonNode p = Api.JSON.readTree(rs.getString(1));
                    assertThat(rs.next()).as("one " + type).isFalse();
                    return p;
                }
            } finally {
                c.commit();
            }
        }
    }

    /** One date column of a complaint of 连山 changed as the schema's owner (as if time had passed). */
    private static void setDate(String column, LocalDate value, String id) throws Exception {
        CaseDb.updateOne(LIANSHAN, "update complaint set " + column + " = ? where id = ?", value, id);
    }

    /** Counts under 连山's binding (as the owner: RLS is forced on it too). */
    private static long count(String sql, Object... args) throws Exception {
        return CaseDb.count(LIANSHAN, sql, args);
    }

    private static Instant timerAt(String instance) throws Exception {
        return CaseDb.timerAt("complaint-timer", instance);
    }

    /** Makes the complaint timer due now: the scheduler picks it up at its next poll. */
    private static void dueNow(String instance) throws Exception {
        assertThat(CaseDb.dueNow("complaint-timer", instance)).as("timer " + instance).isEqualTo(1);
    }

    /** Makes every complaint timer whose instance starts so due now (a step's timers before and after a reassessment). */
    private static void dueNowAll(String prefix) throws Exception {
        assertThat(CaseDb.dueNow("complaint-timer", prefix + "%")).as("timers " + prefix).isPositive();
    }
}
