package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A7 (上门/急办) through the gateway: home visits for the elderly and disabled and urgent handling on a holiday are
 * recorded like bookings (idempotent, one open request per person and item), scheduled by the tenant's staff with
 * a time and the staff member who comes, seen by the citizen; bad input gets a specific error and changes nothing.
 */
@ExtendWith(PlatformUnderTest.class)
class SpecialServiceTest {

    private static final String LIANSHAN = "441825";
    private static final String REQUEST = "id tenantCode kind reason status itemId itemName personName personIdMasked address contactPhoneMasked "
            + "preferredDate preferredDateWorking note scheduledAt staffName staffPhone scheduledBy declineReason replayed";

    static Api.Response ask(String token, Map<String, Object> input) {
        return Api.graphql(token, "mutation($i: RequestSpecialServiceInput!) { requestSpecialService(input: $i) { request { " + REQUEST + " } } }",
                Map.of("i", input));
    }

    static Api.Response schedule(String token, String id, Instant at, String staff) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("requestId", id);
        in.put("scheduledAt", at.toString());
        in.put("staffName", staff);
        in.put("staffPhone", "0763-6612345");
        return Api.graphql(token, "mutation($i: ScheduleSpecialServiceInput!) { scheduleSpecialService(input: $i) { request { " + REQUEST + " } } }",
                Map.of("i", in));
    }

    static JsonNode staffList(String token, String tenant, String status) {
        Api.Response r = Api.graphql(token, "query($t: ID!, $s: SpecialServiceStatus) { specialServiceRequests(tenantCode: $t, status: $s, first: 100) "
                + "{ edges { node { id status kind } } } }", status == null ? Map.of("t", tenant) : Map.of("t", tenant, "s", status));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("specialServiceRequests").get("edges");
    }

    static JsonNode mine(String token) {
        Api.Response r = Api.graphql(token, "{ mySpecialServiceRequests(first: 100) { edges { node { " + REQUEST + " } } } }", Map.of());
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("mySpecialServiceRequests").get("edges");
    }

    private static JsonNode find(JsonNode edges, String id) {
        for (JsonNode e : edges) if (e.get("node").get("id").asString().equals(id)) return e.get("node");
        return null;
    }

    /** The citizen's message of the kind (any kind when null) about the request, or null when there is none. */
    private static JsonNode message(String token, String requestId, String kind) {
        Api.Response m = Api.graphql(token, "{ myMessages(first: 50) { edges { node { kind title body caseId appointmentId specialServiceId } } } }",
                Map.of());
        assertThat(m.errors()).as(m.body().toString()).isNull();
        for (JsonNode e : m.data().get("myMessages").get("edges")) {
            JsonNode node = e.get("node");
            if (requestId.equals(node.get("specialServiceId").asString()) && (kind == null || kind.equals(node.get("kind").asString()))) return node;
        }
        return null;
    }

    /** The masked phone the SMS of the request's message went to, once the SMS port has sent it (waits up to 30 s). */
    private static String sms(String requestId, String kind) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        String[] sms = Bookings.smsAbout(LIANSHAN, Bookings.Subject.SPECIAL_SERVICE, requestId, kind);
        while ((sms == null || sms[1] == null) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            sms = Bookings.smsAbout(LIANSHAN, Bookings.Subject.SPECIAL_SERVICE, requestId, kind);
        }
        return sms == null || sms[1] == null ? null : sms[0];
    }

    private static Map<String, Object> input(String item, String kind, String reason, LocalDate day, Object... more) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("idempotencyKey", UUID.randomUUID().toString());
        in.put("itemId", item);
        in.put("kind", kind);
        in.put("reason", reason);
        in.put("contactPhone", "13912340000");
        in.put("preferredDate", day.toString());
        for (int i = 0; i < more.length; i += 2) in.put((String) more[i], more[i + 1]);
        return in;
    }

    private static boolean working(LocalDate day) {
        Api.Response r = Api.graphql(null, "query($t: ID!, $d: Date!) { workingDay(tenantCode: $t, date: $d) { working } }",
                Map.of("t", LIANSHAN, "d", day.toString()));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/workingDay/working").asBoolean();
    }

    @Test
    void homeVisitsForTheElderlyAreRecordedAndScheduledLikeBookings_A7() throws Exception {
        String item = Bookings.items(LIANSHAN).get(1);
        LocalDate day = Cases.today().plusDays(1);
        while (!working(day)) day = day.plusDays(1);
        Map<String, Object> grandma = Bookings.person("李奶奶");
        Map<String, Object> in = input(item, "HOME_VISIT", "ELDERLY", day, "address", "连山县吉田镇大塘村 12 号", "forPerson", grandma,
                "note", "行动不便，卧床");

        Api.Response asked = ask(Cases.citizen(), in);
        assertThat(asked.errors()).as(asked.body().toString()).isNull();
        JsonNode r = asked.data().at("/requestSpecialService/request");
        String id = r.get("id").asString();
        assertThat(r.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(r.get("kind").asString()).isEqualTo("HOME_VISIT");
        assertThat(r.get("personName").asString()).isEqualTo("李奶奶");
        assertThat(r.get("personIdMasked").asString()).contains("*").doesNotContain(((String) grandma.get("idNumber")).substring(6, 14));
        assertThat(r.get("contactPhoneMasked").asString()).isEqualTo("139****0000");
        assertThat(r.get("preferredDateWorking").asBoolean()).isTrue();
        assertThat(r.get("itemName").asString()).isNotBlank();
        // a retry answers the first request; a second open request for the person and item is refused
        JsonNode again = ask(Cases.citizen(), in).data().at("/requestSpecialService/request");
        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(again.get("replayed").asBoolean()).isTrue();
        Map<String, Object> twice = new LinkedHashMap<>(in);
        twice.put("idempotencyKey", UUID.randomUUID().toString());
        Api.Response second = ask(Cases.citizen(), twice);
        assertThat(second.errorCode()).as(second.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(second.errorField()).isEqualTo("itemId");

        // the citizen sees it; the tenant's staff find it among the requests waiting; 台山's staff do not
        assertThat(find(mine(Cases.citizen()), id)).isNotNull();
        assertThat(find(staffList(Cases.clerk(), LIANSHAN, "REQUESTED"), id)).isNotNull();
        assertThat(find(staffList(Cases.clerk(), LIANSHAN, "SCHEDULED"), id)).isNull();
        Api.Response foreign = Api.graphql(Tokens.staff("taishan.clerk"), "query($t: ID!) { specialServiceRequests(tenantCode: $t) { edges { node { id } } } }",
                Map.of("t", LIANSHAN));
        assertThat(foreign.errorCode()).isEqualTo("FORBIDDEN");

        // staff schedule it with a time and the staff member who comes; another tenant's staff cannot
        Instant at = day.atTime(15, 0).atZone(Cases.HALLS).toInstant();
        assertThat(schedule(Tokens.staff("taishan.clerk"), id, at, "黄某").errorCode()).isEqualTo("FORBIDDEN");
        assertThat(schedule(Cases.citizen(), id, at, "黄某").errorCode()).isEqualTo("FORBIDDEN");
        Api.Response past = schedule(Cases.clerk(), id, Instant.now().minus(1, ChronoUnit.HOURS), "黄某");
        assertThat(past.errorCode()).as(past.body().toString()).isEqualTo("VALIDATION");
        assertThat(past.errorField()).isEqualTo("scheduledAt");
        assertThat(find(mine(Cases.citizen()), id).get("status").asString()).as("nothing changed").isEqualTo("REQUESTED");
        Api.Response scheduled = schedule(Cases.clerk(), id, at, "黄志明");
        assertThat(scheduled.errors()).as(scheduled.body().toString()).isNull();
        JsonNode seen = find(mine(Cases.citizen()), id);
        assertThat(seen.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(seen.get("scheduledAt").asString())).isEqualTo(at);
        assertThat(seen.get("staffName").asString()).isEqualTo("黄志明");
        assertThat(seen.get("staffPhone").asString()).isEqualTo("0763-6612345");
        assertThat(seen.get("scheduledBy").asString()).isNotBlank();
        assertThat(find(staffList(Cases.clerk(), LIANSHAN, "SCHEDULED"), id)).isNotNull();
        // told as a booking's citizen is: in the message list, with the time and who comes, and by SMS to the request's phone
        JsonNode told = message(Cases.citizen(), id, "SPECIAL_SERVICE_SCHEDULED");
        assertThat(told.get("body").asString()).contains("上门服务").contains("15:00").contains("黄志明").contains("0763-6612345")
                .contains("连山县吉田镇大塘村 12 号").contains("李奶奶");
        assertThat(told.get("title").asString()).isEqualTo("上门/急办已安排");
        assertThat(told.get("caseId").isNull()).isTrue();
        assertThat(message(Cases.otherCitizen(), id, null)).as("another citizen is not told").isNull();
        assertThat(sms(id, "SPECIAL_SERVICE_SCHEDULED")).isEqualTo("139****0000");
        // and reminded an hour before, as a booking is (the timer names the request's version: scheduled once, version 1)
        assertThat(Bookings.timer("VISIT_REMIND_HOUR|" + id + "|1")).isEqualTo(at.minus(1, ChronoUnit.HOURS));
        assertThat(Bookings.runTimerNow("VISIT_REMIND_HOUR|" + id + "|1")).isTrue();
        long until = System.currentTimeMillis() + 30_000;
        JsonNode reminder = null;
        while (reminder == null && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            reminder = message(Cases.citizen(), id, "SPECIAL_SERVICE_REMINDER");
        }
        assertThat(reminder).as("the reminder in the citizen's messages").isNotNull();
        assertThat(reminder.get("body").asString()).startsWith("提醒").contains("15:00").contains("黄志明");

        // another citizen cannot withdraw it; its citizen can
        Api.Response other = Api.graphql(Cases.otherCitizen(), "mutation($i: CancelSpecialServiceInput!) { cancelSpecialServiceRequest(input: $i) { request { status } } }",
                Map.of("i", Map.of("requestId", id)));
        assertThat(other.errorCode()).isEqualTo("NOT_FOUND");
        Api.Response withdrawn = Api.graphql(Cases.citizen(), "mutation($i: CancelSpecialServiceInput!) { cancelSpecialServiceRequest(input: $i) { request { status } } }",
                Map.of("i", Map.of("requestId", id)));
        assertThat(withdrawn.errors()).as(withdrawn.body().toString()).isNull();
        assertThat(withdrawn.data().at("/cancelSpecialServiceRequest/request/status").asString()).isEqualTo("CANCELLED");
        Api.Response late = schedule(Cases.clerk(), id, at, "黄志明");
        assertThat(late.errorCode()).as(late.body().toString()).isEqualTo("RULE_VIOLATION");
    }

    @Test
    void urgentHandlingIsForHolidaysAndBadRequestsChangeNothing_A7() throws Exception {
        String item = Bookings.items(LIANSHAN).get(2);
        LocalDate workday = Cases.today().plusDays(1);
        while (!working(workday)) workday = workday.plusDays(1);
        LocalDate holiday = Cases.today().plusDays(1);
        while (working(holiday)) holiday = holiday.plusDays(1);
        int before = mine(Cases.citizen()).size();

        // a home visit is for the elderly and the disabled, at an address
        Api.Response r = ask(Cases.citizen(), input(item, "HOME_VISIT", "URGENT", workday, "address", "连山县永和镇 3 号"));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorField()).isEqualTo("reason");
        assertThat(r.errorRule()).isEqualTo("A7");
        r = ask(Cases.citizen(), input(item, "HOME_VISIT", "DISABLED", workday));
        assertThat(r.errorCode()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo("address");
        // urgent handling is for a day that is not a working day, with a reason
        r = ask(Cases.citizen(), input(item, "URGENT", "URGENT", workday, "note", "明天出国需要"));
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorField()).isEqualTo("preferredDate");
        assertThat(r.errorRule()).isEqualTo("A7");
        r = ask(Cases.citizen(), input(item, "URGENT", "URGENT", holiday));
        assertThat(r.errorField()).isEqualTo("note");
        // other bad input: a past day, a bad phone, another tenant's item, staff asking
        assertThat(ask(Cases.citizen(), input(item, "URGENT", "URGENT", Cases.today().minusDays(1), "note", "急")).errorField())
                .isEqualTo("preferredDate");
        assertThat(ask(Cases.citizen(), input(item, "URGENT", "URGENT", holiday, "note", "急", "contactPhone", "123")).errorField())
                .isEqualTo("contactPhone");
        String taishanItem = Bookings.items("440781").getFirst();
        Api.Response otherItem = ask(Cases.citizen(), input(LIANSHAN + taishanItem.substring(taishanItem.indexOf(':')), "URGENT", "URGENT", holiday,
                "note", "急"));
        assertThat(otherItem.errorCode()).as(otherItem.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(otherItem.errorField()).isEqualTo("itemId");
        assertThat(ask(Cases.clerk(), input(item, "URGENT", "URGENT", holiday, "note", "急")).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(mine(Cases.citizen())).as("none of the refusals recorded a request").hasSize(before);

        // on a holiday it is recorded; the staff decline it with a reason the citizen sees
        Api.Response urgent = ask(Cases.citizen(), input(item, "URGENT", "URGENT", holiday, "note", "证件遗失，节后即需出境"));
        assertThat(urgent.errors()).as(urgent.body().toString()).isNull();
        JsonNode u = urgent.data().at("/requestSpecialService/request");
        assertThat(u.get("preferredDateWorking").asBoolean()).isFalse();
        assertThat(u.get("address").isNull()).isTrue();
        String id = u.get("id").asString();
        Api.Response noReason = Api.graphql(Cases.clerk(), "mutation($i: DeclineSpecialServiceInput!) { declineSpecialService(input: $i) { request { status } } }",
                Map.of("i", Map.of("requestId", id, "reason", " ")));
        assertThat(noReason.errorField()).isEqualTo("reason");
        Api.Response declined = Api.graphql(Cases.clerk(), "mutation($i: DeclineSpecialServiceInput!) { declineSpecialService(input: $i) { request { status declineReason } } }",
                Map.of("i", Map.of("requestId", id, "reason", "该事项须由公安窗口在工作日办理")));
        assertThat(declined.errors()).as(declined.body().toString()).isNull();
        JsonNode seen = find(mine(Cases.citizen()), id);
        assertThat(seen.get("status").asString()).isEqualTo("DECLINED");
        assertThat(seen.get("declineReason").asString()).isEqualTo("该事项须由公安窗口在工作日办理");
        JsonNode told = message(Cases.citizen(), id, "SPECIAL_SERVICE_DECLINED");
        assertThat(told.get("body").asString()).contains("急办").contains("该事项须由公安窗口在工作日办理");
        assertThat(sms(id, "SPECIAL_SERVICE_DECLINED")).isEqualTo("139****0000");
        // a declined request is not scheduled afterwards
        Api.Response after = schedule(Cases.clerk(), id, holiday.atTime(10, 0).atZone(Cases.HALLS).toInstant(), "值班员");
        assertThat(after.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(find(mine(Cases.citizen()), id).get("status").asString()).isEqualTo("DECLINED");
        assertThat(List.of("REQUESTED", "SCHEDULED", "DECLINED", "CANCELLED")).contains(seen.get("status").asString());
    }
}
