package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * "One thing" packages (G3, C10, ADR 0026) against the real platform: 连山's 出生一件事 browsed by life event
 * with one form and one set of materials; one submission files the five part cases in their departments,
 * each on its own clock; the package reads as one (combined timeline, DONE only when every part is, a refused
 * part named with its reason); a retry files nothing twice; other tenants and citizens are refused.
 */
@ExtendWith(PlatformUnderTest.class)
class PackageTest {

    private static final String LIANSHAN = "441825";

    static final String PACKAGES = """
            query($t: ID!, $e: LifeEvent) { servicePackages(tenantCode: $t, lifeEvent: $e) {
              id name lifeEvent lifeEventLabel reviewMode version
              items { itemId versionId name department promisedLimit { value unit } hasQuestionnaire }
              form { fields { key label typed askedFor type required } materials { name required usedBy }
                     measure { fieldsOneByOne fieldsInPackage uploadsOneByOne uploadsInPackage } } } }""";

    static final String SUBMIT = """
            mutation($input: SubmitPackageInput!) { submitPackage(input: $input) { receipt {
              packageCaseId packageName replayed parts { caseId caseNumber itemName materials { name } } } } }""";

    static final String PACKAGE_CASE = """
            query($id: ID!) { packageCase(id: $id) { id packageName reviewMode status statusLabel
              parts { caseId caseNumber itemName status result resultReason deadline daysLeft }
              refused { caseId itemName status reason }
              timeline { caseId itemName at action actionLabel note } } }""";

    static JsonNode birthPackage() {
        Api.Response r = Api.graphql(null, PACKAGES, Map.of("t", LIANSHAN, "e", "BIRTH"));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode p : r.data().path("servicePackages")) if (p.path("name").asString().equals("出生一件事")) return p;
        throw new AssertionError("连山 has no 出生一件事: " + r.body());
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(field.isEmpty() ? n.asString() : n.path(field).asString()));
        return out;
    }

    @Test
    void packageAsksEachSharedFieldOnce_G3() {
        JsonNode p = birthPackage();
        assertThat(p.path("lifeEventLabel").asString()).isEqualTo("出生");
        assertThat(texts(p.path("items"), "name")).containsExactly("出生医学证明办理", "生育登记", "出生登记",
                "城乡居民基本医疗保险参保登记", "社会保障卡申领");
        // the departments handle their own parts
        assertThat(new HashSet<>(texts(p.path("items"), "department"))).hasSizeGreaterThanOrEqualTo(4);
        // one form: every filing field once, serving all five items
        JsonNode fields = p.at("/form/fields");
        assertThat(texts(fields, "key")).doesNotHaveDuplicates().contains("applicant.name", "applicant.idNumber", "contact.phone");
        fields.forEach(f -> {
            if (f.path("type").isNull()) assertThat(f.path("askedFor").size()).as(f.toString()).isEqualTo(5);
        });
        // the items' own fields (ADR 0032): the newborn's name, declared alike by all five, asked once for all of them;
        // the sex (a choice) by the three that ask it
        Map<String, JsonNode> own = new HashMap<>();
        fields.forEach(f -> own.put(f.path("key").asString(), f));
        assertThat(texts(own.get("newbornName").path("askedFor"), "")).hasSize(5);
        assertThat(own.get("newbornName").path("type").asString()).isEqualTo("TEXT");
        assertThat(texts(own.get("newbornSex").path("askedFor"), "")).containsExactly("出生医学证明办理", "出生登记", "社会保障卡申领");
        assertThat(own.get("newbornSex").path("typed").asBoolean()).isFalse();
        // one set of materials: each once, the ID card serving every item that lists it
        JsonNode materials = p.at("/form/materials");
        assertThat(texts(materials, "name")).doesNotHaveDuplicates();
        JsonNode id = null;
        for (JsonNode m : materials) if (m.path("name").asString().equals("居民身份证")) id = m;
        assertThat(id).as("居民身份证 in " + materials).isNotNull();
        assertThat(id.path("usedBy").size()).isGreaterThanOrEqualTo(4);
        // the measure (goal: at least half fewer fields typed, each material uploaded once)
        JsonNode m = p.at("/form/measure");
        System.out.println("G3 measure 出生一件事 (连山): " + m);
        assertThat(m.path("fieldsInPackage").asInt() * 2).isLessThanOrEqualTo(m.path("fieldsOneByOne").asInt());
        assertThat(m.path("uploadsInPackage").asInt()).isEqualTo(materials.size()).isLessThan(m.path("uploadsOneByOne").asInt());
    }

    static Map<String, Object> filing(JsonNode p, String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", key);
        input.put("packageId", p.path("id").asString());
        input.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", Cases.ID_NUMBER));
        input.put("contact", Map.of("name", "张三", "phone", Cases.PHONE));
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String name : texts(p.at("/form/materials"), "name")) materials.add(Map.of("name", name, "copies", 1));
        input.put("materials", materials);
        // 医保 for a newborn: only the household register (G2 within the package)
        String insurance = p.at("/items/3/itemId").asString();
        input.put("guidanceAnswers", List.of(Map.of("itemId", insurance, "questionId", "who", "value", "NEWBORN")));
        return input;
    }

    static Api.Response submit(String token, Map<String, Object> input) {
        return Cases.submitGraphQl(token, SUBMIT, input, null);
    }

    /** A filing of the package by {@code token}'s citizen: its package case id. */
    static String submittedBy(String token, JsonNode p) {
        Api.Response r = submit(token, filing(p, UUID.randomUUID().toString()));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/submitPackage/receipt/packageCaseId").asString();
    }

    static JsonNode packageCase(String token, String id) {
        Api.Response r = Api.graphql(token, PACKAGE_CASE, Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path("packageCase");
    }

    private static JsonNode act(String token, String op, String inputType, Map<String, Object> input) {
        Api.Response r = Api.graphql(token, "mutation($input: " + inputType + "!) { " + op + "(input: $input) { case { id status version result clock { deadline } } } }",
                Map.of("input", input));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path(op).path("case");
    }

    @Test
    void packageCreatesPartCasesInParallel_G3() {
        JsonNode p = birthPackage();
        String key = UUID.randomUUID().toString();
        Api.Response filed = submit(Cases.citizen(), filing(p, key));
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        JsonNode receipt = filed.data().at("/submitPackage/receipt");
        JsonNode parts = receipt.path("parts");
        assertThat(texts(parts, "itemName")).containsExactlyElementsOf(texts(p.path("items"), "name"));
        assertThat(new HashSet<>(texts(parts, "caseNumber"))).hasSize(5);
        // each part took what its guide lists out of the one set; the newborn's insurance only the household register
        assertThat(texts(parts.get(3).path("materials"), "name")).containsExactly("居民户口簿");
        assertThat(texts(parts.get(4).path("materials"), "name")).contains("居民身份证").doesNotContain("结婚证");

        // one receipt notice to the applicant for the whole package, not one per part
        Api.Response messages = Api.graphql(Cases.citizen(), "{ myMessages(first: 50) { edges { node { caseId kind body } } } }", Map.of());
        assertThat(messages.errors()).as(messages.body().toString()).isNull();
        List<String> receipts = new ArrayList<>();
        for (JsonNode e : messages.data().at("/myMessages/edges")) {
            if (e.at("/node/kind").asString().equals("RECEIPT") && texts(parts, "caseId").contains(e.at("/node/caseId").asString())) {
                receipts.add(e.at("/node/body").asString());
            }
        }
        assertThat(receipts).hasSize(1);
        assertThat(receipts.getFirst()).contains("出生一件事", "5 个事项");

        // a retry with the same key files nothing twice
        Api.Response again = submit(Cases.citizen(), filing(p, key));
        assertThat(again.errors()).as(again.body().toString()).isNull();
        assertThat(again.data().at("/submitPackage/receipt/replayed").asBoolean()).isTrue();
        assertThat(texts(again.data().at("/submitPackage/receipt/parts"), "caseId")).isEqualTo(texts(parts, "caseId"));

        // the departments work in parallel, each part on its own clock: two parts accepted, each its own deadline
        String certificate = parts.get(0).path("caseId").asString();
        String household = parts.get(2).path("caseId").asString();
        JsonNode a = act(Cases.clerk(), "acceptCase", "AcceptCaseInput", Cases.staffAction(certificate, Cases.version(certificate), "综合受理窗口 3 号"));
        JsonNode b = act(Cases.clerk(), "acceptCase", "AcceptCaseInput", Cases.staffAction(household, Cases.version(household), "综合受理窗口 3 号"));
        int certificateDays = p.at("/items/0/promisedLimit/value").asInt();
        int householdDays = p.at("/items/2/promisedLimit/value").asInt();
        assertThat(a.at("/clock/deadline").asString()).isEqualTo(Cases.expectedDeadline(Cases.today(), certificateDays).toString());
        assertThat(b.at("/clock/deadline").asString()).isEqualTo(Cases.expectedDeadline(Cases.today(), householdDays).toString());

        // one view: every part, one combined timeline in time order, still in progress
        String id = receipt.path("packageCaseId").asString();
        JsonNode view = packageCase(Cases.citizen(), id);
        assertThat(view.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(view.path("reviewMode").asString()).isEqualTo("PACKAGE");
        assertThat(view.path("parts").size()).isEqualTo(5);
        JsonNode timeline = view.path("timeline");
        assertThat(texts(timeline, "action").stream().filter("SUBMITTED"::equals).count()).isEqualTo(5);
        assertThat(texts(timeline, "action").stream().filter("ACCEPTED"::equals).count()).isEqualTo(2);
        List<java.time.Instant> at = texts(timeline, "at").stream().map(java.time.Instant::parse).toList();
        assertThat(at).isSorted();
        assertThat(timeline.get(0).path("note").asString()).contains("出生一件事");
        // the clerk sees the same package
        assertThat(packageCase(Cases.clerk(), id).path("parts").size()).isEqualTo(5);
    }

    @Test
    void packageAcceptedAtOneWindow_G3() {
        JsonNode p = birthPackage();
        JsonNode receipt = submit(Cases.citizen(), filing(p, UUID.randomUUID().toString())).data().at("/submitPackage/receipt");
        String id = receipt.path("packageCaseId").asString();
        List<String> partIds = texts(receipt.path("parts"), "caseId");
        String accept = "mutation($input: AcceptPackageCaseInput!) { acceptPackageCase(input: $input) { packageCase { status "
                + "parts { caseId itemName status deadline } timeline { caseId action window } } } }";
        Api.Response r = Api.graphql(Cases.clerk(), accept, Map.of("input", Map.of("packageCaseId", id, "window", "综合受理窗口 1 号")));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode view = r.data().at("/acceptPackageCase/packageCase");
        // every part accepted in the one action, none left waiting; each on its own department's clock
        for (int i = 0; i < 5; i++) {
            JsonNode part = view.path("parts").get(i);
            assertThat(part.path("status").asString()).as(part.toString()).isIn("ACCEPTED", "COMPLETED");
            int days = p.at("/items/" + i + "/promisedLimit/value").asInt();
            if (part.path("status").asString().equals("ACCEPTED")) {
                assertThat(part.path("deadline").asString()).as(part.toString())
                        .isEqualTo(Cases.expectedDeadline(Cases.today(), days).toString());
            }
        }
        assertThat(texts(view.path("parts"), "deadline").stream().filter(d -> !d.equals("null")).distinct().count())
                .as("the departments' own clocks").isGreaterThanOrEqualTo(2);
        // all at the lead window
        List<String> acceptedAt = new ArrayList<>();
        for (JsonNode t : view.path("timeline")) if (t.path("action").asString().equals("ACCEPTED")) acceptedAt.add(t.path("window").asString());
        assertThat(acceptedAt).hasSize(5).containsOnly("综合受理窗口 1 号");
        // one acceptance notice for the package, listing every part
        Api.Response messages = Api.graphql(Cases.citizen(), "{ myMessages(first: 50) { edges { node { caseId kind body } } } }", Map.of());
        List<String> accepted = new ArrayList<>();
        for (JsonNode e : messages.data().at("/myMessages/edges")) {
            if (e.at("/node/kind").asString().equals("ACCEPTED") && partIds.contains(e.at("/node/caseId").asString())) {
                accepted.add(e.at("/node/body").asString());
            }
        }
        assertThat(accepted).hasSize(1);
        assertThat(accepted.getFirst()).contains("出生一件事", "一窗受理 5 个事项", "出生医学证明办理", "社会保障卡申领");
        // nothing left to accept: a second lead window is refused (C10) and changes nothing
        Api.Response again = Api.graphql(Cases.clerk(), accept, Map.of("input", Map.of("packageCaseId", id, "window", "综合受理窗口 2 号")));
        assertThat(again.errorCode()).as(again.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(again.errorRule()).isEqualTo("C10");
        // the applicant cannot accept their own package
        Api.Response citizen = Api.graphql(Cases.citizen(), accept, Map.of("input", Map.of("packageCaseId", id, "window", "综合受理窗口 1 号")));
        assertThat(citizen.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aRefusedPartSaysWhichAndWhyAndThePackageIsDoneOnlyWhenEveryPartIs_G3() {
        JsonNode p = birthPackage();
        JsonNode receipt = submit(Cases.citizen(), filing(p, UUID.randomUUID().toString())).data().at("/submitPackage/receipt");
        String id = receipt.path("packageCaseId").asString();
        List<String> parts = texts(receipt.path("parts"), "caseId");
        // four parts decided and approved: the package is not done while the fifth is open
        for (int i = 0; i < 4; i++) {
            String c = parts.get(i);
            JsonNode accepted = act(Cases.clerk(), "acceptCase", "AcceptCaseInput", Cases.staffAction(c, Cases.version(c), "综合受理窗口 3 号"));
            if (!accepted.path("status").asString().equals("COMPLETED")) { // an instant item completes at acceptance (C3)
                act(Cases.approver(), "completeCase", "CompleteCaseInput", Cases.staffAction(c, accepted.path("version").asLong(), "综合受理窗口 3 号",
                        "approved", true));
            }
        }
        assertThat(packageCase(Cases.citizen(), id).path("status").asString()).isEqualTo("IN_PROGRESS");
        // the fifth is refused: the package names it and why
        String last = parts.get(4);
        act(Cases.clerk(), "rejectCase", "RejectCaseInput", Cases.staffAction(last, Cases.version(last), "综合受理窗口 3 号",
                "reason", "申请人已持有有效社会保障卡", "competentBody", "连山县人力资源和社会保障局"));
        JsonNode view = packageCase(Cases.citizen(), id);
        assertThat(view.path("status").asString()).isEqualTo("PARTLY_REFUSED");
        assertThat(view.path("refused").size()).isEqualTo(1);
        assertThat(view.at("/refused/0/itemName").asString()).isEqualTo("社会保障卡申领");
        assertThat(view.at("/refused/0/reason").asString()).contains("已持有有效社会保障卡");
    }

    @Test
    void thePackageIsDoneWhenEveryPartIsDone_G3() {
        JsonNode p = birthPackage();
        JsonNode receipt = submit(Cases.citizen(), filing(p, UUID.randomUUID().toString())).data().at("/submitPackage/receipt");
        String id = receipt.path("packageCaseId").asString();
        for (String c : texts(receipt.path("parts"), "caseId")) {
            JsonNode accepted = act(Cases.clerk(), "acceptCase", "AcceptCaseInput", Cases.staffAction(c, Cases.version(c), "综合受理窗口 3 号"));
            if (!accepted.path("status").asString().equals("COMPLETED")) {
                act(Cases.approver(), "completeCase", "CompleteCaseInput", Cases.staffAction(c, accepted.path("version").asLong(), "综合受理窗口 3 号",
                        "approved", true));
            }
        }
        JsonNode view = packageCase(Cases.citizen(), id);
        assertThat(view.path("status").asString()).isEqualTo("DONE");
        assertThat(view.path("refused")).isEmpty();
    }

    /**
     * V3: a package offered for one overall review (出生一件事) opens one review for the citizen when its last part is
     * done — none while a part is still open, none per part — and reviewing any of its parts reviews the package, once.
     */
    @Test
    void packageIsReviewedOnceAsAWhole_V3() throws Exception {
        JsonNode p = birthPackage();
        assertThat(p.path("reviewMode").asString()).isEqualTo("PACKAGE");
        JsonNode receipt = submit(Cases.citizen(), filing(p, UUID.randomUUID().toString())).data().at("/submitPackage/receipt");
        List<String> parts = texts(receipt.path("parts"), "caseId");
        for (int i = 0; i < parts.size(); i++) {
            String c = parts.get(i);
            JsonNode accepted = act(Cases.clerk(), "acceptCase", "AcceptCaseInput", Cases.staffAction(c, Cases.version(c), "综合受理窗口 3 号"));
            if (!accepted.path("status").asString().equals("COMPLETED")) {
                act(Cases.approver(), "completeCase", "CompleteCaseInput", Cases.staffAction(c, accepted.path("version").asLong(), "综合受理窗口 3 号",
                        "approved", true));
            }
            if (i == 0) {
                // one part done, the package not: no review of the part on its own
                Api.Response early = review(parts.get(0));
                assertThat(early.errorCode()).as(early.body().toString()).isEqualTo("RULE_VIOLATION");
                assertThat(early.errorRule()).isEqualTo("V3");
            }
        }
        // every part done: one pending review, named after the package, and no other for its parts
        JsonNode pending = ReviewTest.awaitPending(n -> parts.contains(n.path("caseId").asString()));
        assertThat(pending.path("lineName").asString()).isEqualTo(p.path("name").asString() + "（一件事整体评价）");
        Thread.sleep(1500); // the other parts' completion events have been handled too by now
        assertThat(ReviewTest.pendingNodes(Cases.citizen()).stream().filter(n -> parts.contains(n.path("caseId").asString())).count())
                .as("pending reviews of the package's parts").isEqualTo(1);
        // reviewing through another part reviews the package; then no part can be reviewed again
        String other = parts.stream().filter(c -> !c.equals(pending.path("caseId").asString())).findFirst().orElseThrow();
        Api.Response first = review(other);
        assertThat(first.errors()).as(first.body().toString()).isNull();
        Api.Response again = review(pending.path("caseId").asString());
        assertThat(again.errorCode()).as(again.body().toString()).isNotNull();
        assertThat(ReviewTest.pendingNodes(Cases.citizen()).stream().filter(n -> parts.contains(n.path("caseId").asString())).count()).isZero();
    }

    private static Api.Response review(String caseId) {
        return Api.graphql(Cases.citizen(), "mutation($i: ReviewCaseInput!) { reviewCase(input: $i) { review { id level } } }",
                Map.of("i", Map.of("idempotencyKey", UUID.randomUUID().toString(), "caseId", caseId, "level", "VERY_SATISFIED")));
    }

    @Test
    void eachMaterialIsHandedInOnceAndAFailingPartChangesNothing_G3() {
        JsonNode p = birthPackage();
        Map<String, Object> twice = filing(p, UUID.randomUUID().toString());
        List<Object> materials = new ArrayList<>((List<?>) twice.get("materials"));
        materials.add(Map.of("name", "居民身份证", "copies", 1));
        twice.put("materials", materials);
        Api.Response r = submit(Cases.citizen(), twice);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("materials[" + (materials.size() - 1) + "].name");
        assertThat(r.errorRule()).isEqualTo("G3");
        // a part whose guidance is half answered: which part and which field, and no case of the package is filed
        Map<String, Object> half = filing(p, UUID.randomUUID().toString());
        String card = p.at("/items/4/itemId").asString();
        half.put("guidanceAnswers", List.of(Map.of("itemId", card, "questionId", "first", "value", "YES")));
        Api.Response partly = submit(Cases.citizen(), half);
        assertThat(partly.errorField()).as(partly.body().toString()).isEqualTo("parts[4].guidanceAnswers");
        assertThat(partly.errors().get(0).path("message").asString()).startsWith("“社会保障卡申领”");
    }

    @Test
    void packagesAreDefinedByTheTenantsAdministratorFromItsOwnItems_G3() {
        JsonNode p = birthPackage();
        List<String> items = texts(p.path("items"), "itemId");
        String define = "mutation($input: DefinePackageInput!) { definePackage(input: $input) { servicePackage { id name version items { name } form { measure { uploadsInPackage } } } } }";
        Map<String, Object> input = new HashMap<>(Map.of("tenantCode", LIANSHAN, "name", "新生儿医保社保一件事", "lifeEvent", "BIRTH",
                "itemIds", List.of(items.get(3), items.get(4))));
        // another tenant's administrator
        Api.Response other = Api.graphql(Tokens.staff("taishan.admin"), define, Map.of("input", input));
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("FORBIDDEN");
        // an item of another tenant
        Api.Response taishanItems = Api.graphql(null, "{ items(tenantCode: \"440781\", first: 1) { edges { node { id } } } }", Map.of());
        Map<String, Object> foreign = new HashMap<>(input);
        foreign.put("itemIds", List.of(items.get(3), taishanItems.data().at("/items/edges/0/node/id").asString()));
        Api.Response refused = Api.graphql(Tokens.staff("lianshan.admin"), define, Map.of("input", foreign));
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(refused.errorField()).isEqualTo("itemIds[1]");
        assertThat(refused.errorRule()).isEqualTo("G3");
        // one item is no package
        Map<String, Object> single = new HashMap<>(input);
        single.put("itemIds", List.of(items.get(3)));
        assertThat(Api.graphql(Tokens.staff("lianshan.admin"), define, Map.of("input", single)).errorRule()).isEqualTo("G3");
        // the administrator of 连山 defines it, then it is listed under 出生; the same name again is a conflict
        input.put("name", "新生儿医保社保一件事" + UUID.randomUUID().toString().substring(0, 6));
        Api.Response ok = Api.graphql(Tokens.staff("lianshan.admin"), define, Map.of("input", input));
        assertThat(ok.errors()).as(ok.body().toString()).isNull();
        assertThat(ok.data().at("/definePackage/servicePackage/version").asInt()).isEqualTo(1);
        Api.Response listed = Api.graphql(null, PACKAGES, Map.of("t", LIANSHAN, "e", "BIRTH"));
        assertThat(texts(listed.data().path("servicePackages"), "name")).contains((String) input.get("name"));
        assertThat(Api.graphql(Tokens.staff("lianshan.admin"), define, Map.of("input", input)).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void packagesAreFoundAndSuggestedWithTheGuides_G3() throws InterruptedException {
        String search = "query($text: String!) { searchGuides(text: $text, regionCode: \"441825\", first: 10) { edges { node { itemId name oneThing themes aliases } } } }";
        String suggest = "query($p: String!) { suggestGuides(prefix: $p, regionCode: \"441825\") { text itemId oneThing } }";
        String packageId = birthPackage().path("id").asString();
        long until = System.currentTimeMillis() + 60_000;
        JsonNode hit = null;
        while (hit == null && System.currentTimeMillis() < until) {
            Api.Response r = Api.graphql(null, search, Map.of("text", "出生一件事"));
            assertThat(r.errors()).as(r.body().toString()).isNull();
            for (JsonNode e : r.data().at("/searchGuides/edges")) if (e.at("/node/itemId").asString().equals(packageId)) hit = e.path("node");
            if (hit == null) Thread.sleep(500);
        }
        assertThat(hit).as("出生一件事 among the search results").isNotNull();
        assertThat(hit.path("oneThing").asBoolean()).isTrue();
        assertThat(texts(hit.path("themes"), "")).contains("一件事", "出生");
        assertThat(texts(hit.path("aliases"), "")).contains("生育登记", "社会保障卡申领");
        Api.Response s = Api.graphql(null, suggest, Map.of("p", "出生一"));
        assertThat(s.errors()).as(s.body().toString()).isNull();
        assertThat(texts(s.data().path("suggestGuides"), "itemId")).contains(packageId);
        // outside its county a package is not offered (it files cases with 连山's departments)
        Api.Response elsewhere = Api.graphql(null, search.replace("441825", "440781"), Map.of("text", "出生一件事"));
        assertThat(elsewhere.errors()).as(elsewhere.body().toString()).isNull();
        List<String> found = new ArrayList<>();
        elsewhere.data().at("/searchGuides/edges").forEach(e -> found.add(e.at("/node/itemId").asString()));
        assertThat(found).isNotEmpty().doesNotContain(packageId);
    }

    @Test
    void anotherCitizenOrTenantDoesNotSeeThePackageCase_T2() {
        JsonNode receipt = submit(Cases.citizen(), filing(birthPackage(), UUID.randomUUID().toString())).data().at("/submitPackage/receipt");
        String id = receipt.path("packageCaseId").asString();
        Api.Response li = Api.graphql(Cases.otherCitizen(), PACKAGE_CASE, Map.of("id", id));
        assertThat(li.data() == null || li.data().path("packageCase").isNull()).as(li.body().toString()).isTrue();
        assertThat(li.errorCode()).isEqualTo("NOT_FOUND");
        Api.Response taishan = Api.graphql(Tokens.staff("taishan.clerk"), PACKAGE_CASE, Map.of("id", id));
        assertThat(taishan.errorCode()).as(taishan.body().toString()).isEqualTo("FORBIDDEN");
    }
}
