package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Service;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Helpers for case tests: demo guides of 连山县 read from the catalog, and case-service's REST with real tokens. */
final class Cases {

    static final String LIANSHAN = "441825";
    static final ZoneId HALLS = ZoneId.of("Asia/Shanghai");
    /** Valid by the GB 11643 check digit (checked by hand: 11010519491231002X is the standard's own example). */
    static final String ID_NUMBER = "11010519491231002X";
    static final String PHONE = "13800138000";

    private Cases() {}

    static String url(String path) { return Service.CASE.url() + path; }

    static String citizen() { return Tokens.citizen("citizen.zhang"); }

    static String otherCitizen() { return Tokens.citizen("citizen.li"); }

    static String clerk() { return Tokens.staff("lianshan.clerk"); }

    /** 连山's hall guide (引导员, role guide): walks the guidance with citizens and issues their tickets (G1, G3). */
    static String guide() { return Tokens.staff("lianshan.guide"); }

    static String approver() { return Tokens.staff("lianshan.approver"); }

    static String admin() { return Tokens.staff("lianshan.admin"); }

    static LocalDate today() { return LocalDate.now(HALLS); }

    /** A published guide of 连山县 (the catalog's own list) matching the test's need, with its materials. */
    static JsonNode item(Predicate<JsonNode> summary) {
        return itemOf(LIANSHAN, summary);
    }

    /** The full guide of the first item of {@code tenant}'s catalog whose summary matches. */
    static JsonNode itemOf(String tenant, Predicate<JsonNode> summary) {
        Api.Response r = Api.get(Service.TENANT.url() + "/api/tenants/" + tenant + "/items?first=100", null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        for (JsonNode i : r.body().get("items")) {
            JsonNode node = i.get("node");
            if (summary.test(node)) {
                String id = node.get("id").asString();
                Api.Response full = Api.get(Service.TENANT.url() + "/api/tenants/" + tenant + "/items/" + id.substring(id.indexOf(':') + 1), null);
                assertThat(full.status()).as(full.body().toString()).isEqualTo(200);
                return full.body();
            }
        }
        throw new AssertionError("no demo guide of " + tenant + " matches");
    }

    static JsonNode promisedItem() {
        return item(n -> "PROMISED".equals(n.path("caseClass").asString(null))
                && n.path("promisedLimit").path("value").asInt(0) >= 3
                && "WORKING_DAY".equals(n.path("promisedLimit").path("unit").asString(null)));
    }

    static JsonNode instantItem() {
        return item(n -> "INSTANT".equals(n.path("caseClass").asString(null)));
    }

    static List<String> materialNames(JsonNode item) {
        List<String> names = new ArrayList<>();
        for (JsonNode m : item.path("current").path("guide").path("materials")) names.add(m.get("name").asString());
        return names;
    }

    static Map<String, Object> submission(JsonNode item, String key) {
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String n : materialNames(item)) materials.add(Map.of("name", n, "copies", 1));
        Map<String, Object> body = new HashMap<>();
        body.put("idempotencyKey", key);
        body.put("itemId", item.get("id").asString());
        body.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", ID_NUMBER));
        body.put("contact", Map.of("name", "张三", "phone", PHONE));
        body.put("materials", materials);
        List<Map<String, Object>> values = formValues(item);
        if (!values.isEmpty()) body.put("formValues", values);
        return body;
    }

    /** G3: a value for each required form field of the item's own (by its type). */
    static List<Map<String, Object>> formValues(JsonNode item) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (JsonNode f : item.path("current").path("guide").path("formFields")) {
            if (!f.path("required").asBoolean(false)) continue;
            String value = switch (f.path("type").asString()) {
                case "NUMBER" -> "50";
                case "DATE" -> "2025-03-01";
                case "YES_NO" -> "YES";
                case "CHOICE" -> f.path("options").get(0).asString();
                default -> "测试填写";
            };
            values.add(Map.of("key", f.path("key").asString(), "value", value));
        }
        return values;
    }

    /**
     * Submits, waiting (up to 60 s) for case-service to have the guide from the event path: until then it
     * answers NOT_FOUND for the item.
     */
    static Api.Response submit(String token, Map<String, Object> body) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            Api.Response r = Api.post(url("/api/cases"), token, body);
            if (r.status() != 404 || System.currentTimeMillis() > until) return r;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    /**
     * A GraphQL filing ({@code document} taking {@code $input}), waiting (up to 60 s) while case-service does not have
     * the guide or package from the event path yet: NOT_FOUND on {@code field} (any field when null).
     */
    static Api.Response submitGraphQl(String token, String document, Map<String, Object> input, String field) {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            Api.Response r = Api.graphql(token, document, Map.of("input", input));
            boolean notThereYet = "NOT_FOUND".equals(r.errorCode()) && (field == null || field.equals(r.errorField()));
            if (!notThereYet || System.currentTimeMillis() > until) return r;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    static JsonNode submitted(JsonNode item) {
        Api.Response r = submit(citizen(), submission(item, UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    static JsonNode get(String token, String id) {
        Api.Response r = Api.get(url("/api/cases/" + id), token);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    static Api.Response act(String token, String id, String action, Map<String, Object> body) {
        return Api.post(url("/api/cases/" + id + "/" + action), token, body);
    }

    static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    static long version(String id) {
        return get(clerk(), id).get("version").asLong();
    }

    static Map<String, Object> staff(long version, Object... more) {
        return staffAction(null, version, "综合受理窗口 3 号", more);
    }

    /**
     * The input of a staff action on a case (GraphQL or REST body): the case (omitted when null), the version it was
     * decided on, the window, and more name/value pairs.
     */
    static Map<String, Object> staffAction(String caseId, long version, String window, Object... more) {
        Map<String, Object> m = new HashMap<>();
        if (caseId != null) m.put("caseId", caseId);
        m.put("version", version);
        m.put("window", window);
        for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
        return m;
    }

    /**
     * The last day of an n-working-day limit counted from {@code day} inclusive (C4), from tenant-service's
     * calendar: its addWorkingDays counts from the day after, so the first counted day is found with 0 days
     * and the rest added to it.
     */
    static LocalDate expectedDeadline(LocalDate day, int n) {
        LocalDate first = calendarAdd(day, 0);
        return n <= 1 ? first : calendarAdd(first, n - 1);
    }

    private static LocalDate calendarAdd(LocalDate from, int days) {
        Api.Response r = Api.get(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/calendar/add?from=" + from + "&days=" + days, null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return LocalDate.parse(r.body().get("value").asString());
    }
}
