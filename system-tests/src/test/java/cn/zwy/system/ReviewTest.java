package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.ok;
import static cn.zwy.system.Cases.staff;
import static cn.zwy.system.Cases.staffAction;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Reviews (好差评, V1–V9, ADR 0020) through the gateway at 连山: cases of citizen.zhang accepted by lianshan.clerk and
 * completed by lianshan.approver (一事一评), visits of the hall queue at windows of the test's own (一次一评). Timers are
 * made due by moving their row in the scheduler's table (and the period's end into the past), as CaseTimersTest does.
 */
@ExtendWith(PlatformUnderTest.class)
class ReviewTest {

    private static final String LIANSHAN = "441825";
    static final String REVIEW = "id tenantCode kind subject caseId ticketId level score bad reasons otherReason comment afterReminder staffName "
            + "windowName departmentName lineName replayed reviewer { name phoneMasked } rectification { state dueOn overdue lateSteps assignee "
            + "finding reply satisfied version }";

    @BeforeAll
    static void mainHall() {
        if (QueueTest.hall == null) QueueTest.hall = Bookings.mainHall(LIANSHAN);
    }

    // ------------------------------------------------------------------ V5

    @Test
    void badReviewNeedsReason_V5() throws Exception {
        String caseId = completedCase();
        JsonNode pending = awaitPending(n -> caseId.equals(n.path("caseId").asString(null)));

        Api.Response noReason = reviewCase(Cases.citizen(), caseId, "DISSATISFIED", key(), null, null);
        assertThat(noReason.errorCode()).as(noReason.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(noReason.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("V5");
        assertThat(noReason.errorField()).isEqualTo("reasons");
        assertThat(noReason.errors().get(0).path("message").asString()).contains("差评原因");
        Api.Response blankReason = reviewCase(Cases.citizen(), caseId, "VERY_DISSATISFIED", key(), List.of(), "   ");
        assertThat(blankReason.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(blankReason.errorField()).isEqualTo("reasons");
        // a good review takes no bad-review reasons
        Api.Response goodWithReason = reviewCase(Cases.citizen(), caseId, "SATISFIED", key(), List.of("ATTITUDE"), null);
        assertThat(goodWithReason.errorCode()).isEqualTo("VALIDATION");
        // nothing was stored: the case is still to be reviewed, and no review row exists for it
        assertThat(awaitPending(n -> n.path("id").asString().equals(pending.get("id").asString()))).isNotNull();
        assertThat(reviewsOf(caseId)).isZero();

        // a chosen reason, or a written one, is enough
        Api.Response bad = reviewCase(Cases.citizen(), caseId, "DISSATISFIED", key(), List.of("SLOW"), "等了两个小时");
        assertThat(bad.errors()).as(bad.body().toString()).isNull();
        JsonNode review = bad.data().at("/reviewCase/review");
        assertThat(review.get("score").asInt()).isEqualTo(3);
        assertThat(review.get("bad").asBoolean()).isTrue();
        assertThat(review.get("reasons").get(0).asString()).isEqualTo("SLOW");
        assertThat(review.get("otherReason").asString()).isEqualTo("等了两个小时");
        assertThat(review.get("reviewer").isNull()).as("the citizen is not shown the staff view").isTrue();
        // the bad review opened its rectification, to be assigned within 1 working day (V6)
        JsonNode asAdmin = staffReview(Cases.admin(), review.get("id").asString());
        assertThat(asAdmin.at("/rectification/state").asString()).isEqualTo("OPEN");
        assertThat(asAdmin.at("/rectification/dueOn").asString()).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 1).toString());
        // a written reason alone is enough too; V1's scores
        String other = completedCase();
        awaitPending(n -> other.equals(n.path("caseId").asString(null)));
        Api.Response written = reviewCase(Cases.citizen(), other, "VERY_DISSATISFIED", key(), null, "窗口人员态度冷淡");
        assertThat(written.errors()).as(written.body().toString()).isNull();
        assertThat(written.data().at("/reviewCase/review/score").asInt()).isZero();
    }

    // ------------------------------------------------------------------ V2

    @Test
    void onlyTheApplicantReviewsOnce_V2() throws Exception {
        // before completion: not yet (V4)
        String open = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        Api.Response early = reviewCase(Cases.citizen(), open, "SATISFIED", key(), null, null);
        assertThat(early.errorCode()).as(early.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(early.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("V4");

        String caseId = completedCase();
        awaitPending(n -> caseId.equals(n.path("caseId").asString(null)));
        // another citizen: as if the case did not exist; staff never review for a citizen (V9: no fake good reviews)
        assertThat(reviewCase(Cases.otherCitizen(), caseId, "VERY_SATISFIED", key(), null, null).errorCode()).isEqualTo("NOT_FOUND");
        for (String staff : List.of(Cases.clerk(), Cases.admin())) {
            assertThat(reviewCase(staff, caseId, "VERY_SATISFIED", key(), null, null).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(Api.post(Cases.url("/api/reviews/cases/" + caseId), Cases.clerk(),
                Map.of("idempotencyKey", key(), "level", "VERY_SATISFIED")).status()).as("case-service checks the token again").isEqualTo(403);

        // the same review sent eight times at once (a double tap, a retry): one review, the same answer to each
        String k = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        String citizen = Cases.citizen();
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> {
                start.await();
                return reviewCase(citizen, caseId, "VERY_SATISFIED", k, null, null);
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        int firsts = 0;
        for (Future<Api.Response> f : sent) {
            Api.Response r = f.get();
            assertThat(r.errors()).as(r.body().toString()).isNull();
            ids.add(r.data().at("/reviewCase/review/id").asString());
            if (!r.data().at("/reviewCase/review/replayed").asBoolean()) firsts++;
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(firsts).as("one of them made it, the others answered it").isEqualTo(1);
        assertThat(reviewsOf(caseId)).isEqualTo(1);
        // once: a second review (another key) is refused and stores nothing
        Api.Response again = reviewCase(Cases.citizen(), caseId, "DISSATISFIED", key(), List.of("ATTITUDE"), null);
        assertThat(again.errorCode()).as(again.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(again.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("V2");
        assertThat(reviewsOf(caseId)).isEqualTo(1);
        assertThat(pendingNodes(Cases.citizen()).stream().noneMatch(n -> caseId.equals(n.path("caseId").asString(null)))).isTrue();

        // two different reviews of one case at once (two devices): one is stored, the other refused (V2)
        String other = completedCase();
        awaitPending(n -> other.equals(n.path("caseId").asString(null)));
        ExecutorService two = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String level = i % 2 == 0 ? "VERY_SATISFIED" : "SATISFIED";
            racing.add(two.submit(() -> {
                go.await();
                return reviewCase(citizen, other, level, key(), null, null);
            }));
        }
        go.countDown();
        int stored = 0;
        for (Future<Api.Response> f : racing) {
            Api.Response r = f.get();
            if (r.errors() == null) stored++;
            else assertThat(r.errors().get(0).path("extensions").path("rule").asString()).as(r.body().toString()).isEqualTo("V2");
        }
        two.shutdown();
        assertThat(stored).isEqualTo(1);
        assertThat(reviewsOf(other)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ V4

    @Test
    void reviewReminderAfter24Hours_V4() throws Exception {
        String caseId = completedCase();
        JsonNode pending = awaitPending(n -> caseId.equals(n.path("caseId").asString(null)));
        String opening = pending.get("id").asString();
        assertThat(pending.get("reminded").asBoolean()).isFalse();
        String remind = "REMIND|" + opening;
        assertThat(timerAt(remind)).as("the reminder waits 24 h after completion").isNotNull()
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(23)));
        dueNow(remind);
        JsonNode message = await(() -> {
            for (JsonNode m : Api.graphql(Cases.citizen(), "{ myMessages(first: 20) { edges { node { kind title body caseId } } } }", Map.of())
                    .data().at("/myMessages/edges")) {
                if ("REVIEW_REMINDER".equals(m.at("/node/kind").asString()) && caseId.equals(m.at("/node/caseId").asString(null))) return m.get("node");
            }
            return null;
        });
        assertThat(message.get("title").asString()).isEqualTo("评价提醒");
        assertThat(message.get("body").asString()).contains(pending.get("subject").asString()).contains(pending.get("closesOn").asString());
        // and by SMS (the case's contact phone; the sender logs the masked number)
        assertThat(count("select count(*) from sms_outbox s join citizen_message m on m.id = s.message_id where m.kind = 'REVIEW_REMINDER' and m.case_id = ?",
                UUID.fromString(caseId.substring(7)))).isEqualTo(1);
        assertThat(awaitPending(n -> n.path("id").asString().equals(opening)).get("reminded").asBoolean()).isTrue();
        // a review after the reminder says so
        Api.Response r = reviewCase(Cases.citizen(), caseId, "BASICALLY_SATISFIED", key(), null, null);
        assertThat(r.data().at("/reviewCase/review/afterReminder").asBoolean()).as(r.body().toString()).isTrue();
        assertThat(r.data().at("/reviewCase/review/score").asInt()).isEqualTo(6);
    }

    @Test
    void reviewWindowClosesAfterFiveWorkingDays_V4() throws Exception {
        String caseId = completedCase();
        JsonNode pending = awaitPending(n -> caseId.equals(n.path("caseId").asString(null)));
        // open until the 5th working day after the completion day on 连山's calendar
        LocalDate closes = Cases.expectedDeadline(Cases.today().plusDays(1), 5);
        assertThat(pending.get("closesOn").asString()).isEqualTo(closes.toString());
        String opening = pending.get("id").asString();
        assertThat(timerAt("CLOSE|" + opening)).isEqualTo(closes.plusDays(1).atStartOfDay(Cases.HALLS).toInstant());

        // as if those 5 working days were over: the timer marks the case unrated and no review is accepted any more
        periodEndedYesterday(opening);
        Api.Response late = reviewCase(Cases.citizen(), caseId, "VERY_SATISFIED", key(), null, null);
        assertThat(late.errorCode()).as(late.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(late.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("V4");
        assertThat(pendingNodes(Cases.citizen()).stream().noneMatch(n -> n.path("id").asString().equals(opening))).isTrue();
        dueNow("CLOSE|" + opening);
        assertThat(await(() -> "UNRATED".equals(openingState(opening)) ? "UNRATED" : null)).isEqualTo("UNRATED");
        assertThat(count("select count(*) from outbox_event where event_type = 'review.unrated' and aggregate_id = ?", opening)).isEqualTo(1);
        assertThat(reviewsOf(caseId)).isZero();
    }

    @Test
    void overdueUnfinishedCaseMayBeReviewed_V4() throws Exception {
        String caseId = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        ok(act(Cases.clerk(), caseId, "accept", staff(0)));
        Api.Response notYet = reviewCase(Cases.citizen(), caseId, "VERY_DISSATISFIED", key(), List.of("SLOW"), null);
        assertThat(notYet.errorCode()).isEqualTo("RULE_VIOLATION");
        // past its promised deadline and still being handled (C7): the applicant may review it now
        CaseDb.shiftClock(caseId, Cases.today().minusDays(40), Cases.today().minusDays(1));
        Api.Response r = reviewCase(Cases.citizen(), caseId, "VERY_DISSATISFIED", key(), List.of("SLOW", "NOT_DONE"), null);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/reviewCase/review/bad").asBoolean()).isTrue();
        assertThat(r.data().at("/reviewCase/review/staffName").asString()).as("the clerk who accepted it").isNotBlank();
        assertThat(reviewCase(Cases.citizen(), caseId, "SATISFIED", key(), null, null).errorCode()).isEqualTo("RULE_VIOLATION");
    }

    // ------------------------------------------------------------------ V9

    @Test
    void reviewerHiddenFromReviewedStaff_V9() throws Exception {
        String caseId = completedCase();
        awaitPending(n -> caseId.equals(n.path("caseId").asString(null)));
        Api.Response r = reviewCase(Cases.citizen(), caseId, "DISSATISFIED", key(), List.of("ATTITUDE"), "柜台人员不耐烦");
        assertThat(r.errors()).as(r.body().toString()).isNull();
        String id = r.data().at("/reviewCase/review/id").asString();

        // the centre administrator (not reviewed) sees who reviewed, for the call back
        JsonNode asAdmin = staffReview(Cases.admin(), id);
        assertThat(asAdmin.at("/reviewer/name").asString()).isEqualTo("张三");
        String masked = asAdmin.at("/reviewer/phoneMasked").asString();
        assertThat(masked).isNotBlank().doesNotContain(Cases.PHONE);

        // the clerk who accepted the case is the staff reviewed: the review is about them, without the reviewer
        Api.Response mine = Api.graphql(Cases.clerk(), "query($t: ID!) { reviews(tenantCode: $t, filter: {aboutMe: true}, first: 100) { edges { node { "
                + REVIEW + " } } } }", Map.of("t", LIANSHAN));
        assertThat(mine.errors()).as(mine.body().toString()).isNull();
        JsonNode node = null;
        for (JsonNode e : mine.data().at("/reviews/edges")) if (e.at("/node/id").asString().equals(id)) node = e.get("node");
        assertThat(node).as("the review about the clerk").isNotNull();
        assertThat(node.get("reviewer").isNull()).isTrue();
        assertThat(node.get("otherReason").asString()).isEqualTo("柜台人员不耐烦");
        String body = mine.body().toString();
        assertThat(body).doesNotContain("张三").doesNotContain(Cases.PHONE).doesNotContain(masked).doesNotContain(Cases.ID_NUMBER);
        // nor over case-service's REST with the same token, nor on the reviews' dishonesty list
        Api.Response rest = Api.get(Cases.url("/api/reviews/tenants/" + LIANSHAN + "?aboutMe=true&first=100"), Cases.clerk());
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().toString()).contains(id.substring(7)).doesNotContain("张三").doesNotContain(masked);
        assertThat(Api.graphql(Cases.clerk(), "query($t: ID!) { reviewDishonestyList(tenantCode: $t) { id } }", Map.of("t", LIANSHAN)).errorCode())
                .isEqualTo("FORBIDDEN");
        // a centre administrator who served the case themselves is the staff reviewed too: no reviewer for them
        String own = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        ok(act(Cases.admin(), own, "accept", staff(0)));
        ok(act(Cases.admin(), own, "complete", staffAction(null, 1, "综合受理窗口 3 号", "approved", true)));
        awaitPending(n -> own.equals(n.path("caseId").asString(null)));
        Api.Response aboutAdmin = reviewCase(Cases.citizen(), own, "VERY_DISSATISFIED", key(), List.of("ATTITUDE"), null);
        assertThat(aboutAdmin.errors()).as(aboutAdmin.body().toString()).isNull();
        JsonNode selfView = staffReview(Cases.admin(), aboutAdmin.data().at("/reviewCase/review/id").asString());
        assertThat(selfView.get("reviewer").isNull()).as(selfView.toString()).isTrue();
        assertThat(selfView.get("staffName").asString()).isEqualTo("韦建国");
        // another tenant's staff see none of 连山's reviews
        assertThat(Api.graphql(Tokens.staff("taishan.admin"), "query($t: ID!) { reviews(tenantCode: $t) { edges { node { id } } } }",
                Map.of("t", LIANSHAN)).errorCode()).isEqualTo("FORBIDDEN");
    }

    // ------------------------------------------------------------------ V6

    @Test
    void badReviewRectificationLoop_V6() throws Exception {
        String id = badReview("办件超时，电话无人接听");
        // only the centre administrator assigns; steps go in order
        assertThat(step(Cases.clerk(), "assignBadReview", "AssignBadReviewInput", Map.of("reviewId", id, "assignee", "lianshan.approver")).errorCode())
                .isEqualTo("FORBIDDEN");
        Api.Response early = step(Cases.admin(), "verifyBadReview", "VerifyBadReviewInput", Map.of("reviewId", id, "finding", "VALID", "reply", "已核实"));
        assertThat(early.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(early.errors().get(0).path("extensions").path("rule").asString()).isEqualTo("V6");

        JsonNode assigned = stepOk(Cases.admin(), "assignBadReview", "AssignBadReviewInput", Map.of("reviewId", id, "assignee", "lianshan.approver"));
        assertThat(assigned.at("/rectification/state").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.at("/rectification/assignee").asString()).isEqualTo("lianshan.approver");
        assertThat(assigned.at("/rectification/dueOn").asString()).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 3).toString());
        // the assignee (or an administrator) verifies; another clerk may not
        assertThat(step(Cases.clerk(), "verifyBadReview", "VerifyBadReviewInput", Map.of("reviewId", id, "finding", "VALID", "reply", "x")).errorCode())
                .isEqualTo("FORBIDDEN");
        String reply = "经核实情况属实，已对窗口人员进行批评教育，并增设咨询电话专人值守。";
        JsonNode verified = stepOk(Cases.approver(), "verifyBadReview", "VerifyBadReviewInput", Map.of("reviewId", id, "finding", "VALID", "reply", reply));
        assertThat(verified.at("/rectification/state").asString()).isEqualTo("VERIFIED");
        assertThat(verified.at("/rectification/dueOn").asString()).isEqualTo(Cases.expectedDeadline(Cases.today().plusDays(1), 10).toString());
        // the reply reached the reviewer (差评回复)
        assertThat(await(() -> {
            for (JsonNode m : Api.graphql(Cases.citizen(), "{ myMessages(first: 20) { edges { node { kind body } } } }", Map.of()).data().at("/myMessages/edges")) {
                if ("REVIEW_REPLY".equals(m.at("/node/kind").asString()) && m.at("/node/body").asString().contains(reply)) return m;
            }
            return null;
        })).isNotNull();
        // a valid one cannot be closed before it is rectified and called back
        assertThat(step(Cases.admin(), "closeBadReview", "CloseBadReviewInput", Map.of("reviewId", id)).errorCode()).isEqualTo("RULE_VIOLATION");
        JsonNode rectified = stepOk(Cases.approver(), "rectifyBadReview", "RectifyBadReviewInput", Map.of("reviewId", id, "measures", "增设咨询专线，超期件每日通报"));
        assertThat(rectified.at("/rectification/state").asString()).isEqualTo("RECTIFIED");
        JsonNode called = stepOk(Cases.approver(), "callBackBadReview", "CallBackBadReviewInput", Map.of("reviewId", id, "satisfied", true, "note", "电话回访，群众表示满意"));
        assertThat(called.at("/rectification/state").asString()).isEqualTo("CALLED_BACK");
        assertThat(called.at("/rectification/satisfied").asBoolean()).isTrue();
        JsonNode closed = stepOk(Cases.admin(), "closeBadReview", "CloseBadReviewInput", Map.of("reviewId", id, "note", "纳入窗口作风整改台账"));
        assertThat(closed.at("/rectification/state").asString()).isEqualTo("CLOSED");
        assertThat(closed.at("/rectification/dueOn").isNull()).isTrue();
        // every step is on the one outbox, for the comparison read models
        for (String type : List.of("review.submitted", "review.assigned", "review.verified", "review.rectified", "review.called_back", "review.closed")) {
            assertThat(count("select count(*) from outbox_event where event_type = ? and aggregate_id = ?", type, id)).as(type).isEqualTo(1);
        }

        // a step past its deadline is warned about: the timer of the step finds it still there
        String late = badReview("材料要求反复变化");
        setDueOn(late, Cases.today().minusDays(1));
        dueNow("STEP|" + late + "|OPEN");
        JsonNode warned = await(() -> {
            JsonNode r = staffReview(Cases.admin(), late);
            return r.at("/rectification/lateSteps").toString().contains("OPEN") ? r : null;
        });
        assertThat(warned.at("/rectification/overdue").asBoolean()).isTrue();
        assertThat(count("select count(*) from outbox_event where event_type = 'review.rectification_late' and aggregate_id = ?", late)).isEqualTo(1);
        Api.Response lateList = Api.graphql(Cases.admin(), "query($t: ID!) { reviews(tenantCode: $t, filter: {rectification: LATE}, first: 100) { edges { node { id } } } }",
                Map.of("t", LIANSHAN));
        assertThat(lateList.body().toString()).contains(late);
    }

    @Test
    void maliciousBadReviewMayListTheReviewer_V5() throws Exception {
        String id = badReview("恶意刷差评测试");
        stepOk(Cases.admin(), "assignBadReview", "AssignBadReviewInput", Map.of("reviewId", id, "assignee", "lianshan.admin"));
        // listing needs a malicious finding
        Map<String, Object> valid = new LinkedHashMap<>(Map.of("reviewId", id, "finding", "INVALID", "reply", "经核实不属实", "listReviewer", true,
                "listingReason", "x"));
        assertThat(step(Cases.admin(), "verifyBadReview", "VerifyBadReviewInput", valid).errorCode()).isEqualTo("RULE_VIOLATION");
        JsonNode verified = stepOk(Cases.admin(), "verifyBadReview", "VerifyBadReviewInput", Map.of("reviewId", id, "finding", "MALICIOUS",
                "reply", "经监控核实，您反映的情况不属实", "listReviewer", true, "listingReason", "经视频核实为主观恶意差评，造成不良影响"));
        assertThat(verified.at("/rectification/finding").asString()).isEqualTo("MALICIOUS");
        Api.Response list = Api.graphql(Cases.admin(), "query($t: ID!) { reviewDishonestyList(tenantCode: $t) { id reviewId reviewer reason active listedBy } }",
                Map.of("t", LIANSHAN));
        JsonNode entry = null;
        for (JsonNode e : list.data().get("reviewDishonestyList")) if (e.get("reviewId").asString().equals(id)) entry = e;
        assertThat(entry).as(list.body().toString()).isNotNull();
        assertThat(entry.get("active").asBoolean()).isTrue();
        assertThat(entry.get("reviewer").asString()).isEqualTo("张三");
        // the window staff do not see it (V9); the administrator lifts it with a reason, once
        assertThat(Api.graphql(Cases.clerk(), "query($t: ID!) { reviewDishonestyList(tenantCode: $t) { id } }", Map.of("t", LIANSHAN)).errorCode())
                .isEqualTo("FORBIDDEN");
        String lift = "mutation($i: LiftReviewDishonestyInput!) { liftReviewDishonesty(input: $i) { entry { active liftedBy liftReason } } }";
        assertThat(Api.graphql(Cases.clerk(), lift, Map.of("i", Map.of("entryId", entry.get("id").asString(), "reason", "误判"))).errorCode())
                .isEqualTo("FORBIDDEN");
        Api.Response lifted = Api.graphql(Cases.admin(), lift, Map.of("i", Map.of("entryId", entry.get("id").asString(), "reason", "申诉后复核，撤销列入")));
        assertThat(lifted.errors()).as(lifted.body().toString()).isNull();
        assertThat(lifted.data().at("/liftReviewDishonesty/entry/active").asBoolean()).isFalse();
        assertThat(lifted.data().at("/liftReviewDishonesty/entry/liftReason").asString()).isEqualTo("申诉后复核，撤销列入");
        assertThat(Api.graphql(Cases.admin(), lift, Map.of("i", Map.of("entryId", entry.get("id").asString(), "reason", "again"))).errorCode())
                .isEqualTo("RULE_VIOLATION");
        // a malicious one is closed without rectification
        assertThat(stepOk(Cases.admin(), "closeBadReview", "CloseBadReviewInput", Map.of("reviewId", id)).at("/rectification/state").asString())
                .isEqualTo("CLOSED");
    }

    // ------------------------------------------------------------------ V7, V8 and 一次一评

    @Test
    void indicatorsRollUp_V8() throws Exception {
        String category = QueueTest.category();
        String window = QueueTest.window(category);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String t = QueueTest.take(Cases.citizen(), category, false).get("id").asString();
            assertThat(QueueTest.callNext(Cases.clerk(), window).data().at("/callNext/ticket/id").asString()).isEqualTo(t);
            Api.Response done = QueueTest.act("finishTicket", "FinishTicketInput", Map.of("ticketId", t));
            assertThat(done.errors()).as(done.body().toString()).isNull();
            tickets.add(t);
        }
        // a ticket taken at a kiosk (staff's account) has nobody to review it online
        String kiosk = QueueTest.take(Cases.clerk(), category, false).get("id").asString();
        QueueTest.callNext(Cases.clerk(), window);
        QueueTest.act("finishTicket", "FinishTicketInput", Map.of("ticketId", kiosk));
        for (String t : tickets) awaitPending(n -> t.equals(n.path("ticketId").asString(null)));

        // 一次一评: the citizen of the visit reviews it once; another citizen may not; a kiosk's ticket is nobody's
        assertThat(reviewVisit(Cases.otherCitizen(), tickets.get(0), "SATISFIED", null, null).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(reviewVisit(Cases.citizen(), kiosk, "SATISFIED", null, null).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(reviewVisit(Cases.clerk(), tickets.get(0), "VERY_SATISFIED", null, null).errorCode()).isEqualTo("FORBIDDEN");
        Api.Response good = reviewVisit(Cases.citizen(), tickets.get(0), "VERY_SATISFIED", null, null);
        assertThat(good.errors()).as(good.body().toString()).isNull();
        assertThat(good.data().at("/reviewVisit/review/kind").asString()).isEqualTo("VISIT");
        assertThat(good.data().at("/reviewVisit/review/lineName").asString()).isEqualTo("业务类别 " + category);
        Api.Response bad = reviewVisit(Cases.citizen(), tickets.get(1), "DISSATISFIED", List.of("SLOW"), null);
        assertThat(bad.errors()).as(bad.body().toString()).isNull();
        assertThat(reviewVisit(Cases.citizen(), tickets.get(0), "SATISFIED", null, null).errorCode()).isEqualTo("RULE_VIOLATION");
        // the third is never reviewed: its period ends, it counts as unrated
        String third = awaitPending(n -> tickets.get(2).equals(n.path("ticketId").asString(null))).get("id").asString();
        periodEndedYesterday(third);
        dueNow("CLOSE|" + third);
        await(() -> "UNRATED".equals(openingState(third)) ? "x" : null);

        JsonNode row = indicator(Cases.admin(), "WINDOW", window);
        assertThat(row.get("services").asInt()).isEqualTo(3);
        assertThat(row.get("reviews").asInt()).isEqualTo(2);
        assertThat(row.get("good").asInt()).isEqualTo(1);
        assertThat(row.get("bad").asInt()).isEqualTo(1);
        assertThat(row.get("unrated").asInt()).isEqualTo(1);
        assertThat(row.get("averageScore").asDouble()).isEqualTo(6.5);
        assertThat(row.get("goodRate").asDouble()).isEqualTo(0.5);
        assertThat(row.get("activeGoodRate").asDouble()).isEqualTo(0.3333);
        assertThat(row.get("unratedRate").asDouble()).isEqualTo(0.3333);
        assertThat(row.get("replyRate").asDouble()).isEqualTo(0.0);
        assertThat(row.get("rectificationRate").isNull()).as("no valid bad review yet").isTrue();
        // the bad one answered and found valid: replied 100 %, rectified 0 % until rectified and called back
        String badId = bad.data().at("/reviewVisit/review/id").asString();
        stepOk(Cases.admin(), "assignBadReview", "AssignBadReviewInput", Map.of("reviewId", badId, "assignee", "lianshan.admin"));
        stepOk(Cases.admin(), "verifyBadReview", "VerifyBadReviewInput", Map.of("reviewId", badId, "finding", "VALID", "reply", "已增开窗口"));
        row = indicator(Cases.admin(), "WINDOW", window);
        assertThat(row.get("replyRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("validBad").asInt()).isEqualTo(1);
        assertThat(row.get("rectificationRate").asDouble()).isEqualTo(0.0);
        stepOk(Cases.admin(), "rectifyBadReview", "RectifyBadReviewInput", Map.of("reviewId", badId, "measures", "高峰时段增开窗口"));
        stepOk(Cases.admin(), "callBackBadReview", "CallBackBadReviewInput", Map.of("reviewId", badId, "satisfied", false));
        row = indicator(Cases.admin(), "WINDOW", window);
        assertThat(row.get("rectificationRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("rectificationSatisfaction").asDouble()).isEqualTo(0.0);
        // the same services by business line; the staff member who served and the region hold them too
        JsonNode line = indicator(Cases.admin(), "LINE", "category:" + category);
        assertThat(line.get("services").asInt()).isEqualTo(3);
        assertThat(line.get("averageScore").asDouble()).isEqualTo(6.5);
        JsonNode region = indicator(Cases.admin(), "REGION", LIANSHAN);
        assertThat(region.get("services").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(region.get("reviews").asInt()).isGreaterThanOrEqualTo(2);
        Api.Response staff = indicators(Cases.admin(), "STAFF");
        assertThat(staff.errors()).as(staff.body().toString()).isNull();
        assertThat(staff.data().at("/reviewIndicators/rows").size()).isPositive();
        // the province's administrator reads its county's figures; another county's and another province's do not
        assertThat(indicators(Tokens.staff("gd.admin"), "REGION").errors()).isNull();
        assertThat(indicators(Tokens.staff("taishan.admin"), "REGION").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(indicators(Tokens.staff("henan.admin"), "REGION").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(indicators(Cases.citizen(), "REGION").errorCode()).isEqualTo("FORBIDDEN");
    }

    // ------------------------------------------------------------------ helpers

    static String key() {
        return UUID.randomUUID().toString();
    }

    /** A case of citizen.zhang accepted by lianshan.clerk and completed (approved) by lianshan.approver. */
    static String completedCase() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        ok(act(Cases.clerk(), id, "accept", staff(0)));
        ok(act(Cases.approver(), id, "complete", staffAction(null, 1, "市场监管局审批窗口", "approved", true)));
        return id;
    }

    /** A bad review of a completed case; its id. */
    private static String badReview(String why) throws Exception {
        String caseId = completedCase();
        awaitPending(n -> caseId.equals(n.path("caseId").asString(null)));
        Api.Response r = reviewCase(Cases.citizen(), caseId, "VERY_DISSATISFIED", key(), List.of("SLOW"), why);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/reviewCase/review/id").asString();
    }

    static Api.Response reviewCase(String token, String caseId, String level, String key, List<String> reasons, String other) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", key);
        in.put("caseId", caseId);
        in.put("level", level);
        if (reasons != null) in.put("reasons", reasons);
        if (other != null) in.put("otherReason", other);
        return Api.graphql(token, "mutation($i: ReviewCaseInput!) { reviewCase(input: $i) { review { " + REVIEW + " } } }", Map.of("i", in));
    }

    static Api.Response reviewVisit(String token, String ticketId, String level, List<String> reasons, String other) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", key());
        in.put("ticketId", ticketId);
        in.put("level", level);
        if (reasons != null) in.put("reasons", reasons);
        if (other != null) in.put("otherReason", other);
        return Api.graphql(token, "mutation($i: ReviewVisitInput!) { reviewVisit(input: $i) { review { " + REVIEW + " } } }", Map.of("i", in));
    }

    private static Api.Response step(String token, String mutation, String inputType, Map<String, Object> input) {
        return Api.graphql(token, "mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { review { " + REVIEW + " } } }", Map.of("i", input));
    }

    private static JsonNode stepOk(String token, String mutation, String inputType, Map<String, Object> input) {
        Api.Response r = step(token, mutation, inputType, input);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/" + mutation + "/review");
    }

    /** The review as the staff member reads it in the tenant's list. */
    private static JsonNode staffReview(String token, String id) {
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new LinkedHashMap<>(Map.of("t", LIANSHAN));
            if (after != null) vars.put("a", after);
            Api.Response r = Api.graphql(token, "query($t: ID!, $a: String) { reviews(tenantCode: $t, first: 100, after: $a) { edges { node { " + REVIEW
                    + " } } pageInfo { hasNextPage endCursor } } }", vars);
            assertThat(r.errors()).as(r.body().toString()).isNull();
            for (JsonNode e : r.data().at("/reviews/edges")) if (e.at("/node/id").asString().equals(id)) return e.get("node");
            if (!r.data().at("/reviews/pageInfo/hasNextPage").asBoolean()) break;
            after = r.data().at("/reviews/pageInfo/endCursor").asString();
        }
        throw new AssertionError("review " + id + " not in 连山's reviews");
    }

    private static Api.Response indicators(String token, String dimension) {
        return Api.graphql(token, "query($t: ID!, $d: ReviewDimension!) { reviewIndicators(tenantCode: $t, dimension: $d) { tenantCode dimension rows { "
                + "key label services reviews good bad unrated averageScore goodRate activeGoodRate unratedRate replied replyRate validBad rectified "
                + "rectificationRate calledBack satisfied rectificationSatisfaction } } }", Map.of("t", LIANSHAN, "d", dimension));
    }

    private static JsonNode indicator(String token, String dimension, String key) {
        Api.Response r = indicators(token, dimension);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode row : r.data().at("/reviewIndicators/rows")) if (row.get("key").asString().equals(key)) return row;
        throw new AssertionError("no " + dimension + " row " + key + " in " + r.body());
    }

    static List<JsonNode> pendingNodes(String token) {
        Api.Response r = Api.graphql(token, "{ myPendingReviews(first: 100) { edges { node { id tenantCode kind caseId ticketId subject lineName "
                + "windowName doneAt closesOn reminded } } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new ArrayList<>();
        r.data().at("/myPendingReviews/edges").forEach(e -> out.add(e.get("node")));
        return out;
    }

    /** The citizen's pending review matching, once the event path opened it (within 30 s). */
    static JsonNode awaitPending(Predicate<JsonNode> matches) throws InterruptedException {
        return await(() -> pendingNodes(Cases.citizen()).stream().filter(matches).findFirst().orElse(null));
    }

    static <T> T await(Await.Probe<T> probe) throws InterruptedException {
        return Await.until(probe);
    }

    private static long reviewsOf(String caseId) throws Exception {
        return count("select count(*) from review r join review_opening o on o.id = r.opening_id where o.case_id = ? and o.kind = 'CASE'",
                UUID.fromString(caseId.substring(7)));
    }

    private static String openingState(String opening) throws Exception {
        try (Connection c = CaseDb.connectAsOwner(); PreparedStatement ps = c.prepareStatement("select state from review_opening where id = ?")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                CaseDb.bind(st, LIANSHAN);
            }
            ps.setObject(1, UUID.fromString(opening.substring(7)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            } finally {
                c.commit();
            }
        }
    }

    private static void setDueOn(String reviewId, LocalDate due) throws Exception {
        update("update review_rectification set due_on = ? where review_id = ?", due, reviewId);
    }

    /** As if the opening's review period (V4) had ended yesterday. */
    private static void periodEndedYesterday(String opening) throws Exception {
        update("update review_opening set closes_on = ? where id = ?", Cases.today().minusDays(1), opening);
    }

    /** One row of 连山 changed as the schema's owner: the value, and the row's id ("441825:<uuid>"). */
    private static void update(String sql, Object value, String id) throws Exception {
        CaseDb.updateOne(LIANSHAN, sql, value, id);
    }

    /** Counts under 连山's binding (as the owner: RLS is forced on it too). */
    private static long count(String sql, Object... args) throws Exception {
        return CaseDb.count(LIANSHAN, sql, args);
    }

    /** When the review timer is due (null: no such timer). */
    private static java.time.Instant timerAt(String instance) throws Exception {
        return CaseDb.timerAt("review-timer", instance);
    }

    /** Makes the review timer due now: the scheduler picks it up at its next poll. */
    private static void dueNow(String instance) throws Exception {
        assertThat(CaseDb.dueNow("review-timer", instance)).as("timer " + instance).isEqualTo(1);
    }
}
