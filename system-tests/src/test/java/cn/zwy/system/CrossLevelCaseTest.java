package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Cross-level cases (跨层联办, C11, seed 003: 首接受理、通知相关、跟踪联办、负责到底) through the public GraphQL
 * endpoint, between a county and one of its towns onboarded as tenants of their own (揭西县 and its first
 * town, each with its administrator activated): the town accepts and sends the case up; the county finds
 * it in its inbox and replies; the town tracks the reply and answers the applicant by completing it — not
 * before the reply, and not approving what the county refused. A third tenant never reaches the case.
 */
@ExtendWith(PlatformUnderTest.class)
class CrossLevelCaseTest {

    private static final String COUNTY = "445222";
    private static String town;
    private static String countyAdmin;
    private static String townAdmin;

    private static final String ESCALATION = "escalation { upperTenantCode upperTenantName reason escalatedOn escalatedBy state approved reply repliedOn repliedBy }";
    private static final String FIELDS = "id version status result holder timeline { action actionLabel note place } " + ESCALATION;
    private static final String ACCEPT = "mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { " + FIELDS + " } } }";
    private static final String ESCALATE = "mutation($i: EscalateCaseInput!) { escalateCase(input: $i) { case { " + FIELDS + " } } }";
    private static final String REPLY = "mutation($i: ReplyToEscalationInput!) { replyToEscalation(input: $i) { case { " + FIELDS + " } } }";
    private static final String COMPLETE = "mutation($i: CompleteCaseInput!) { completeCase(input: $i) { case { " + FIELDS + " } } }";
    private static final String READ = "query($id: ID!) { case(id: $id) { " + FIELDS + " } }";

    @BeforeAll
    static void countyAndTown() {
        countyAdmin = AccountSecurityTest.activatedAdmin(COUNTY);
        Api.Response towns = Api.graphql(null, "query($p: ID!) { regions(parentCode: $p) { code level } }", Map.of("p", COUNTY));
        assertThat(towns.errors()).as(towns.body().toString()).isNull();
        town = towns.data().get("regions").get(0).get("code").asString();
        assertThat(town).hasSize(9).startsWith(COUNTY);
        townAdmin = AccountSecurityTest.activatedAdmin(town);
    }

    private static Map<String, Object> input(String caseId, long version, Object... more) {
        return Cases.staffAction(caseId, version, "便民服务中心综合窗口", more);
    }

    private static JsonNode ok(Api.Response r, String field) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get(field).get("case");
    }

    /** A promised item the town publishes (its province's demo catalog, published when it was onboarded). */
    private static JsonNode townItem() {
        return Cases.itemOf(town, n -> "PROMISED".equals(n.path("caseClass").asString(null)));
    }

    /** A case filed with the town and accepted by it. */
    private static JsonNode acceptedAtTown() {
        Api.Response filed = Cases.submit(Cases.citizen(), Cases.submission(townItem(), UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        String id = filed.body().get("caseId").asString();
        return ok(Api.graphql(townAdmin, ACCEPT, Map.of("i", input(id, 0))), "acceptCase");
    }

    /** Sends the case up, waiting (up to 30 s) for case-service to know the county from the event path. */
    private static Api.Response escalate(JsonNode c, String reason) throws InterruptedException {
        return escalate(townAdmin, c, reason);
    }

    private static Api.Response escalate(String by, JsonNode c, String reason) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            Api.Response r = Api.graphql(by, ESCALATE, Map.of("i", input(c.get("id").asString(), c.get("version").asLong(),
                    "reason", reason)));
            if (r.errors() == null || !"id".equals(r.errors().get(0).at("/extensions/field").asString(null))
                    || System.currentTimeMillis() > until) return r;
            Thread.sleep(500);
        }
    }

    @Test
    void townSendsTheCaseUpAndAnswersTheApplicantAfterTheCountyReplies_C11() throws Exception {
        JsonNode c = acceptedAtTown();
        String id = c.get("id").asString();
        JsonNode up = ok(escalate(c, "初审通过，涉及县级审批权限"), "escalateCase");
        assertThat(up.at("/escalation/upperTenantCode").asString()).isEqualTo(COUNTY);
        assertThat(up.at("/escalation/upperTenantName").asString()).isEqualTo("揭西县");
        assertThat(up.at("/escalation/state").asString()).isEqualTo("AWAITING_UPPER");
        assertThat(up.at("/escalation/escalatedOn").asString()).isEqualTo(Cases.today().toString());
        assertThat(up.get("status").asString()).isEqualTo("ACCEPTED");
        // sent up once only
        Api.Response again = Api.graphql(townAdmin, ESCALATE, Map.of("i", input(id, up.get("version").asLong(), "reason", "再报")));
        assertThat(again.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(again.errors().get(0).at("/extensions/rule").asString()).isEqualTo("C11");

        // the town answers the applicant only after the county's reply
        Api.Response early = Api.graphql(townAdmin, COMPLETE, Map.of("i", input(id, up.get("version").asLong(), "approved", true)));
        assertThat(early.errorCode()).as(early.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(early.errors().get(0).at("/extensions/rule").asString()).isEqualTo("C11");

        // the county finds it in its inbox and reads it under its own tenant
        JsonNode listed = CrossRegionCaseTest.inInbox(countyAdmin, COUNTY, "ESCALATED_TO_US", id);
        assertThat(listed).as("in the county's ESCALATED_TO_US inbox").isNotNull();
        assertThat(CrossRegionCaseTest.inInbox(countyAdmin, COUNTY, "OWN", id)).isNull();
        Api.Response seen = Api.graphql(countyAdmin, READ, Map.of("id", id));
        assertThat(seen.errors()).as(seen.body().toString()).isNull();
        assertThat(seen.data().at("/case/escalation/state").asString()).isEqualTo("AWAITING_UPPER");
        // the town's own records on the case stay the town's: the county reads none, and no error
        Api.Response parts = Api.graphql(countyAdmin, "query($id: ID!) { case(id: $id) { entrustment { agentName } jointReviews { department } } }",
                Map.of("id", id));
        assertThat(parts.errors()).as(parts.body().toString()).isNull();
        assertThat(parts.data().at("/case/entrustment").isNull()).isTrue();
        assertThat(parts.data().at("/case/jointReviews").size()).isZero();

        // nobody else replies: not the town itself, not a third tenant's approver
        for (String other : new String[] {townAdmin, Cases.approver()}) {
            Api.Response r = Api.graphql(other, REPLY, Map.of("i", input(id, up.get("version").asLong(), "approved", true, "reply", "同意")));
            assertThat(r.errorCode()).as(r.body().toString()).isIn("NOT_FOUND", "FORBIDDEN");
        }
        assertThat(CrossRegionCaseTest.inInbox(Cases.approver(), Cases.LIANSHAN, "ESCALATED_TO_US", id)).isNull();

        JsonNode replied = ok(Api.graphql(countyAdmin, REPLY, Map.of("i", input(id, up.get("version").asLong(),
                "approved", true, "reply", "经县级审核，同意办理"))), "replyToEscalation");
        assertThat(replied.at("/escalation/state").asString()).isEqualTo("ANSWERED");
        assertThat(replied.at("/escalation/approved").asBoolean()).isTrue();
        assertThat(replied.at("/escalation/repliedOn").asString()).isEqualTo(Cases.today().toString());
        JsonNode last = replied.get("timeline").get(replied.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("UPPER_LEVEL_REPLIED");
        assertThat(last.get("place").asString()).as("recorded at the county").isEqualTo(COUNTY);
        // replied once only
        Api.Response twice = Api.graphql(countyAdmin, REPLY, Map.of("i", input(id, replied.get("version").asLong(),
                "approved", false, "reply", "改变主意")));
        assertThat(twice.errorCode()).isEqualTo("RULE_VIOLATION");

        JsonNode done = ok(Api.graphql(townAdmin, COMPLETE, Map.of("i", input(id, replied.get("version").asLong(), "approved", true))),
                "completeCase");
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        // the applicant follows it all on their case
        Api.Response mine = Api.graphql(Cases.citizen(), READ, Map.of("id", id));
        assertThat(mine.errors()).as(mine.body().toString()).isNull();
        assertThat(mine.data().at("/case/escalation/reply").asString()).isEqualTo("经县级审核，同意办理");
        assertThat(mine.data().at("/case/timeline").findValuesAsString("action")).contains("ESCALATED_UP", "UPPER_LEVEL_REPLIED", "COMPLETED");
    }

    @Test
    void whatTheCountyRefusedTheTownCannotApprove_C11() throws Exception {
        JsonNode c = acceptedAtTown();
        String id = c.get("id").asString();
        JsonNode up = ok(escalate(c, "初审通过"), "escalateCase");
        JsonNode refused = ok(Api.graphql(countyAdmin, REPLY, Map.of("i", input(id, up.get("version").asLong(),
                "approved", false, "reply", "不符合县级规划要求"))), "replyToEscalation");
        Api.Response approve = Api.graphql(townAdmin, COMPLETE, Map.of("i", input(id, refused.get("version").asLong(), "approved", true)));
        assertThat(approve.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(approve.errors().get(0).get("message").asString()).contains("不符合县级规划要求");
        JsonNode denied = ok(Api.graphql(townAdmin, COMPLETE, Map.of("i", input(id, refused.get("version").asLong(),
                "approved", false, "reason", "县级审核不同意：不符合县级规划要求"))), "completeCase");
        assertThat(denied.get("result").asString()).isEqualTo("DENIED");
    }

    @Test
    void aCountyHasNoLevelAboveOnThePlatform_C11() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        JsonNode accepted = ok(Api.graphql(Cases.clerk(), ACCEPT, Map.of("i", input(id, 0))), "acceptCase");
        Api.Response r = Api.graphql(Cases.clerk(), ESCALATE, Map.of("i", input(id, accepted.get("version").asLong(), "reason", "需市级审批")));
        assertThat(r.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errors().get(0).at("/extensions/rule").asString()).isEqualTo("C11");
        assertThat(r.errors().get(0).get("message").asString()).contains("上级的办件系统");
        // nothing changed
        Api.Response after = Api.graphql(Cases.clerk(), READ, Map.of("id", id));
        assertThat(after.data().at("/case/version").asLong()).isEqualTo(accepted.get("version").asLong());
        assertThat(after.data().at("/case/escalation").isNull()).isTrue();
    }

    /**
     * T2 lets a city be its own tenant; then a county's case goes up to it (阳西县 → 阳江市). Both are onboarded
     * here (no other test uses 阳江), so 连山's "no level above" below stays true.
     */
    @Test
    void countySendsTheCaseUpToItsCityWhenTheCityIsATenant_C11() throws Exception {
        String county = "441721";
        String cityAdmin = AccountSecurityTest.activatedAdmin("4417");
        String yangxiAdmin = AccountSecurityTest.activatedAdmin(county);
        JsonNode item = Cases.itemOf(county, n -> "PROMISED".equals(n.path("caseClass").asString(null)));
        Api.Response filed = Cases.submit(Cases.citizen(), Cases.submission(item, UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        String id = filed.body().get("caseId").asString();
        JsonNode accepted = ok(Api.graphql(yangxiAdmin, ACCEPT, Map.of("i", Cases.staffAction(id, 0, "政务服务中心综合窗口"))), "acceptCase");

        JsonNode up = ok(escalate(yangxiAdmin, accepted, "涉及市级审批权限"), "escalateCase");
        assertThat(up.at("/escalation/upperTenantCode").asString()).isEqualTo("4417");
        assertThat(up.at("/escalation/upperTenantName").asString()).isEqualTo("阳江市");
        assertThat(CrossRegionCaseTest.inInbox(cityAdmin, "4417", "ESCALATED_TO_US", id)).as("in the city's inbox").isNotNull();
        JsonNode replied = ok(Api.graphql(cityAdmin, REPLY, Map.of("i", Cases.staffAction(id, up.get("version").asLong(), "市政务服务中心",
                "approved", true, "reply", "经市级审核，同意办理"))), "replyToEscalation");
        assertThat(replied.at("/escalation/state").asString()).isEqualTo("ANSWERED");
        JsonNode last = replied.get("timeline").get(replied.get("timeline").size() - 1);
        assertThat(last.get("place").asString()).as("recorded at the city").isEqualTo("4417");
        JsonNode done = ok(Api.graphql(yangxiAdmin, COMPLETE, Map.of("i", Cases.staffAction(id, replied.get("version").asLong(),
                "政务服务中心综合窗口", "approved", true))), "completeCase");
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
    }
}
