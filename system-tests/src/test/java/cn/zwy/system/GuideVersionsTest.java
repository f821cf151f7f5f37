package cn.zwy.system;

import static cn.zwy.system.Catalog.LIANSHAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.system.PlatformUnderTest.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Publishing, versions and the S6 notice: a published version never changes; edits make a
 * draft; each publication or withdrawal is announced with a reason and takes effect no earlier
 * than 5 working days later (counted on the tenant's working-day calendar, C4); every one is an
 * event on the event path.
 */
@ExtendWith(PlatformUnderTest.class)
class GuideVersionsTest {

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The 5th working day after today on 连山's calendar, as the calendar itself answers. */
    private static LocalDate fiveWorkingDaysFromToday() {
        Api.Response r = Api.get(Service.TENANT.url() + "/api/tenants/" + LIANSHAN + "/calendar/add?from=" + today() + "&days=5", null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return LocalDate.parse(r.body().get("value").asString());
    }

    private static String publishable(String name) {
        String item = Catalog.newItem(name);
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(5));
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        return item;
    }

    private static Connection db() throws SQLException {
        String db = System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
    }

    @Test
    void publishNeedsRequiredGuideFields_S3() {
        String item = Catalog.newItem("发布必备要素测试事项");
        Map<String, Object> guide = Catalog.completeGuide(5);
        guide.remove("supervisionPhone");
        guide.remove("faq");
        assertThat(Catalog.saveDraft(Catalog.admin(), item, guide).errors()).isNull();
        Api.Response r = Catalog.publish(Catalog.admin(), item, "新增事项", null);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(Catalog.ruleOf(r)).isEqualTo("S3");
        assertThat(r.errorField()).isEqualTo("guide.supervisionPhone");
        assertThat(r.errors().get(0).get("message").asString()).contains("监督电话", "常见问题");
        JsonNode after = Catalog.item(Catalog.admin(), item);
        assertThat(after.at("/versions/edges")).isEmpty();
        assertThat(after.at("/draft/status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void changeNeedsAReason_S6() {
        String item = publishable("变更理由测试事项");
        Api.Response r = Catalog.publish(Catalog.admin(), item, "   ", null);
        assertThat(r.errorCode()).isEqualTo("RULE_VIOLATION");
        assertThat(r.errorField()).isEqualTo("reason");
        assertThat(Catalog.ruleOf(r)).isEqualTo("S6");
        assertThat(Catalog.item(Catalog.admin(), item).at("/versions/edges")).isEmpty();
    }

    @Test
    void changeTakesEffectFiveWorkingDaysAfterAnnouncement_S6() {
        String item = publishable("公告期测试事项");
        LocalDate earliest = fiveWorkingDaysFromToday();
        // one day too early is refused, naming the earliest day
        Api.Response early = Catalog.publish(Catalog.admin(), item, "新增事项", earliest.minusDays(1).toString());
        assertThat(early.errorCode()).as(early.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(early.errorField()).isEqualTo("effectiveFrom");
        assertThat(Catalog.ruleOf(early)).isEqualTo("S6");
        assertThat(early.errors().get(0).get("message").asString()).contains(earliest.toString());
        assertThat(Catalog.item(Catalog.admin(), item).at("/versions/edges")).isEmpty();

        // without a date: the earliest allowed day; announced now, scheduled, not yet what citizens get
        Api.Response r = Catalog.publish(Catalog.admin(), item, "新增事项", null);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode v = r.data().at("/publishGuide/version");
        assertThat(LocalDate.parse(v.get("effectiveFrom").asString())).isEqualTo(earliest);
        // 5 working days on the calendar, at least 5 days; how many more depends on the weekday and on 调休 (from a
        // Saturday, as on 2026-12-05 in China, Monday to Friday are the next 5: 6 days; from a Friday, 7)
        assertThat(earliest).isAfterOrEqualTo(today().plusDays(5));
        assertThat(v.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(v.get("changeKind").asString()).isEqualTo("ADD");
        assertThat(v.get("reason").asString()).isEqualTo("新增事项");
        JsonNode publicView = Catalog.item(null, item);
        assertThat(publicView.get("current").isNull()).isTrue();
        assertThat(publicView.at("/upcoming/id").asString()).isEqualTo(v.get("id").asString());
        assertThat(Api.graphql(null, Catalog.ITEMS, Map.of("t", LIANSHAN, "f", Map.of("text", "公告期测试事项")))
                .data().at("/items/edges")).isEmpty();
    }

    /**
     * Issue 6: with two versions scheduled, {@code upcoming} showed the newest announcement (the
     * later one) instead of the one citizens get next. Upcoming is the earliest effective date
     * after today.
     */
    @Test
    void upcomingIsTheNextVersionToTakeEffect_S6() {
        String item = publishable("下一版本测试事项");
        Api.Response first = Catalog.publish(Catalog.admin(), item, "新增事项", null);
        assertThat(first.errors()).as(first.body().toString()).isNull();
        JsonNode v1 = first.data().at("/publishGuide/version");
        LocalDate later = LocalDate.parse(v1.get("effectiveFrom").asString()).plusDays(14);
        Map<String, Object> changed = Catalog.completeGuide(4);
        changed.put("consultPhone", "0763-6619999");
        assertThat(Catalog.saveDraft(Catalog.admin(), item, changed).errors()).isNull();
        Api.Response second = Catalog.publish(Catalog.admin(), item, "缩短承诺时限", later.toString());
        assertThat(second.errors()).as(second.body().toString()).isNull();
        assertThat(second.data().at("/publishGuide/version/number").asInt()).isEqualTo(2);

        for (String token : new String[] {null, Catalog.admin()}) {
            JsonNode shown = Catalog.item(token, item);
            assertThat(shown.get("current").isNull()).isTrue();
            assertThat(shown.at("/upcoming/id").asString()).isEqualTo(v1.get("id").asString());
            assertThat(shown.at("/upcoming/number").asInt()).isEqualTo(1);
            assertThat(shown.at("/upcoming/effectiveFrom").asString()).isEqualTo(v1.get("effectiveFrom").asString());
            assertThat(shown.at("/upcoming/guide/promisedLimit/value").asInt()).isEqualTo(5);
            assertThat(shown.at("/versions/edges")).hasSize(2);
        }
    }

    @Test
    void onlyAProvincialAdministratorMayMakeAChangeUrgent_S6() {
        // a tenant's publication has no urgent switch; a province's standard change has
        JsonNode std = Catalog.newStandardItem("紧急变更测试事项");
        assertThat(std.at("/version/urgent").asBoolean()).isTrue();
        assertThat(std.at("/version/state").asString()).isEqualTo("CURRENT");
        assertThat(std.at("/version/effectiveFrom").asString()).isEqualTo(today().toString());
        Api.Response byCentre = Api.graphql(Catalog.admin(), Catalog.ADD_STANDARD, Map.of("input", Map.of("provinceCode", "44",
                "itemType", "LICENSE", "mainCode", Catalog.uniqueMainCode(), "subCode", "000", "mainName", "越权测试",
                "exerciseLevels", List.of("COUNTY"), "legalBasis", "《测试》", "reason", "测试", "urgent", true)));
        assertThat(byCentre.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void standardChangeWithoutUrgencyWaitsFiveWorkingDays_S6() {
        JsonNode std = Catalog.newStandardItem("标准目录变更测试事项");
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), Catalog.CHANGE_STANDARD, Map.of("input", Map.of(
                "id", std.get("id").asString(), "kind", "CHANGE", "mainName", "标准目录变更测试事项（更名）",
                "exerciseLevels", List.of("COUNTY"), "legalBasis", "《中华人民共和国行政许可法》第四十二条",
                "legalLimit", Map.of("value", 15, "unit", "WORKING_DAY"), "reason", "法定时限调整")));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode v = r.data().at("/changeStandardItem/item/version");
        assertThat(v.get("number").asInt()).isEqualTo(2);
        assertThat(v.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(LocalDate.parse(v.get("effectiveFrom").asString())).isAfterOrEqualTo(fiveWorkingDaysFromToday());
        // until then the catalog shows version 1; the history has both
        Api.Response now = Api.graphql(null, "query($id: ID!) { standardItem(id: $id) { name version { number state } versions { edges { node { version { number state } } } } } }",
                Map.of("id", std.get("id").asString()));
        assertThat(now.data().at("/standardItem/version/number").asInt()).isEqualTo(1);
        assertThat(now.data().at("/standardItem/name").asString()).isEqualTo("标准目录变更测试事项");
        assertThat(now.data().at("/standardItem/versions/edges").size()).isEqualTo(2);
    }

    @Test
    void publishedVersionNeverChangesInPlace() throws Exception {
        String item = publishable("版本不可变测试事项");
        JsonNode v1 = Catalog.publish(Catalog.admin(), item, "新增事项", null).data().at("/publishGuide/version");
        // an edit makes a new draft; the published version keeps what it said
        Map<String, Object> changed = Catalog.completeGuide(3);
        changed.put("consultPhone", "0763-6699999");
        Api.Response draft = Catalog.saveDraft(Catalog.admin(), item, changed);
        assertThat(draft.errors()).as(draft.body().toString()).isNull();
        assertThat(draft.data().at("/saveGuideDraft/draft/id").asString()).isNotEqualTo(v1.get("id").asString());
        JsonNode v1Again = Api.graphql(null, Catalog.GUIDE_VERSION, Map.of("id", v1.get("id").asString())).data().get("guideVersion");
        assertThat(v1Again).isEqualTo(v1);

        LocalDate later = LocalDate.parse(v1.get("effectiveFrom").asString()).plusDays(3);
        Api.Response p2 = Catalog.publish(Catalog.admin(), item, "承诺时限缩短、咨询电话变更", later.toString());
        assertThat(p2.errors()).as(p2.body().toString()).isNull();
        JsonNode v2 = p2.data().at("/publishGuide/version");
        assertThat(v2.get("number").asInt()).isEqualTo(2);
        assertThat(v2.get("changeKind").asString()).isEqualTo("CHANGE");
        assertThat(v2.at("/guide/consultPhone").asString()).isEqualTo("0763-6699999");
        assertThat(Api.graphql(null, Catalog.GUIDE_VERSION, Map.of("id", v1.get("id").asString())).data().get("guideVersion"))
                .isEqualTo(v1);
        JsonNode history = Catalog.item(null, item).at("/versions/edges");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).at("/node/number").asInt()).isEqualTo(2);
        // a version may not take effect before the one it follows
        Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(4));
        Api.Response back = Catalog.publish(Catalog.admin(), item, "回退测试", v1.get("effectiveFrom").asString());
        assertThat(back.errorField()).isEqualTo("effectiveFrom");

        // and the database itself refuses to rewrite a published version
        UUID v1Id = UUID.fromString(v1.get("id").asString().substring(7));
        try (Connection c = db()) {
            c.setAutoCommit(false);
            c.createStatement().execute("select set_config('app.tenant_id', '441825', true), set_config('app.tenant_write', 'on', true)");
            try (PreparedStatement ps = c.prepareStatement("update guide_version set reason = 'rewritten' where id = ?")) {
                ps.setObject(1, v1Id);
                assertThatThrownBy(ps::executeUpdate).hasMessageContaining("never changes");
            }
            c.rollback();
        }
    }

    @Test
    void concurrentPublicationsOfOneDraftYieldOneVersion() throws Exception {
        String item = publishable("并发发布测试事项");
        List<Api.Response> results = HallAccessTest.parallel(6, i -> Catalog.publish(Catalog.admin(), item, "新增事项", null));
        assertThat(results.stream().filter(r -> r.errors() == null).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> "CONFLICT".equals(r.errorCode())).count()).isEqualTo(5);
        assertThat(Catalog.item(Catalog.admin(), item).at("/versions/edges").size()).isEqualTo(1);
    }

    @Test
    void withdrawalIsAnAnnouncedVersionAndHistoryStays_S6() {
        String item = publishable("撤回测试事项");
        JsonNode v1 = Catalog.publish(Catalog.admin(), item, "新增事项", null).data().at("/publishGuide/version");
        Api.Response noReason = Api.graphql(Catalog.admin(), Catalog.WITHDRAW, Map.of("input", Map.of("itemId", item, "reason", "")));
        assertThat(Catalog.ruleOf(noReason)).isEqualTo("S6");
        Api.Response tooEarly = Api.graphql(Catalog.admin(), Catalog.WITHDRAW,
                Map.of("input", Map.of("itemId", item, "reason", "上级取消", "effectiveFrom", today().toString())));
        assertThat(tooEarly.errorField()).isEqualTo("effectiveFrom");
        Api.Response r = Api.graphql(Catalog.admin(), Catalog.WITHDRAW, Map.of("input", Map.of("itemId", item, "reason", "上级取消该事项")));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode w = r.data().at("/withdrawGuide/version");
        assertThat(w.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(w.get("changeKind").asString()).isEqualTo("CANCEL");
        assertThat(w.get("number").asInt()).isEqualTo(2);
        assertThat(Catalog.item(null, item).at("/versions/edges").size()).isEqualTo(2);
        assertThat(Api.graphql(null, Catalog.GUIDE_VERSION, Map.of("id", v1.get("id").asString())).data().get("guideVersion"))
                .isEqualTo(v1);
        Api.Response again = Api.graphql(Catalog.admin(), Catalog.WITHDRAW, Map.of("input", Map.of("itemId", item, "reason", "再次撤回")));
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void everyPublicationAndWithdrawalIsAnEvent() throws Exception {
        String item = publishable("事件测试事项");
        JsonNode v1 = Catalog.publish(Catalog.admin(), item, "新增事项", null).data().at("/publishGuide/version");
        assertThat(Api.graphql(Catalog.admin(), Catalog.WITHDRAW, Map.of("input", Map.of("itemId", item, "reason", "取消"))).errors()).isNull();
        List<String[]> events = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select event_type, tenant_id, payload from outbox_event where aggregate_type = 'guide' and aggregate_id = ? order by seq")) {
            ps.setString(1, item.substring(7));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) events.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertThat(events).extracting(e -> e[0]).containsExactly("catalog.guide.published", "catalog.guide.withdrawn");
        assertThat(events).extracting(e -> e[1]).containsOnly(LIANSHAN);
        JsonNode published = Api.JSON.readTree(events.get(0)[2]);
        assertThat(published.get("versionId").asString()).isEqualTo(v1.get("id").asString());
        assertThat(published.get("effectiveFrom").asString()).isEqualTo(v1.get("effectiveFrom").asString());
        assertThat(published.get("name").asString()).isEqualTo("事件测试事项");
        assertThat(published.at("/guide/consultPhone").asString()).isEqualTo("0763-6612345");
        assertThat(published.at("/standard/basicCode").asString()).hasSize(10);
        assertThat(published.get("regionPath").toString()).contains("44", "4418", "441825");
    }
}
