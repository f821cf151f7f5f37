package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Cases (办件) through the gateway's GraphQL with real Keycloak tokens, as the app and the staff
 * console use them: a case from submitCase to confirmDelivery, the one-time notice refused a second
 * time with its rule id (C2), another citizen's case invisible, another tenant's staff refused, and
 * optimistic locking (a stale version is a CONFLICT that changes nothing). case-service's REST is
 * covered by CaseFilingTest; this proves the public API on top of it.
 */
@ExtendWith(PlatformUnderTest.class)
class CaseGraphQlTest {

    private static final String WINDOW = "综合受理窗口 3 号";

    private static final String CASE_FIELDS = """
            id caseNumber tenantCode status statusLabel version holder nextStep result
            applicantIdMasked contactPhoneMasked
            clock { deadline daysLeft warning }
            notice { round items { material problem howToFix } answeredAt }
            timeline { seq action actor window status }""";

    private static final String SUBMIT = """
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { receipt {
              caseId caseNumber tenantCode itemName guideVersion promisedCompletionDate replayed
              materials { name copies uploaded } firstResponsible { name phone } } } }""";

    private static final String CASE = "query($id: ID!) { case(id: $id) { " + CASE_FIELDS + " } }";

    private static String staffMutation(String field, String inputType) {
        return "mutation($input: " + inputType + "!) { " + field + "(input: $input) { case { " + CASE_FIELDS + " } } }";
    }

    // ------------------------------------------------------------------ helpers

    /** Submits through GraphQL, waiting (up to 60 s) for case-service to have the guide from the event path. */
    private static Api.Response submit(String token, Map<String, Object> input) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            Api.Response r = Api.graphql(token, SUBMIT, Map.of("input", input));
            boolean guideNotThereYet = "NOT_FOUND".equals(r.errorCode()) && "itemId".equals(r.errorField());
            if (!guideNotThereYet || System.currentTimeMillis() > until) return r;
            sleep();
        }
    }

    private static JsonNode submitted(String token, JsonNode item) {
        Api.Response r = submit(token, Cases.submission(item, UUID.randomUUID().toString()));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path("submitCase").path("receipt");
    }

    private static JsonNode readCase(String token, String id) {
        Api.Response r = Api.graphql(token, CASE, Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("case");
    }

    private static Api.Response act(String token, String field, String inputType, Map<String, Object> input) {
        return Api.graphql(token, staffMutation(field, inputType), Map.of("input", input));
    }

    private static JsonNode done(Api.Response r, String field) {
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path(field).path("case");
    }

    /** Every case id of the tenant's inbox, page by page (other tests leave many open cases behind). */
    private static List<String> inboxIds(String token, String tenant) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> vars = new java.util.HashMap<>(Map.of("t", tenant));
            if (after != null) vars.put("after", after);
            Api.Response inbox = Api.graphql(token, "query($t: ID!, $after: String) { caseInbox(tenantCode: $t, first: 100, after: $after) "
                    + "{ edges { node { id } } pageInfo { hasNextPage endCursor } } }", vars);
            assertThat(inbox.errors()).as(inbox.body().toString()).isNull();
            JsonNode conn = inbox.data().path("caseInbox");
            for (JsonNode e : conn.path("edges")) ids.add(e.path("node").path("id").asString());
            if (!conn.path("pageInfo").path("hasNextPage").asBoolean()) break;
            after = conn.path("pageInfo").path("endCursor").asString();
        }
        return ids;
    }

    private static Map<String, Object> staffInput(String caseId, long version, Object... more) {
        return Cases.staffAction(caseId, version, WINDOW, more);
    }

    private static String rule(Api.Response r) {
        return r.errors().get(0).path("extensions").path("rule").asString(null);
    }

    private static List<String> actions(JsonNode view) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : view.get("timeline")) out.add(t.get("action").asString());
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aCaseGoesFromSubmissionToConfirmedDelivery_C1_C2() {
        JsonNode item = Cases.promisedItem();
        String citizen = Cases.citizen();
        JsonNode receipt = submitted(citizen, item);
        String id = receipt.get("caseId").asString();
        assertThat(receipt.get("caseNumber").asString()).matches("441825-" + Cases.today().getYear() + "-\\d{6}");
        assertThat(receipt.get("tenantCode").asString()).isEqualTo(Cases.LIANSHAN);
        assertThat(receipt.get("replayed").asBoolean()).isFalse();
        int limit = item.path("current").path("guide").path("promisedLimit").path("value").asInt();
        assertThat(receipt.get("promisedCompletionDate").asString()).isEqualTo(Cases.expectedDeadline(Cases.today(), limit).toString());
        assertThat(receipt.path("firstResponsible").path("phone").asString()).isEqualTo("0763-6612345");
        List<String> received = new ArrayList<>();
        for (JsonNode m : receipt.get("materials")) received.add(m.get("name").asString());
        assertThat(received).containsExactlyElementsOf(Cases.materialNames(item));

        // the citizen sees it among their cases and in full, personal data masked (M3)
        Api.Response mine = Api.graphql(citizen, "{ myCases(first: 20) { edges { node { id status } } pageInfo { hasNextPage } totalCount } }", Map.of());
        assertThat(mine.errors()).as(mine.body().toString()).isNull();
        List<String> myIds = new ArrayList<>();
        for (JsonNode e : mine.data().path("myCases").path("edges")) myIds.add(e.path("node").path("id").asString());
        assertThat(myIds).contains(id);
        JsonNode filed = readCase(citizen, id);
        assertThat(filed.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(filed.get("applicantIdMasked").asString()).isEqualTo("1101**********002X");
        assertThat(filed.get("contactPhoneMasked").asString()).isEqualTo("138****8000");

        // the clerk finds it in the inbox and accepts it (C2): the acceptance fixes the deadline
        // cases not yet accepted come after every accepted one, oldest first: the new case is on the inbox's last page
        assertThat(inboxIds(Cases.clerk(), "441825")).contains(id);
        JsonNode accepted = done(act(Cases.clerk(), "acceptCase", "AcceptCaseInput", staffInput(id, filed.get("version").asLong())), "acceptCase");
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("clock").path("deadline").asString()).isEqualTo(Cases.expectedDeadline(Cases.today(), limit).toString());

        // the approver decides, the clerk delivers, the citizen confirms
        JsonNode completed = done(act(Cases.approver(), "completeCase", "CompleteCaseInput",
                staffInput(id, accepted.get("version").asLong(), "approved", true)), "completeCase");
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("result").asString()).isEqualTo("APPROVED");
        JsonNode delivered = done(act(Cases.clerk(), "deliverCase", "DeliverCaseInput",
                staffInput(id, completed.get("version").asLong(), "note", "窗口当面交付")), "deliverCase");
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        JsonNode confirmed = done(Api.graphql(citizen, staffMutation("confirmDelivery", "ConfirmDeliveryInput"),
                Map.of("input", Map.of("caseId", id))), "confirmDelivery");
        assertThat(confirmed.get("status").asString()).isEqualTo("DELIVERED");

        // every step is on the record (C16), staff by name and window
        JsonNode last = readCase(citizen, id);
        assertThat(actions(last)).containsExactly("SUBMITTED", "ACCEPTED", "COMPLETED", "DELIVERED", "DELIVERY_CONFIRMED");
        assertThat(last.get("timeline").get(1).get("window").asString()).isEqualTo(WINDOW);
    }

    @Test
    void aRetriedSubmissionAnswersTheSameReceipt_C1() {
        JsonNode item = Cases.promisedItem();
        Map<String, Object> input = Cases.submission(item, UUID.randomUUID().toString());
        Api.Response first = submit(Cases.citizen(), input);
        assertThat(first.errors()).as(first.body().toString()).isNull();
        Api.Response again = submit(Cases.citizen(), input);
        assertThat(again.errors()).as(again.body().toString()).isNull();
        assertThat(again.data().at("/submitCase/receipt/caseId").asString()).isEqualTo(first.data().at("/submitCase/receipt/caseId").asString());
        assertThat(again.data().at("/submitCase/receipt/replayed").asBoolean()).isTrue();
    }

    @Test
    void secondOneTimeNoticeIsRefusedWithRuleId_C2() {
        JsonNode item = Cases.promisedItem();
        List<String> names = Cases.materialNames(item);
        String id = submitted(Cases.citizen(), item).get("caseId").asString();
        long version = readCase(Cases.clerk(), id).get("version").asLong();

        List<Map<String, Object>> items = new ArrayList<>();
        for (String n : names) items.add(Map.of("material", n, "problem", "FAULTY", "howToFix", "请提供清晰的复印件"));
        JsonNode noticed = done(act(Cases.clerk(), "issueOneTimeNotice", "IssueOneTimeNoticeInput", staffInput(id, version, "items", items)),
                "issueOneTimeNotice");
        assertThat(noticed.get("status").asString()).isEqualTo("CORRECTION_REQUIRED");
        assertThat(noticed.path("notice").path("round").asInt()).isEqualTo(1);
        assertThat(noticed.path("notice").path("items")).hasSize(names.size());

        Api.Response second = act(Cases.clerk(), "issueOneTimeNotice", "IssueOneTimeNoticeInput",
                staffInput(id, noticed.get("version").asLong(), "items", List.of(Map.of("material", names.get(0), "problem", "MISSING", "howToFix", "补交"))));
        assertThat(second.errorCode()).as(second.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(rule(second)).isEqualTo("C2");
        assertThat(readCase(Cases.clerk(), id).path("notice").path("items")).hasSize(names.size());

        // the applicant corrects: the notice is answered and the case waits for acceptance again
        List<Map<String, Object>> corrected = new ArrayList<>();
        for (String n : names) corrected.add(Map.of("name", n, "copies", 1));
        JsonNode answered = done(Api.graphql(Cases.citizen(), staffMutation("correctCase", "CorrectCaseInput"),
                Map.of("input", Map.of("caseId", id, "materials", corrected))), "correctCase");
        assertThat(answered.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(answered.path("notice").path("answeredAt").isNull()).isFalse();
    }

    @Test
    void anotherCitizensCaseIsInvisible() {
        String id = submitted(Cases.citizen(), Cases.promisedItem()).get("caseId").asString();
        String li = Cases.otherCitizen();

        Api.Response read = Api.graphql(li, CASE, Map.of("id", id));
        assertThat(read.errors()).as(read.body().toString()).isNull();
        assertThat(read.data().get("case").isNull()).as(read.body().toString()).isTrue();
        Api.Response mine = Api.graphql(li, "{ myCases(first: 100) { edges { node { id } } } }", Map.of());
        assertThat(mine.errors()).as(mine.body().toString()).isNull();
        assertThat(mine.data().path("myCases").path("edges").findValuesAsString("id")).doesNotContain(id);

        Api.Response withdraw = Api.graphql(li, staffMutation("withdrawCase", "WithdrawCaseInput"),
                Map.of("input", Map.of("caseId", id, "reason", "不是我的")));
        assertThat(withdraw.errorCode()).as(withdraw.body().toString()).isEqualTo("NOT_FOUND");
        // nor may a citizen act as staff on it
        Api.Response accept = act(li, "acceptCase", "AcceptCaseInput", staffInput(id, 0));
        assertThat(accept.errorCode()).as(accept.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(readCase(Cases.citizen(), id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void anotherTenantsStaffNeitherReadsNorActs_T2() {
        String id = submitted(Cases.citizen(), Cases.promisedItem()).get("caseId").asString();
        String taishan = Tokens.staff("taishan.clerk");
        long version = readCase(Cases.clerk(), id).get("version").asLong();

        // another tenant's staff read only a case received at their hall (C12): this one is absent to them
        Api.Response read = Api.graphql(taishan, CASE, Map.of("id", id));
        assertThat(read.errors()).as(read.body().toString()).isNull();
        assertThat(read.data().get("case").isNull()).as(read.body().toString()).isTrue();
        Api.Response inbox = Api.graphql(taishan, "{ caseInbox(tenantCode: \"441825\") { edges { node { id } } } }", Map.of());
        assertThat(inbox.errorCode()).as(inbox.body().toString()).isEqualTo("FORBIDDEN");
        Api.Response accept = act(taishan, "acceptCase", "AcceptCaseInput", staffInput(id, version));
        assertThat(accept.errorCode()).as(accept.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(readCase(Cases.clerk(), id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void staleVersionIsAConflict() {
        String id = submitted(Cases.citizen(), Cases.promisedItem()).get("caseId").asString();
        long seen = readCase(Cases.clerk(), id).get("version").asLong();
        // the administrator accepts first; the clerk's refusal, decided on the same version, must not overwrite it
        JsonNode accepted = done(act(Cases.admin(), "acceptCase", "AcceptCaseInput", staffInput(id, seen)), "acceptCase");
        Api.Response stale = act(Cases.clerk(), "rejectCase", "RejectCaseInput",
                staffInput(id, seen, "reason", "不属于本中心受理范围", "competentBody", "清远市市场监督管理局"));
        assertThat(stale.errorCode()).as(stale.body().toString()).isEqualTo("CONFLICT");
        JsonNode now = readCase(Cases.clerk(), id);
        assertThat(now.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(now.get("version").asLong()).isEqualTo(accepted.get("version").asLong());
        assertThat(actions(now)).containsExactly("SUBMITTED", "ACCEPTED");
    }

    @Test
    void malformedCaseIdIsRefusedOnItsFieldBeforeAnyCall() {
        Api.Response r = act(Cases.clerk(), "acceptCase", "AcceptCaseInput", staffInput("441825:../../admin", 0));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("caseId");
    }
}
