package cn.zwy.system;

import static cn.zwy.system.Cases.clerk;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Joint cases (联合办理, C10, seed 003) through the public GraphQL endpoint: one acceptance notice names
 * every department and material; the departments review in parallel, each with its own due date; one
 * without an opinion by then is deemed to agree (by the persistent timer); a department whose upper
 * authority approves escalates within 7 working days and the applicant hears of the reply at once; the
 * lead completes only when every department has answered, and cannot approve what one refused.
 */
@ExtendWith(PlatformUnderTest.class)
class JointCaseTest {

    private static final String CASE_FIELDS = """
            id version status clock { deadline } timeline { action actionLabel note actor }
            jointReviews { department upperApproval state startedOn due overdue escalateDue escalatedOn upperAuthority
                           upperReplyOn upperApproved opinion answeredBy window }""";
    private static final String ACCEPT = "mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { " + CASE_FIELDS + " } } }";
    private static final String ANSWER = "mutation($i: AnswerJointReviewInput!) { answerJointReview(input: $i) { case { " + CASE_FIELDS + " } } }";
    private static final String ESCALATE = "mutation($i: EscalateJointReviewInput!) { escalateJointReview(input: $i) { case { " + CASE_FIELDS + " } } }";
    private static final String REPLY = "mutation($i: RecordJointUpperReplyInput!) { recordJointUpperReply(input: $i) { case { " + CASE_FIELDS + " } } }";
    private static final String COMPLETE = "mutation($i: CompleteCaseInput!) { completeCase(input: $i) { case { status result } } }";
    private static final String READ = "query($id: ID!) { case(id: $id) { " + CASE_FIELDS + " } }";

    private static final String MARKET = "县市场监督管理局";
    private static final String HEALTH = "县卫生健康局";
    private static final String FIRE = "县消防救援大队";

    private static Map<String, Object> input(String caseId, long version, Object... more) {
        return Cases.staffAction(caseId, version, "综合受理窗口 3 号", more);
    }

    private static JsonNode ok(Api.Response r, String field) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get(field).get("case");
    }

    private static JsonNode refused(Api.Response r, String code, String rule) {
        assertThat(r.errors()).as(r.body().toString()).isNotNull();
        JsonNode e = r.errors().get(0);
        assertThat(e.at("/extensions/code").asString()).as(e.toString()).isEqualTo(code);
        if (rule != null) assertThat(e.at("/extensions/rule").asString()).as(e.toString()).isEqualTo(rule);
        return e;
    }

    private static Map<String, Object> dept(String name, boolean upper) {
        return Map.of("department", name, "upperApproval", upper);
    }

    private static JsonNode read(String token, String id) {
        Api.Response r = Api.graphql(token, READ, Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("case");
    }

    /** A submitted case of a promised item, accepted as a joint case with the given departments. */
    private static JsonNode acceptedJoint(JsonNode item, List<Map<String, Object>> departments) {
        String id = Cases.submitted(item).get("caseId").asString();
        return ok(Api.graphql(clerk(), ACCEPT, Map.of("i", input(id, 0, "jointDepartments", departments))), "acceptCase");
    }

    private static JsonNode review(JsonNode c, String department) {
        for (JsonNode r : c.get("jointReviews")) if (r.get("department").asString().equals(department)) return r;
        throw new AssertionError("no review of " + department + " in " + c);
    }

    private static String lastNote(JsonNode c) {
        JsonNode t = c.get("timeline");
        return t.get(t.size() - 1).get("note").asString();
    }

    @Test
    void oneAcceptanceNoticeNamesEveryDepartmentAndMaterial_C10() {
        JsonNode item = Cases.promisedItem();
        JsonNode c = acceptedJoint(item, List.of(dept(MARKET, false), dept(HEALTH, true)));
        String notice = lastNote(c);
        assertThat(notice).startsWith("受理通知书").contains(MARKET).contains(HEALTH + "（需报上级审批）");
        for (String m : Cases.materialNames(item)) assertThat(notice).contains(m);

        // each department's review has its own clock: started today, due before the lead's deadline
        LocalDate deadline = LocalDate.parse(c.at("/clock/deadline").asString());
        JsonNode market = review(c, MARKET);
        assertThat(market.get("state").asString()).isEqualTo("PENDING");
        assertThat(market.get("startedOn").asString()).isEqualTo(Cases.today().toString());
        assertThat(LocalDate.parse(market.get("due").asString())).isBefore(deadline);
        assertThat(market.get("escalateDue").isNull()).isTrue();
        JsonNode health = review(c, HEALTH);
        assertThat(health.get("upperApproval").asBoolean()).isTrue();
        assertThat(LocalDate.parse(health.get("escalateDue").asString()))
                .isEqualTo(Cases.expectedDeadline(Cases.today(), 7));
        // the applicant reads the same notice and the reviews of their case
        JsonNode mine = read(Cases.citizen(), c.get("id").asString());
        assertThat(mine.get("jointReviews").size()).isEqualTo(2);
        // the applicant's acceptance message is the same one notice
        assertThat(messages(c.get("id").asString()).toString()).contains(MARKET).contains(HEALTH);
    }

    @Test
    void jointCaseCompletesOnlyWhenEveryDepartmentHasAnswered_C10() {
        JsonNode c = acceptedJoint(Cases.promisedItem(), List.of(dept(MARKET, false), dept(FIRE, false)));
        String id = c.get("id").asString();
        String approver = Cases.approver();

        refused(Api.graphql(approver, COMPLETE, Map.of("i", input(id, c.get("version").asLong(), "approved", true))),
                "RULE_VIOLATION", "C10");
        JsonNode after = ok(Api.graphql(approver, ANSWER, Map.of("i", input(id, c.get("version").asLong(),
                "department", MARKET, "agreed", true, "opinion", "符合食品经营条件"))), "answerJointReview");
        assertThat(review(after, MARKET).get("state").asString()).isEqualTo("AGREED");
        assertThat(review(after, MARKET).get("answeredBy").asString()).isNotBlank();
        assertThat(after.get("timeline").findValuesAsString("action")).contains("JOINT_REVIEW_ANSWERED");
        // a second opinion of the same department, an unknown department, a refusal without reason: refused, nothing changes
        refused(Api.graphql(approver, ANSWER, Map.of("i", input(id, after.get("version").asLong(), "department", MARKET, "agreed", false,
                "opinion", "改变主意"))), "RULE_VIOLATION", "C10");
        refused(Api.graphql(approver, ANSWER, Map.of("i", input(id, after.get("version").asLong(), "department", "县教育局",
                "agreed", true))), "VALIDATION", null);
        refused(Api.graphql(approver, ANSWER, Map.of("i", input(id, after.get("version").asLong(), "department", FIRE,
                "agreed", false))), "VALIDATION", null);
        // a clerk is not the department's approver
        refused(Api.graphql(clerk(), ANSWER, Map.of("i", input(id, after.get("version").asLong(), "department", FIRE,
                "agreed", true))), "FORBIDDEN", null);
        // an answer on a stale version is a CONFLICT: two people never overwrite each other
        refused(Api.graphql(approver, ANSWER, Map.of("i", input(id, c.get("version").asLong(), "department", FIRE,
                "agreed", true))), "CONFLICT", null);

        JsonNode refusedBy = ok(Api.graphql(approver, ANSWER, Map.of("i", input(id, after.get("version").asLong(),
                "department", FIRE, "agreed", false, "opinion", "消防通道不符合要求"))), "answerJointReview");
        assertThat(read(clerk(), id).get("version").asLong()).isEqualTo(refusedBy.get("version").asLong());
        // a department refused: the lead cannot approve, only deny
        JsonNode e = refused(Api.graphql(approver, COMPLETE, Map.of("i", input(id, refusedBy.get("version").asLong(), "approved", true))),
                "RULE_VIOLATION", "C10");
        assertThat(e.get("message").asString()).contains(FIRE).contains("消防通道不符合要求");
        Api.Response denied = Api.graphql(approver, COMPLETE, Map.of("i", input(id, refusedBy.get("version").asLong(),
                "approved", false, "reason", "县消防救援大队审查不同意：消防通道不符合要求")));
        assertThat(denied.errors()).as(denied.body().toString()).isNull();
        assertThat(denied.data().at("/completeCase/case/result").asString()).isEqualTo("DENIED");
    }

    @Test
    void departmentWithoutAnOpinionByItsDueDateIsDeemedToAgree_C10() throws Exception {
        JsonNode c = acceptedJoint(Cases.promisedItem(), List.of(dept(MARKET, false), dept(HEALTH, true)));
        String id = c.get("id").asString();
        reviewsFellDue(id, review(c, MARKET).get("due").asString());

        long until = System.currentTimeMillis() + 60_000;
        JsonNode now = read(clerk(), id);
        while (System.currentTimeMillis() < until && review(now, MARKET).get("state").asString().equals("PENDING")) {
            Thread.sleep(1000);
            now = read(clerk(), id);
        }
        assertThat(review(now, MARKET).get("state").asString()).as(now.toString()).isEqualTo("DEEMED_AGREED");
        assertThat(review(now, MARKET).get("answeredBy").asString()).isEqualTo("系统（时限监察）");
        // a department waiting for its upper authority is never presumed to agree
        assertThat(review(now, HEALTH).get("state").asString()).isEqualTo("PENDING");
        assertThat(review(now, HEALTH).get("overdue").asBoolean()).isTrue();
        JsonNode deemed = null;
        for (JsonNode t : now.get("timeline")) if (t.get("action").asString().equals("JOINT_DEEMED_AGREED")) deemed = t;
        assertThat(deemed).as(now.toString()).isNotNull();
        assertThat(deemed.get("note").asString()).contains(MARKET).contains("视为同意").doesNotContain(HEALTH);
        assertThat(deemed.get("actionLabel").asString()).isEqualTo("联办部门视为同意");
    }

    @Test
    void upperReplyReachesTheApplicantAtOnce_C10() {
        JsonNode c = acceptedJoint(Cases.promisedItem(), List.of(dept(HEALTH, true)));
        String id = c.get("id").asString();
        // its opinion is the upper authority's: not answered directly, not replied before it went up
        refused(Api.graphql(Cases.approver(), ANSWER, Map.of("i", input(id, c.get("version").asLong(), "department", HEALTH,
                "agreed", true))), "RULE_VIOLATION", "C10");
        refused(Api.graphql(clerk(), REPLY, Map.of("i", input(id, c.get("version").asLong(), "department", HEALTH,
                "approved", true, "reply", "同意"))), "RULE_VIOLATION", "C10");

        JsonNode up = ok(Api.graphql(clerk(), ESCALATE, Map.of("i", input(id, c.get("version").asLong(), "department", HEALTH,
                "upperAuthority", "清远市卫生健康局"))), "escalateJointReview");
        assertThat(review(up, HEALTH).get("escalatedOn").asString()).isEqualTo(Cases.today().toString());
        assertThat(lastNote(up)).contains("清远市卫生健康局").doesNotContain("逾期");

        JsonNode replied = ok(Api.graphql(clerk(), REPLY, Map.of("i", input(id, up.get("version").asLong(), "department", HEALTH,
                "approved", true, "reply", "经审核，同意核发卫生许可"))), "recordJointUpperReply");
        JsonNode r = review(replied, HEALTH);
        assertThat(r.get("state").asString()).isEqualTo("AGREED");
        assertThat(r.get("upperApproved").asBoolean()).isTrue();
        assertThat(r.get("upperReplyOn").asString()).isEqualTo(Cases.today().toString());
        // told the same moment the reply is recorded (the rule allows one day)
        List<JsonNode> told = messages(id).stream().filter(m -> m.get("kind").asString().equals("UPPER_REPLY")).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("body").asString()).contains("清远市卫生健康局").contains("经审核，同意核发卫生许可");

        Api.Response done = Api.graphql(Cases.approver(), COMPLETE, Map.of("i", input(id, replied.get("version").asLong(), "approved", true)));
        assertThat(done.errors()).as(done.body().toString()).isNull();
        assertThat(done.data().at("/completeCase/case/status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void jointItemNeedsItsDepartmentsAndNoneTwice_C10() {
        JsonNode item = Cases.promisedItem();
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode e = refused(Api.graphql(clerk(), ACCEPT, Map.of("i", input(id, 0, "jointDepartments",
                List.of(dept(MARKET, false), dept(MARKET, true))))), "VALIDATION", null);
        assertThat(e.at("/extensions/field").asString()).isEqualTo("jointDepartments[1].department");
        // nothing changed: still submitted, no reviews
        JsonNode still = read(clerk(), id);
        assertThat(still.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(still.get("jointReviews").size()).isZero();
        // an instant item is finished on the spot: no joint review
        String instant = Cases.submitted(Cases.instantItem()).get("caseId").asString();
        refused(Api.graphql(clerk(), ACCEPT, Map.of("i", input(instant, 0, "jointDepartments", List.of(dept(MARKET, false))))),
                "RULE_VIOLATION", "C10");
        // another tenant's staff cannot act for a department of this case
        refused(Api.graphql(Tokens.staff("taishan.admin"), ANSWER, Map.of("i", input(id, 0, "department", MARKET, "agreed", true))),
                "FORBIDDEN", null);
    }

    /** The applicant's messages of a case (the in-app list; each also goes out as an SMS). */
    private static List<JsonNode> messages(String caseId) {
        Api.Response r = Api.graphql(Cases.citizen(), "{ myMessages(first: 100) { edges { node { caseId kind title body } } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode e : r.data().at("/myMessages/edges")) if (e.at("/node/caseId").asString().equals(caseId)) out.add(e.get("node"));
        return out;
    }

    /**
     * As if the reviews had fallen due long ago: their due date moves 30 days back, and the review timer
     * set at acceptance (renamed for that date, as an acceptance back then would have set it) is due now.
     */
    private static void reviewsFellDue(String caseId, String due) throws Exception {
        LocalDate past = Cases.today().minusDays(30);
        try (Connection db = CaseDb.connectAsOwner()) {
            db.setAutoCommit(false);
            try (var st = db.createStatement()) {
                CaseDb.bind(st, Cases.LIANSHAN);
            }
            try (PreparedStatement ps = db.prepareStatement("update case_joint_review set due = ? where case_id = ?")) {
                ps.setObject(1, past);
                ps.setObject(2, UUID.fromString(caseId.substring(caseId.indexOf(':') + 1)));
                assertThat(ps.executeUpdate()).isEqualTo(2);
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    update scheduled_tasks set task_instance = ?, execution_time = now() where task_name = 'case-timer' and task_instance = ?""")) {
                ps.setString(1, "JOINT|" + past + "|" + caseId);
                ps.setString(2, "JOINT|" + due + "|" + caseId);
                assertThat(ps.executeUpdate()).as("the review timer set at acceptance").isEqualTo(1);
            }
            db.commit();
        }
    }
}
