package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * 智能导办 (G1, ADR 0036) against the real platform at 连山: a guide walks 居民身份证换领 with the citizen (an expired card
 * renewed where it is registered: the police's 户政 windows, category GA, window 10 of the main hall) and issues the
 * ticket straight from the guidance; window 10 calls it and sees what the citizen comes for. A first social security
 * card without a photo is done at the kiosk: sent to the self-service area, not queued. An item no window of the hall
 * serves is refused, naming the hall whose windows do; only the hall's guides and front desk issue tickets for citizens.
 * The guide is lianshan.guide (role guide, the hall's 引导员).
 *
 * <p>G3 一窗受理 at the hall (ADR 0037): 出生一件事 walked as one package, the newborn registered elsewhere (出生登记 does
 * not apply), is ONE ticket at the comprehensive windows (A 综合受理); window 1 calls it and sees every applying part and
 * why 出生登记 is not among them. An incomplete walk, an item and a package together, a hall without a comprehensive window
 * and an approver are refused.
 */
@ExtendWith(PlatformUnderTest.class)
class GuidedTicketTest {

    private static final String LIANSHAN = "441825";
    private static final String TICKET = QueueTest.TICKET + " visit { itemId itemName outcome subItem materials answers { questionId question value label } }";
    private static final String TAKE = "mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { " + TICKET + " } } }";
    private static final String PACKAGE_TICKET = QueueTest.TICKET + " visit { itemId itemName outcome subItem materials packageId"
            + " parts { itemId itemName channel outcome subItem materials } skipped { itemId itemName reason }"
            + " answers { questionId question value label } }";
    private static final String TAKE_PACKAGE = "mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { " + PACKAGE_TICKET + " } } }";
    private static final String[] RENEWAL = {"reason", "EXPIRED", "place", "NO"};
    /** 出生一件事 for a newborn registered in the parents' home county elsewhere: 出生登记 does not apply (G2). */
    private static final String[] BORN_ELSEWHERE = {"order", "1", "married", "YES", "sameHousehold", "NO", "who", "NEWBORN", "first", "YES",
            "photo", "NO"};
    private static String hall;
    private static String card;

    @BeforeAll
    static void setUp() {
        hall = Bookings.mainHall(LIANSHAN);
        QueueTest.hall = hall;
        card = GuidanceTest.itemId("居民身份证换领");
    }

    private static List<Map<String, Object>> answers(String... pairs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) out.add(Map.of("questionId", pairs[i], "value", pairs[i + 1]));
        return out;
    }

    private static Map<String, Object> input(String key, String hallId, String itemId, String... pairs) {
        Map<String, Object> in = new HashMap<>();
        in.put("idempotencyKey", key);
        in.put("tenantCode", LIANSHAN);
        in.put("hallId", hallId);
        in.put("itemId", itemId);
        in.put("guidanceAnswers", answers(pairs));
        return in;
    }

    private static Api.Response take(String token, Map<String, Object> input) {
        return Api.graphql(token, TAKE, Map.of("i", input));
    }

    private static JsonNode taken(String token, Map<String, Object> input) {
        Api.Response r = take(token, input);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/takeTicket/ticket");
    }

    /** 连山's window 10 (公安窗口: GA 户政, CJ 出入境) of the main hall. */
    private static String windowTen() {
        Api.Response r = Api.graphql(Cases.admin(), "{ windows(tenantCode: \"441825\") { id number hallId } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode w : r.data().get("windows")) {
            if (w.get("number").asString().equals("10") && w.get("hallId").asString().equals(hall)) return w.get("id").asString();
        }
        throw new AssertionError("no window 10 in 连山's main hall");
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(field.isEmpty() ? n.asString() : n.path(field).asString()));
        return out;
    }

    @Test
    void ticketFromGuidanceGoesToTheWindowServingTheItem_G1() {
        String key = UUID.randomUUID().toString();
        // the guide names the item and the answers, not the category: the server takes the item's (GA 户政)
        JsonNode t = taken(Cases.guide(), input(key, hall, card, RENEWAL));
        assertThat(t.get("businessCategory").asString()).isEqualTo("GA");
        assertThat(t.get("number").asString()).matches("GA\\d{3,}");
        assertThat(t.get("kind").asString()).isEqualTo("WALK_IN");
        assertThat(t.get("status").asString()).isEqualTo("WAITING");
        assertThat(t.at("/visit/itemName").asString()).isEqualTo("居民身份证换领");
        // the same key again answers the same ticket (idempotent, A5)
        JsonNode again = taken(Cases.guide(), input(key, hall, card, RENEWAL));
        assertThat(again.get("id").asString()).isEqualTo(t.get("id").asString());
        assertThat(again.get("replayed").asBoolean()).isTrue();

        // a category that is not the item's is refused, saying which is
        Map<String, Object> wrong = input(UUID.randomUUID().toString(), hall, card, RENEWAL);
        wrong.put("businessCategory", "A");
        Api.Response refused = take(Cases.guide(), wrong);
        assertThat(refused.errorCode()).as(refused.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(refused.errorRule()).isEqualTo("G1");
        assertThat(refused.errorField()).isEqualTo("businessCategory");
        assertThat(refused.errors().get(0).get("message").asString()).contains("GA");

        // questions left unanswered: no ticket yet (G2)
        Api.Response open = take(Cases.guide(), input(UUID.randomUUID().toString(), hall, card, "reason", "EXPIRED"));
        assertThat(open.errorCode()).as(open.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(open.errorRule()).isEqualTo("G2");
    }

    @Test
    void hallWithoutAWindowServingTheItemSaysWhereToGo_G1() {
        // 连山's town centre (吉田镇便民服务中心) has no 户政 window: the citizen is sent to the main hall's window 10
        Api.Response halls = Api.graphql(null, "query($t: ID!) { halls(tenantCode: $t) { id name } }", Map.of("t", LIANSHAN));
        assertThat(halls.errors()).as(halls.body().toString()).isNull();
        String town = null;
        for (JsonNode h : halls.data().get("halls")) if (!h.get("id").asString().equals(hall)) town = h.get("id").asString();
        assertThat(town).as("a second hall of 连山").isNotNull();
        Api.Response r = take(Cases.guide(), input(UUID.randomUUID().toString(), town, card, RENEWAL));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorRule()).isEqualTo("G1");
        assertThat(r.errorField()).isEqualTo("itemId");
        assertThat(r.errors().get(0).get("message").asString()).contains("居民身份证换领", "GA", "10号窗口");
    }

    @Test
    void windowSeesWhatTheGuidedCitizenComesFor_G1() {
        JsonNode outcome = GuidanceTest.walked(card, RENEWAL).path("outcome");
        JsonNode t = taken(Cases.guide(), input(UUID.randomUUID().toString(), hall, card, RENEWAL));
        String id = t.get("id").asString();
        // the public ticket (its holder follows it by id) says what for and what to bring, not the answers
        JsonNode followed = QueueTest.ticket(id);
        Api.Response pub = Api.graphql(null, "query($id: ID!) { myTicket(id: $id) { " + TICKET + " } }", Map.of("id", id));
        assertThat(pub.errors()).as(pub.body().toString()).isNull();
        assertThat(followed.get("status").asString()).isEqualTo("WAITING");
        assertThat(pub.data().at("/myTicket/visit/itemName").asString()).isEqualTo("居民身份证换领");
        assertThat(pub.data().at("/myTicket/visit/answers").isNull()).as("answers only for staff").isTrue();

        // window 10 calls its tickets in order until it reaches this one (earlier GA/CJ tickets of the day first)
        String window = windowTen();
        JsonNode called = null;
        for (int i = 0; i < 200 && called == null; i++) {
            Api.Response r = Api.graphql(Cases.clerk(), "mutation($i: CallNextInput!) { callNext(input: $i) { ticket { " + TICKET + " } } }",
                    Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", window)));
            assertThat(r.errors()).as(r.body().toString()).isNull();
            JsonNode c = r.data().at("/callNext/ticket");
            assertThat(c.isNull()).as("window 10 ran out of tickets before " + t.get("number").asString()).isFalse();
            if (c.get("id").asString().equals(id)) called = c;
        }
        assertThat(called).isNotNull();
        JsonNode visit = called.get("visit");
        assertThat(visit.get("itemId").asString()).isEqualTo(card);
        assertThat(visit.get("itemName").asString()).isEqualTo("居民身份证换领");
        assertThat(visit.get("outcome").asString()).isEqualTo(outcome.get("title").asString());
        assertThat(visit.path("subItem").asString(null)).isEqualTo(outcome.path("subItem").asString(null));
        assertThat(texts(visit.get("materials"), "")).isNotEmpty().isEqualTo(texts(outcome.get("materials"), "name"));
        // the window sees the answered path: nothing is asked twice
        assertThat(texts(visit.get("answers"), "questionId")).containsExactly("reason", "place");
        assertThat(texts(visit.get("answers"), "label")).doesNotContainNull().allMatch(s -> !s.isBlank());
        // the window's staff read it again by id with the answers
        Api.Response staffRead = Api.graphql(Cases.clerk(), "query($id: ID!) { myTicket(id: $id) { " + TICKET + " } }", Map.of("id", id));
        assertThat(staffRead.data().at("/myTicket/visit/answers").size()).isEqualTo(2);
        Api.Response done = QueueTest.act("finishTicket", "FinishTicketInput", Map.of("ticketId", id));
        assertThat(done.errors()).as(done.body().toString()).isNull();
    }

    @Test
    void kioskOutcomeIsSentToSelfServiceNotQueued_G1() {
        String socialCard = GuidanceTest.itemId("社会保障卡申领");
        String key = UUID.randomUUID().toString();
        Api.Response r = take(Cases.guide(), input(key, hall, socialCard, "first", "YES", "photo", "NO"));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorRule()).isEqualTo("G1");
        assertThat(r.errorField()).isEqualTo("itemId");
        assertThat(r.errors().get(0).get("message").asString()).contains("自助服务区");
        // nothing was queued under the key: the same key is free for a ticket of another category
        JsonNode plain = taken(Cases.guide(), Map.of("idempotencyKey", key, "tenantCode", LIANSHAN, "hallId", hall, "businessCategory", "A"));
        assertThat(plain.get("replayed").asBoolean()).isFalse();
        assertThat(plain.get("visit").isNull()).isTrue();
    }

    @Test
    void onlyTheHallsGuidesIssueTicketsForCitizens_G1() {
        // an approver does not guide (FORBIDDEN, G1); another county's clerk does not act for 连山
        Api.Response approver = take(Cases.approver(), input(UUID.randomUUID().toString(), hall, card, RENEWAL));
        assertThat(approver.errorCode()).as(approver.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(approver.errorRule()).isEqualTo("G1");
        Api.Response other = take(Tokens.staff("taishan.clerk"), input(UUID.randomUUID().toString(), hall, card, RENEWAL));
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("FORBIDDEN");
        // the front desk and the centre administrator guide too; a citizen takes one for themselves from their own guidance
        assertThat(taken(Cases.clerk(), input(UUID.randomUUID().toString(), hall, card, RENEWAL)).get("businessCategory").asString())
                .isEqualTo("GA");
        assertThat(taken(Cases.admin(), input(UUID.randomUUID().toString(), hall, card, RENEWAL)).get("businessCategory").asString())
                .isEqualTo("GA");
        JsonNode own = taken(Cases.citizen(), input(UUID.randomUUID().toString(), hall, card, RENEWAL));
        assertThat(own.at("/visit/answers").size()).as("the citizen's own answers").isEqualTo(2);
        // an item of another tenant is not 连山's
        Api.Response foreign = take(Cases.guide(), input(UUID.randomUUID().toString(), hall, "440781:" + UUID.randomUUID(), RENEWAL));
        assertThat(foreign.errorCode()).as(foreign.body().toString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void guidedGreenChannelIsCalledBeforeWalkIns_A5() throws Exception {
        // window 10 serves 户政 (GA) and 出入境 (CJ), which only these tests queue: what waits there is called away first
        String w = windowTen();
        for (int i = 0; i < 200 && !QueueTest.callNext(Cases.clerk(), w).data().at("/callNext/ticket").isNull(); i++) {
            // drained
        }
        JsonNode walkIn = taken(Cases.guide(), input(UUID.randomUUID().toString(), hall, card, RENEWAL));
        Map<String, Object> g = input(UUID.randomUUID().toString(), hall, card, RENEWAL);
        g.put("greenChannel", true);
        JsonNode green = taken(Cases.guide(), g);
        assertThat(green.get("kind").asString()).isEqualTo("GREEN");
        JsonNode first = QueueTest.callNext(Cases.clerk(), w).data().at("/callNext/ticket");
        JsonNode second = QueueTest.callNext(Cases.clerk(), w).data().at("/callNext/ticket");
        assertThat(first.get("id").asString()).isEqualTo(green.get("id").asString());
        assertThat(second.get("id").asString()).isEqualTo(walkIn.get("id").asString());
    }

    private static Map<String, Object> packageInput(String key, String hallId, String packageId, String... pairs) {
        Map<String, Object> in = new HashMap<>();
        in.put("idempotencyKey", key);
        in.put("tenantCode", LIANSHAN);
        in.put("hallId", hallId);
        in.put("packageId", packageId);
        in.put("packageAnswers", answers(pairs));
        return in;
    }

    private static Api.Response takePackage(String token, Map<String, Object> input) {
        return Api.graphql(token, TAKE_PACKAGE, Map.of("i", input));
    }

    /** 连山's second hall, the town centre 吉田镇便民服务中心. */
    private static String townHall() {
        Api.Response halls = Api.graphql(null, "query($t: ID!) { halls(tenantCode: $t) { id name } }", Map.of("t", LIANSHAN));
        assertThat(halls.errors()).as(halls.body().toString()).isNull();
        for (JsonNode h : halls.data().get("halls")) if (!h.get("id").asString().equals(hall)) return h.get("id").asString();
        throw new AssertionError("no second hall of 连山");
    }

    @Test
    void packageTakesOneTicketAtTheComprehensiveWindow_G3() {
        JsonNode p = PackageTest.birthPackage();
        String packageId = p.get("id").asString();
        Map<String, String> situation = new java.util.LinkedHashMap<>();
        for (int i = 0; i < BORN_ELSEWHERE.length; i += 2) situation.put(BORN_ELSEWHERE[i], BORN_ELSEWHERE[i + 1]);
        JsonNode walk = PackageGuidanceTest.walk(packageId, situation);
        assertThat(walk.get("complete").asBoolean()).as(walk.toString()).isTrue();
        List<String> applying = new ArrayList<>();
        for (JsonNode part : walk.get("parts")) if (!part.get("name").asString().equals("出生登记")) applying.add(part.get("name").asString());

        // the guide issues ONE ticket for the whole package: the comprehensive windows' category (A 综合受理), green channel
        String key = UUID.randomUUID().toString();
        Map<String, Object> in = packageInput(key, hall, packageId, BORN_ELSEWHERE);
        in.put("greenChannel", true);
        Api.Response r = takePackage(Cases.guide(), in);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode t = r.data().at("/takeTicket/ticket");
        assertThat(t.get("businessCategory").asString()).isEqualTo("A");
        assertThat(t.get("number").asString()).matches("A\\d{3,}");
        assertThat(t.at("/visit/packageId").asString()).isEqualTo(packageId);
        assertThat(t.at("/visit/itemName").asString()).isEqualTo("出生一件事");
        assertThat(texts(t.at("/visit/parts"), "itemName")).containsExactlyElementsOf(applying).hasSize(4).doesNotContain("出生登记");
        assertThat(texts(t.at("/visit/skipped"), "itemName")).containsExactly("出生登记");
        assertThat(t.at("/visit/skipped/0/reason").asString()).contains("户籍");
        // the materials of every applying part, each once: the walk's tailored list
        assertThat(texts(t.at("/visit/materials"), "")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(texts(walk.get("materials"), "name"));
        // the same key again answers the same ticket; with another package or an item it is refused
        Api.Response again = takePackage(Cases.guide(), packageInput(key, hall, packageId, BORN_ELSEWHERE));
        assertThat(again.errors()).as(again.body().toString()).isNull();
        assertThat(again.data().at("/takeTicket/ticket/id").asString()).isEqualTo(t.get("id").asString());
        assertThat(again.data().at("/takeTicket/ticket/replayed").asBoolean()).isTrue();
        Api.Response asItem = take(Cases.guide(), input(key, hall, card, RENEWAL));
        assertThat(asItem.errorCode()).as(asItem.body().toString()).isEqualTo("CONFLICT");

        // the public ticket says what for, not the answers
        String id = t.get("id").asString();
        Api.Response pub = Api.graphql(null, "query($id: ID!) { myTicket(id: $id) { " + PACKAGE_TICKET + " } }", Map.of("id", id));
        assertThat(pub.errors()).as(pub.body().toString()).isNull();
        assertThat(pub.data().at("/myTicket/visit/parts").size()).isEqualTo(4);
        assertThat(pub.data().at("/myTicket/visit/answers").isNull()).as("answers only for staff").isTrue();

        // comprehensive window 1 calls until it reaches this ticket (green channel: before the walk-ins) and sees every part
        String window = QueueTest.windowOne();
        JsonNode called = null;
        for (int i = 0; i < 300 && called == null; i++) {
            Api.Response c = Api.graphql(Cases.clerk(), "mutation($i: CallNextInput!) { callNext(input: $i) { ticket { " + PACKAGE_TICKET + " } } }",
                    Map.of("i", Map.of("tenantCode", LIANSHAN, "windowId", window)));
            assertThat(c.errors()).as(c.body().toString()).isNull();
            JsonNode next = c.data().at("/callNext/ticket");
            assertThat(next.isNull()).as("window 1 ran out of tickets before " + t.get("number").asString()).isFalse();
            if (next.get("id").asString().equals(id)) called = next;
        }
        assertThat(called).isNotNull();
        JsonNode visit = called.get("visit");
        assertThat(texts(visit.get("parts"), "itemName")).containsExactlyElementsOf(applying);
        assertThat(texts(visit.get("skipped"), "itemName")).containsExactly("出生登记");
        for (JsonNode part : visit.get("parts")) {
            JsonNode walked = null;
            for (JsonNode w : walk.get("parts")) if (w.get("itemId").asString().equals(part.get("itemId").asString())) walked = w;
            assertThat(walked).isNotNull();
            assertThat(part.path("outcome").asString(null)).isEqualTo(walked.at("/outcome/title").asString(null));
            assertThat(part.path("subItem").asString(null)).isEqualTo(walked.at("/outcome/subItem").asString(null));
            if (walked.get("hasQuestionnaire").asBoolean()) {
                assertThat(part.get("channel").asString()).isEqualTo(walked.at("/outcome/channel").asString());
                assertThat(texts(part.get("materials"), "")).isEqualTo(texts(walked.at("/outcome/materials"), "name"));
            }
        }
        // the window sees the answered path under the walk's keys: nothing is asked twice
        assertThat(texts(visit.get("answers"), "questionId")).containsExactlyElementsOf(texts(walk.get("answered"), "key"));
        Api.Response done = QueueTest.act("finishTicket", "FinishTicketInput", Map.of("ticketId", id));
        assertThat(done.errors()).as(done.body().toString()).isNull();
    }

    @Test
    void packageTicketNeedsACompleteWalkOneSubjectAndAComprehensiveWindow_G3() {
        String packageId = PackageTest.birthPackage().get("id").asString();
        // questions left: no ticket yet (G2), naming what to answer next
        Api.Response open = takePackage(Cases.guide(), packageInput(UUID.randomUUID().toString(), hall, packageId, "order", "1"));
        assertThat(open.errorCode()).as(open.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(open.errorRule()).isEqualTo("G2");
        assertThat(open.errorField()).isEqualTo("packageAnswers");
        // an item and a package at once: one or the other
        Map<String, Object> both = packageInput(UUID.randomUUID().toString(), hall, packageId, BORN_ELSEWHERE);
        both.put("itemId", card);
        Api.Response twice = takePackage(Cases.guide(), both);
        assertThat(twice.errorCode()).as(twice.body().toString()).isEqualTo("VALIDATION");
        assertThat(twice.errorField()).isEqualTo("packageId");
        // a category that is not the comprehensive windows'
        Map<String, Object> police = packageInput(UUID.randomUUID().toString(), hall, packageId, BORN_ELSEWHERE);
        police.put("businessCategory", "GA");
        Api.Response wrong = takePackage(Cases.guide(), police);
        assertThat(wrong.errorCode()).as(wrong.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(wrong.errorRule()).isEqualTo("G3");
        assertThat(wrong.errorField()).isEqualTo("businessCategory");
        // the town centre has no comprehensive window: the citizen is sent to the main hall's
        String town = townHall();
        Api.Response windows = Api.graphql(Cases.admin(), "query($h: ID) { windows(tenantCode: \"441825\", hallId: $h) { kind } }", Map.of("h", town));
        assertThat(windows.errors()).as(windows.body().toString()).isNull();
        assertThat(texts(windows.data().get("windows"), "kind")).as("precondition: the town centre has no comprehensive window")
                .doesNotContain("COMPREHENSIVE");
        Api.Response elsewhere = takePackage(Cases.guide(), packageInput(UUID.randomUUID().toString(), town, packageId, BORN_ELSEWHERE));
        assertThat(elsewhere.errorCode()).as(elsewhere.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(elsewhere.errorRule()).isEqualTo("G3");
        assertThat(elsewhere.errorField()).isEqualTo("packageId");
        assertThat(elsewhere.errors().get(0).get("message").asString()).contains("综合受理窗口", "1号窗口");
        // an approver does not guide; a package of another county is not 连山's
        Api.Response approver = takePackage(Cases.approver(), packageInput(UUID.randomUUID().toString(), hall, packageId, BORN_ELSEWHERE));
        assertThat(approver.errorCode()).as(approver.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(approver.errorRule()).isEqualTo("G1");
        Api.Response foreign = takePackage(Cases.guide(), packageInput(UUID.randomUUID().toString(), hall, "440781:" + UUID.randomUUID(),
                BORN_ELSEWHERE));
        assertThat(foreign.errorCode()).as(foreign.body().toString()).isEqualTo("NOT_FOUND");
        // a citizen takes their own package ticket from their own walk, and sees their answers
        Api.Response own = takePackage(Cases.citizen(), packageInput(UUID.randomUUID().toString(), hall, packageId, BORN_ELSEWHERE));
        assertThat(own.errors()).as(own.body().toString()).isNull();
        assertThat(own.data().at("/takeTicket/ticket/visit/answers").size()).as("the citizen's own answers").isGreaterThan(0);
    }
}
