package cn.zwy.system;

import static cn.zwy.system.Cases.act;
import static cn.zwy.system.Cases.clerk;
import static cn.zwy.system.Cases.citizen;
import static cn.zwy.system.Cases.get;
import static cn.zwy.system.Cases.ok;
import static cn.zwy.system.Cases.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Cases (办件) on case-service's REST with real Keycloak tokens: filing and its receipt (C1), the
 * acceptance decision (C2, C3), the clock (C4), extension (C6), the action record (C16), idempotent
 * filing and optimistic locking. Guides are 连山县's demo guides, reached through the event path.
 */
@ExtendWith(PlatformUnderTest.class)
class CaseFilingTest {

    private static String rule(Api.Response r) {
        return r.body().path("rule").asString(null);
    }

    private static String code(Api.Response r) {
        return r.body().path("code").asString(null);
    }

    @Test
    void submissionAnswersTheReceipt_C1() {
        JsonNode item = Cases.promisedItem();
        JsonNode receipt = Cases.submitted(item);
        LocalDate today = Cases.today();
        assertThat(receipt.get("caseNumber").asString()).matches("441825-" + today.getYear() + "-\\d{6}");
        assertThat(receipt.get("replayed").asBoolean()).isFalse();
        assertThat(receipt.get("guideVersion").asInt()).isEqualTo(item.path("current").path("number").asInt());
        List<String> received = new ArrayList<>();
        for (JsonNode m : receipt.get("materials")) received.add(m.get("name").asString());
        assertThat(received).containsExactlyElementsOf(Cases.materialNames(item));
        int limit = item.path("current").path("guide").path("promisedLimit").path("value").asInt();
        assertThat(LocalDate.parse(receipt.get("promisedCompletionDate").asString())).isEqualTo(Cases.expectedDeadline(today, limit));
        // T8: the hall's acceptance window and the centre's consulting phone
        assertThat(receipt.path("firstResponsible").path("name").asString()).isEqualTo("综合受理窗口（1—6号）");
        assertThat(receipt.path("firstResponsible").path("phone").asString()).isEqualTo("0763-6612345");

        JsonNode view = get(citizen(), receipt.get("caseId").asString());
        assertThat(view.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.get("applicantIdMasked").asString()).isEqualTo("1101**********002X");
        assertThat(view.get("contactPhoneMasked").asString()).isEqualTo("138****8000");
        assertThat(view.get("timeline")).hasSize(1);
        assertThat(view.get("timeline").get(0).get("action").asString()).isEqualTo("SUBMITTED");
        assertThat(view.get("nextStep").asString()).contains("等待窗口审查受理");
    }

    @Test
    void caseNumbersAreUniqueAndGaplessUnderConcurrency() throws Exception {
        JsonNode item = Cases.promisedItem();
        Cases.submitted(item); // the guide is there
        List<Callable<String>> filings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            filings.add(() -> {
                Api.Response r = Api.post(Cases.url("/api/cases"), citizen(), Cases.submission(item, UUID.randomUUID().toString()));
                assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
                return r.body().get("caseNumber").asString();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> numbers = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(filings)) numbers.add(Integer.parseInt(f.get().substring(12)));
        } finally {
            pool.shutdown();
        }
        assertThat(new HashSet<>(numbers)).hasSize(8);
        // no other test files in 441825 between these (the tests of a class run one at a time): consecutive
        assertThat(numbers.stream().mapToInt(Integer::intValue).max().getAsInt()
                - numbers.stream().mapToInt(Integer::intValue).min().getAsInt()).isEqualTo(7);
    }

    @Test
    void retriedSubmissionMakesOneCase() throws Exception {
        JsonNode item = Cases.promisedItem();
        Map<String, Object> body = Cases.submission(item, UUID.randomUUID().toString());
        JsonNode first = ok(Cases.submit(citizen(), body));
        JsonNode again = ok(Api.post(Cases.url("/api/cases"), citizen(), body));
        assertThat(again.get("caseId").asString()).isEqualTo(first.get("caseId").asString());
        assertThat(again.get("caseNumber").asString()).isEqualTo(first.get("caseNumber").asString());
        assertThat(again.get("replayed").asBoolean()).isTrue();

        // sent several times at once with a fresh key: one case
        Map<String, Object> burst = Cases.submission(item, UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<String> ids = new HashSet<>();
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) calls.add(() -> Api.post(Cases.url("/api/cases"), citizen(), burst));
            for (Future<Api.Response> f : pool.invokeAll(calls)) ids.add(ok(f.get()).get("caseId").asString());
        } finally {
            pool.shutdown();
        }
        assertThat(ids).hasSize(1);

        // the same key for another request is refused, not silently answered with the first case
        body.put("contact", Map.of("name", "李四", "phone", "13900139000"));
        Api.Response reused = Api.post(Cases.url("/api/cases"), citizen(), body);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().path("field").asString()).isEqualTo("idempotencyKey");
    }

    @Test
    void invalidIdNumberIsRefusedAndFilesNothing_M3() {
        JsonNode item = Cases.promisedItem();
        Cases.submitted(item);
        Map<String, Object> body = Cases.submission(item, UUID.randomUUID().toString());
        body.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "110105194912310021"));
        Api.Response r = Api.post(Cases.url("/api/cases"), citizen(), body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asString()).isEqualTo("applicant.idNumber");
        body.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", Cases.ID_NUMBER));
        body.put("materials", List.of(Map.of("name", "不在指南中的材料")));
        Api.Response m = Api.post(Cases.url("/api/cases"), citizen(), body);
        assertThat(m.status()).isEqualTo(400);
        assertThat(m.body().path("field").asString()).isEqualTo("materials[0].name");
    }

    /** An uploaded file becomes the case's that names it: not another citizen's case, nor a second case (M3). */
    @Test
    void uploadedMaterialBelongsToTheCaseThatNamesIt_M3() {
        JsonNode item = Cases.promisedItem();
        Cases.submitted(item);
        MaterialUploadTest.Answer upload = MaterialUploadTest.upload(citizen(), "身份证扫描件.pdf", "application/pdf", MaterialUploadTest.pdf());
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        Map<String, Object> body = Cases.submission(item, UUID.randomUUID().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> materials = new ArrayList<>((List<Map<String, Object>>) body.get("materials"));
        Map<String, Object> scanned = new java.util.HashMap<>(materials.getFirst());
        scanned.put("uploadId", upload.body().path("id").asString());
        materials.set(0, scanned);
        body.put("materials", materials);

        Api.Response other = Api.post(Cases.url("/api/cases"), Tokens.citizen("citizen.li"), body);
        assertThat(other.status()).as(other.body().toString()).isEqualTo(400);
        assertThat(other.body().path("field").asString()).isEqualTo("materials");

        JsonNode receipt = ok(Api.post(Cases.url("/api/cases"), citizen(), body));
        assertThat(receipt.path("caseNumber").asString()).isNotBlank();

        body.put("idempotencyKey", UUID.randomUUID().toString());
        Api.Response second = Api.post(Cases.url("/api/cases"), citizen(), body);
        assertThat(second.status()).as(second.body().toString()).isEqualTo(400);
        assertThat(second.body().path("field").asString()).isEqualTo("materials");
    }

    @Test
    void receivingPlaceOnlyWhereTheGuideAllows_C12() {
        // 连山县's demo guides may be filed anywhere in the province (全省通办), not in Henan
        JsonNode item = Cases.promisedItem();
        Cases.submitted(item);
        Map<String, Object> body = Cases.submission(item, UUID.randomUUID().toString());
        body.put("receivingTenantCode", "411521");
        Api.Response refused = Api.post(Cases.url("/api/cases"), citizen(), body);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(rule(refused)).isEqualTo("C12");
        body.put("receivingTenantCode", "440781");
        body.put("deliveryMode", "OWNER_TO_RECEIVING_HALL");
        JsonNode receipt = ok(Api.post(Cases.url("/api/cases"), citizen(), body));
        assertThat(get(citizen(), receipt.get("caseId").asString()).get("receivingTenantCode").asString()).isEqualTo("440781");
    }

    @Test
    void secondOneTimeNoticeInSameRoundIsRefused_C2() {
        JsonNode item = Cases.promisedItem();
        String id = Cases.submitted(item).get("caseId").asString();
        List<String> names = Cases.materialNames(item);
        Map<String, Object> notice = staff(0, "items", List.of(
                Map.of("material", names.get(0), "problem", "FAULTY", "howToFix", "复印件须与原件一致并签名"),
                Map.of("material", "户口簿首页复印件", "problem", "MISSING", "howToFix", "补交户口簿首页复印件一份")));
        JsonNode noticed = ok(act(clerk(), id, "one-time-notice", notice));
        assertThat(noticed.get("status").asString()).isEqualTo("CORRECTION_REQUIRED");
        assertThat(noticed.path("notice").path("items")).hasSize(2);
        assertThat(noticed.path("notice").path("round").asInt()).isEqualTo(1);

        Api.Response second = act(clerk(), id, "one-time-notice", staff(noticed.get("version").asLong(), "items",
                List.of(Map.of("material", names.get(0), "problem", "MISSING", "howToFix", "补交"))));
        assertThat(second.status()).isEqualTo(422);
        assertThat(rule(second)).isEqualTo("C2");
        // nor may it be accepted before the applicant corrects
        Api.Response early = act(clerk(), id, "accept", staff(noticed.get("version").asLong()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(rule(early)).isEqualTo("C2");

        JsonNode corrected = ok(act(citizen(), id, "correct", Map.of("materials", List.of(Map.of("name", names.get(0))))));
        assertThat(corrected.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(corrected.path("notice").path("answeredAt").isNull()).isFalse();
        // C4: counting restarts from the day the corrected materials arrived
        assertThat(corrected.path("clock").path("startedOn").asString()).isEqualTo(Cases.today().toString());
        JsonNode accepted = ok(act(clerk(), id, "accept", staff(corrected.get("version").asLong())));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void deadlineCountsFromAcceptanceDay_C4() {
        JsonNode item = Cases.promisedItem();
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode accepted = ok(act(clerk(), id, "accept", staff(0)));
        int limit = item.path("current").path("guide").path("promisedLimit").path("value").asInt();
        LocalDate today = Cases.today();
        JsonNode clock = accepted.get("clock");
        assertThat(clock.get("startedOn").asString()).isEqualTo(today.toString());
        assertThat(LocalDate.parse(clock.get("deadline").asString())).isEqualTo(Cases.expectedDeadline(today, limit));
        boolean workingToday = Cases.expectedDeadline(today, 1).equals(today);
        assertThat(clock.get("daysUsed").asInt()).isEqualTo(workingToday ? 1 : 0);
        assertThat(clock.get("daysLeft").asInt()).isEqualTo(limit - (workingToday ? 1 : 0));
        assertThat(clock.get("warning").asString()).isEqualTo("NONE");
        // the acceptance notice (C2) names the deadline; the clerk holds the case
        JsonNode last = accepted.get("timeline").get(accepted.get("timeline").size() - 1);
        assertThat(last.get("note").asString()).contains("受理通知书").contains(clock.get("deadline").asString());
        assertThat(last.get("window").asString()).isEqualTo("综合受理窗口 3 号");
        assertThat(last.get("actor").asString()).isEqualTo("覃丽华");
        assertThat(accepted.get("holder").asString()).contains("覃丽华");
    }

    /** The clock stops at the decision: a completed (and a delivered) case still shows the days it took and what was left. */
    @Test
    void completedCaseShowsTheDaysItTook_C4() {
        JsonNode item = Cases.promisedItem();
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode accepted = ok(act(clerk(), id, "accept", staff(0)));
        JsonNode running = accepted.get("clock");
        JsonNode done = ok(act(Cases.approver(), id, "complete", staff(accepted.get("version").asLong(), "approved", true)));
        JsonNode delivered = ok(act(clerk(), id, "deliver", staff(done.get("version").asLong())));
        for (JsonNode c : List.of(done, delivered, Cases.get(citizen(), id))) {
            JsonNode clock = c.get("clock");
            assertThat(clock.get("deadline").asString()).isEqualTo(running.get("deadline").asString());
            // completed the day it was accepted: as many days used and left as the running clock showed that day
            assertThat(clock.get("daysUsed").isNumber()).as(clock.toString()).isTrue();
            assertThat(clock.get("daysUsed").asInt()).isEqualTo(running.get("daysUsed").asInt());
            assertThat(clock.get("daysLeft").asInt()).isEqualTo(running.get("daysLeft").asInt());
            assertThat(clock.get("daysPaused").asInt()).isZero();
            assertThat(clock.get("warning").asString()).isEqualTo("NONE");
        }
    }

    @Test
    void instantItemCompletesAtAcceptance_C3() {
        JsonNode item = Cases.instantItem();
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode done = ok(act(clerk(), id, "accept", staff(0)));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asString()).isEqualTo("APPROVED");
        assertThat(done.get("timeline").findValuesAsString("action")).containsExactly("SUBMITTED", "ACCEPTED", "COMPLETED");
    }

    @Test
    void concurrentAcceptIsAConflict() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Api.Response>> both = List.of(
                    () -> act(clerk(), id, "accept", staff(0)),
                    () -> act(clerk(), id, "one-time-notice", staff(0, "items",
                            List.of(Map.of("material", "居民身份证", "problem", "MISSING", "howToFix", "补交")))));
            for (Future<Api.Response> f : pool.invokeAll(both)) statuses.add(f.get().status());
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        // and a stale version later is a conflict too, naming the field
        Api.Response stale = act(clerk(), id, "reject", staff(0, "reason", "不属于本机关职权范围", "competentBody", "市市场监督管理局"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("field").asString()).isEqualTo("version");
        assertThat(get(citizen(), id).get("timeline")).hasSize(2);
    }

    @Test
    void caseGoesFromSubmissionToDelivery() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        JsonNode a = ok(act(clerk(), id, "accept", staff(0)));
        // a clerk does not decide (back office, T5); a decision needs acceptance first
        assertThat(act(clerk(), id, "complete", staff(a.get("version").asLong(), "approved", true)).status()).isEqualTo(403);
        JsonNode c = ok(act(Cases.approver(), id, "complete", staff(a.get("version").asLong(), "approved", true, "reason", "材料齐全，符合条件")));
        assertThat(c.get("status").asString()).isEqualTo("COMPLETED");
        Api.Response again = act(Cases.approver(), id, "complete", staff(c.get("version").asLong(), "approved", false, "reason", "x"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(rule(again)).isEqualTo("C2");
        JsonNode d = ok(act(clerk(), id, "deliver", staff(c.get("version").asLong(), "note", "窗口领取")));
        assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(d.get("nextStep").asString()).contains("请确认收到");
        // the promise stays visible once the result is out: the applicant can see it was kept
        assertThat(d.at("/clock/deadline").asString()).isEqualTo(a.at("/clock/deadline").asString());
        JsonNode confirmed = ok(act(citizen(), id, "confirm-delivery", Map.of()));
        assertThat(confirmed.get("nextStep").asString()).contains("无需操作");
        assertThat(confirmed.get("timeline").findValuesAsString("action"))
                .containsExactly("SUBMITTED", "ACCEPTED", "COMPLETED", "DELIVERED", "DELIVERY_CONFIRMED");
        // withdrawing a delivered case is refused
        assertThat(act(citizen(), id, "withdraw", Map.of()).status()).isEqualTo(422);

        // my cases lists it
        Api.Response mine = Api.get(Cases.url("/api/cases/mine?first=100"), citizen());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("items").findValuesAsString("cursor")).isNotEmpty();
        assertThat(mine.body().get("items").findValues("node").stream().map(n -> n.get("id").asString())).contains(id);
    }

    @Test
    void rejectionNamesReasonAndCompetentBody_C2() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        Api.Response noBody = act(clerk(), id, "reject", staff(0, "reason", "不属于本机关职权范围"));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.body().path("field").asString()).isEqualTo("competentBody");
        JsonNode r = ok(act(clerk(), id, "reject", staff(0, "reason", "不属于本机关职权范围", "competentBody", "清远市市场监督管理局")));
        assertThat(r.get("status").asString()).isEqualTo("REJECTED");
        JsonNode last = r.get("timeline").get(r.get("timeline").size() - 1);
        assertThat(last.get("note").asString()).contains("不属于本机关职权范围").contains("清远市市场监督管理局");
        assertThat(act(clerk(), id, "accept", staff(r.get("version").asLong())).status()).isEqualTo(422);
    }

    @Test
    void extensionBeforeDeadlineApprovedByCentreAdmin_C6() {
        JsonNode item = Cases.promisedItem();
        String id = Cases.submitted(item).get("caseId").asString();
        JsonNode a = ok(act(clerk(), id, "accept", staff(0)));
        LocalDate deadline = LocalDate.parse(a.path("clock").path("deadline").asString());
        Api.Response noReason = act(clerk(), id, "extension", staff(a.get("version").asLong(), "days", 2));
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode asked = ok(act(clerk(), id, "extension", staff(a.get("version").asLong(), "days", 2, "reason", "需现场核查")));
        assertThat(asked.path("extension").path("state").asString()).isEqualTo("REQUESTED");
        Map<String, Object> decision = Map.of("version", asked.get("version").asLong(), "approved", true);
        assertThat(act(clerk(), id, "extension/decision", decision).status()).isEqualTo(403);
        JsonNode approved = ok(act(Cases.admin(), id, "extension/decision", decision));
        assertThat(approved.path("extension").path("state").asString()).isEqualTo("APPROVED");
        LocalDate extended = LocalDate.parse(approved.path("clock").path("deadline").asString());
        assertThat(extended).isAfter(deadline);
        int limit = item.path("current").path("guide").path("promisedLimit").path("value").asInt();
        assertThat(extended).isEqualTo(Cases.expectedDeadline(Cases.today(), limit + 2));
        // the applicant is told: the decision is on their timeline
        JsonNode seen = get(citizen(), id);
        assertThat(seen.get("timeline").findValuesAsString("note").getLast()).contains("已告知申请人").contains(extended.toString());
        // one extension per case
        Api.Response twice = act(clerk(), id, "extension", staff(approved.get("version").asLong(), "days", 1, "reason", "再延"));
        assertThat(rule(twice)).isEqualTo("C6");
    }

    @Test
    void citizenSeesOnlyOwnCasesAndStaffOnlyTheirTenant_T2() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        assertThat(Api.get(Cases.url("/api/cases/" + id), Cases.otherCitizen()).status()).isEqualTo(404);
        assertThat(act(Cases.otherCitizen(), id, "withdraw", Map.of()).status()).isEqualTo(404);
        String taishan = Tokens.staff("taishan.clerk");
        // another tenant's staff may read only a case received at their hall (C12): this one is not, so it is absent to them
        assertThat(Api.get(Cases.url("/api/cases/" + id), taishan).status()).isEqualTo(404);
        assertThat(act(taishan, id, "accept", staff(0)).status()).isEqualTo(403);
        assertThat(Api.get(Cases.url("/api/cases/inbox/441825"), taishan).status()).isEqualTo(403);
        // a citizen cannot act as staff, nor staff file as a citizen
        assertThat(act(citizen(), id, "accept", staff(0)).status()).isEqualTo(403);
        assertThat(Api.post(Cases.url("/api/cases"), clerk(), Map.of()).status()).isEqualTo(403);
        assertThat(Api.get(Cases.url("/api/cases/" + id), null).status()).isEqualTo(401);
        // the province's administrator reads, never acts
        String gd = Tokens.staff("gd.admin");
        assertThat(Api.get(Cases.url("/api/cases/" + id), gd).status()).isEqualTo(200);
        assertThat(act(gd, id, "accept", staff(0)).status()).isEqualTo(403);
        assertThat(get(citizen(), id).get("version").asLong()).isZero();
    }

    @Test
    void inboxSortsByDeadlineWithWarnings_C8() {
        String later = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        String sooner = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        ok(act(clerk(), sooner, "accept", staff(0)));
        Api.Response r = Api.get(Cases.url("/api/cases/inbox/441825?first=100"), clerk());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> ids = r.body().get("items").findValues("node").stream().map(n -> n.get("id").asString()).toList();
        assertThat(ids).contains(later, sooner);
        assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(later));
        List<String> deadlines = new ArrayList<>();
        for (JsonNode n : r.body().get("items").findValues("node")) {
            if (!n.get("deadline").isNull()) deadlines.add(n.get("deadline").asString());
            assertThat(n.get("warning").asString()).isIn("NONE", "NEAR_DEADLINE", "OVERDUE");
        }
        assertThat(deadlines).isSorted();
    }

    @Test
    void actionRecordCannotBeRewritten_C16() throws Exception {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        String db = System.getenv().getOrDefault("ZWY_CASE_DB", "zwy_test_case");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '441825', true), set_config('app.tenant_write', 'on', true)");
            assertThatThrownBy(() -> st.executeUpdate("update case_action set note = 'x'")).hasMessageContaining("permission denied");
            c.rollback();
        }
        // not even the schema's owner can wipe it (row-level security hides rows from its UPDATE and DELETE,
        // which have no policy; TRUNCATE is not row-level, the trigger refuses it)
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_owner", "zwy_owner_demo");
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> st.executeUpdate("truncate case_action")).hasMessageContaining("append-only");
            c.rollback();
        }
        assertThat(get(citizen(), id).get("timeline")).hasSize(1);
    }

    @Test
    void enterpriseApplicantNeedsAValidCreditCode_M3() {
        JsonNode item = Cases.promisedItem();
        Cases.submitted(item);
        Map<String, Object> body = Cases.submission(item, UUID.randomUUID().toString());
        body.put("applicant", Map.of("kind", "ENTERPRISE", "name", "连山县某某商贸有限公司", "idNumber", "91441825MA4W000001"));
        Api.Response bad = Api.post(Cases.url("/api/cases"), citizen(), body);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asString()).isEqualTo("applicant.idNumber");
        body.put("applicant", Map.of("kind", "ENTERPRISE", "name", "连山县某某商贸有限公司", "idNumber", "91441825MA4W000000"));
        JsonNode receipt = ok(Api.post(Cases.url("/api/cases"), citizen(), body));
        JsonNode view = get(clerk(), receipt.get("caseId").asString());
        assertThat(view.get("applicantKind").asString()).isEqualTo("ENTERPRISE");
        // a credit code is public record; the contact's phone stays masked
        assertThat(view.get("applicantIdMasked").asString()).isEqualTo("91441825MA4W000000");
        assertThat(view.get("contactPhoneMasked").asString()).isEqualTo("138****8000");
    }

    @Test
    void withdrawnCaseLeavesTheInbox() {
        String id = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        JsonNode w = ok(act(citizen(), id, "withdraw", Map.of("reason", "材料准备不全，改日再办")));
        assertThat(w.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(act(citizen(), id, "withdraw", Map.of()).status()).isEqualTo(422);
        assertThat(act(clerk(), id, "accept", staff(w.get("version").asLong())).status()).isEqualTo(422);
        Api.Response inbox = Api.get(Cases.url("/api/cases/inbox/441825?first=100"), clerk());
        assertThat(inbox.body().get("items").findValues("node").stream().map(n -> n.get("id").asString())).doesNotContain(id);
    }

    @Test
    void myCasesPageWithCursors() {
        JsonNode item = Cases.promisedItem();
        String older = Cases.submitted(item).get("caseId").asString();
        String newer = Cases.submitted(item).get("caseId").asString();
        JsonNode first = ok(Api.get(Cases.url("/api/cases/mine?first=1"), citizen()));
        assertThat(first.get("hasNextPage").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).path("node").path("id").asString()).isEqualTo(newer);
        String cursor = first.get("items").get(0).get("cursor").asString();
        JsonNode second = ok(Api.get(Cases.url("/api/cases/mine?first=1&after=" + cursor), citizen()));
        assertThat(second.get("items").get(0).path("node").path("id").asString()).isEqualTo(older);
        // another citizen's list does not hold them
        JsonNode others = ok(Api.get(Cases.url("/api/cases/mine?first=100"), Cases.otherCitizen()));
        assertThat(others.get("items").findValues("node").stream().map(n -> n.get("id").asString())).doesNotContain(older, newer);
        assertThat(Api.get(Cases.url("/api/cases/mine?first=101"), citizen()).status()).isEqualTo(400);
    }
}
