package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * "One thing" packages a province defines for its counties (G3, S7, ADR 0032) against the real platform: 广东's
 * administrator bundles two items of the province's standard catalog; 连山, which publishes a guide of both, offers it
 * as its own package and files it like one; 台山, which does not publish 林木采伐许可证核发, does not offer it. The demo
 * guides are long in effect, so no S6 notice period stands in the way of the set-up. A county that publishes the last
 * part later, or withdraws a part, offers, files and finds the package from the day that takes effect (ADR 0035); the
 * day comes as in GuideSearchTest and the case timers' tests: the version's date is moved back and its timer made due.
 */
@ExtendWith(PlatformUnderTest.class)
class RegionPackageTest {

    private static final String DEFINE = """
            mutation($input: DefineRegionPackageInput!) { defineRegionPackage(input: $input) { regionPackage {
              id regionCode version name lifeEvent reviewMode standardItems { standardItemId name }
              offeredIn { id tenantCode name items { itemId name } form { materials { name } } } } } }""";

    private static String standardItem(String name) {
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), Catalog.STANDARD_ITEMS_BY_TEXT, Map.of("p", "44", "text", name));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode e : r.data().at("/standardItems/edges")) {
            if (e.at("/node/name").asString().equals(name)) return e.at("/node/id").asString();
        }
        throw new AssertionError("广东's standard catalog has no " + name + ": " + r.body());
    }

    private static Map<String, Object> input(String region, String name, List<String> standardItems) {
        Map<String, Object> in = new HashMap<>();
        in.put("regionCode", region);
        in.put("name", name);
        in.put("lifeEvent", "BIRTH");
        in.put("reviewMode", "PER_ITEM");
        in.put("standardItemIds", standardItems);
        return in;
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }

    private static List<String> packageNames(String tenant) {
        Api.Response r = Api.graphql(null, "query($t: ID!) { servicePackages(tenantCode: $t, lifeEvent: BIRTH) { name } }", Map.of("t", tenant));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return texts(r.data().path("servicePackages"), "name");
    }

    @Test
    void provincePackageIsOfferedWhereEveryPartIsPublished_G3() {
        String certificate = standardItem("出生医学证明办理");
        String forest = standardItem("林木采伐许可证核发");
        String name = "省级测试套餐" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", input("44", name, List.of(certificate, forest))));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        JsonNode defined = r.data().at("/defineRegionPackage/regionPackage");
        assertThat(defined.path("regionCode").asString()).isEqualTo("44");
        assertThat(defined.path("version").asInt()).isEqualTo(1);
        assertThat(texts(defined.path("standardItems"), "name")).containsExactly("出生医学证明办理", "林木采伐许可证核发");
        // offered by 连山, which publishes both; not by 台山, which does not publish 林木采伐许可证核发
        assertThat(texts(defined.path("offeredIn"), "tenantCode")).contains("441825").doesNotContain("440781");
        JsonNode lianshan = null;
        for (JsonNode p : defined.path("offeredIn")) if (p.path("tenantCode").asString().equals("441825")) lianshan = p;
        assertThat(lianshan.path("id").asString()).startsWith("441825:");
        assertThat(texts(lianshan.path("items"), "itemId")).allMatch(id -> id.startsWith("441825:"));
        assertThat(packageNames("441825")).contains(name);
        assertThat(packageNames("440781")).doesNotContain(name);

        // the county's citizens walk and file it like the county's own: the parts are filed with 连山's departments
        String id = lianshan.path("id").asString();
        Api.Response one = Api.graphql(null, "query($id: ID!) { servicePackage(id: $id) { name tenantCode } }", Map.of("id", id));
        assertThat(one.errors()).as(one.body().toString()).isNull();
        assertThat(one.data().at("/servicePackage/name").asString()).isEqualTo(name);
        Map<String, Object> filing = new HashMap<>();
        filing.put("idempotencyKey", UUID.randomUUID().toString());
        filing.put("packageId", id);
        filing.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", Cases.ID_NUMBER));
        filing.put("contact", Map.of("name", "张三", "phone", Cases.PHONE));
        filing.put("materials", texts(lianshan.at("/form/materials"), "name").stream().map(n -> Map.<String, Object>of("name", n)).toList());
        Api.Response filed = PackageTest.submit(Cases.citizen(), filing);
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        JsonNode parts = filed.data().at("/submitPackage/receipt/parts");
        assertThat(texts(parts, "itemName")).containsExactly("出生医学证明办理", "林木采伐许可证核发");
        assertThat(texts(parts, "caseNumber")).allMatch(n -> n.startsWith("441825-"));

        // a new version keeps the id
        Map<String, Object> again = input("44", name, List.of(certificate, forest));
        again.put("id", defined.path("id").asString());
        again.put("reviewMode", "PACKAGE");
        Api.Response v2 = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", again));
        assertThat(v2.errors()).as(v2.body().toString()).isNull();
        assertThat(v2.data().at("/defineRegionPackage/regionPackage/version").asInt()).isEqualTo(2);
    }

    @Test
    void onlyTheRegionsAdministratorDefinesItsPackages_G3() {
        String certificate = standardItem("出生医学证明办理");
        String birth = standardItem("生育登记");
        Map<String, Object> in = input("44", "省级测试套餐" + UUID.randomUUID().toString().substring(0, 8), List.of(certificate, birth));
        // a county's centre administrator, another province's administrator, a citizen: refused
        assertThat(Api.graphql(Catalog.admin(), DEFINE, Map.of("input", in)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(Tokens.staff("henan.admin"), DEFINE, Map.of("input", in)).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(Cases.citizen(), DEFINE, Map.of("input", in)).errorCode()).isEqualTo("FORBIDDEN");
        // a county code is no region that defines packages for counties
        Map<String, Object> county = new HashMap<>(in);
        county.put("regionCode", "441825");
        assertThat(Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", county)).errorCode()).isEqualTo("FORBIDDEN");

        // bad input: one part only, a part not in the standard catalog, a malformed id, a part twice
        Map<String, Object> one = new HashMap<>(in);
        one.put("standardItemIds", List.of(certificate));
        Api.Response single = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", one));
        assertThat(single.errorCode()).as(single.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(single.errorField()).isEqualTo("standardItemIds");
        assertThat(single.errorRule()).isEqualTo("G3");
        Map<String, Object> unknown = new HashMap<>(in);
        unknown.put("standardItemIds", List.of(certificate, UUID.randomUUID().toString()));
        Api.Response missing = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", unknown));
        assertThat(missing.errorCode()).as(missing.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(missing.errorField()).isEqualTo("standardItemIds[1]");
        Map<String, Object> malformed = new HashMap<>(in);
        malformed.put("standardItemIds", List.of(certificate, "不是编号"));
        Api.Response bad = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", malformed));
        assertThat(bad.errorCode()).as(bad.body().toString()).isEqualTo("VALIDATION");
        assertThat(bad.errorField()).isEqualTo("standardItemIds[1]");
        Map<String, Object> twice = new HashMap<>(in);
        twice.put("standardItemIds", List.of(certificate, certificate));
        Api.Response dup = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", twice));
        assertThat(dup.errorField()).as(dup.body().toString()).isEqualTo("standardItemIds[1]");
        Map<String, Object> blank = new HashMap<>(in);
        blank.put("name", " ");
        Api.Response noName = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", blank));
        assertThat(noName.errorCode()).as(noName.body().toString()).isEqualTo("VALIDATION");
        assertThat(noName.errorField()).isEqualTo("name");

        // a name the province already uses is a CONFLICT
        Api.Response first = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", in));
        assertThat(first.errors()).as(first.body().toString()).isNull();
        Api.Response same = Api.graphql(Catalog.provincialAdmin(), DEFINE, Map.of("input", in));
        assertThat(same.errorCode()).as(same.body().toString()).isEqualTo("CONFLICT");
    }

    // ------------------------------------------------------------------ a county's parts change later (ADR 0035)

    private static final String LIANSHAN = "441825";
    private static final String SEARCH = """
            query($text: String!) { searchGuides(text: $text, regionCode: "441825", first: 20) { edges { node { itemId name oneThing } } } }""";

    @Test
    void countyPublishingTheLastPartLaterCanFileTheRegionPackage_G3() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String later = Catalog.newStandardItem("后发布测试事项" + run).path("id").asString();
        String name = "后补齐测试套餐" + run;
        // defined while 连山 has not even adopted the second part: not offered there
        JsonNode defined = certificateAnd(later, name);
        assertThat(texts(defined.path("offeredIn"), "tenantCode")).doesNotContain(LIANSHAN);
        String id = inLianshan(defined);

        // 连山 adopts and publishes it, announced 5 working days ahead (S6): until that day nothing is offered
        JsonNode version = publishedLater(later);
        assertThat(packageNames(LIANSHAN)).doesNotContain(name);
        Api.Response early = submitOnce(filing(id, List.of()));
        assertThat(early.errorCode()).as(early.body().toString()).isEqualTo("NOT_FOUND");
        assertThat(early.errorField()).isEqualTo("packageId");

        // the day comes: 连山 offers the package as its own, its citizens file it and guide search finds it there
        dayComes(version.path("id").asString());
        assertThat(packageNames(LIANSHAN)).contains(name);
        Api.Response one = Api.graphql(null, "query($id: ID!) { servicePackage(id: $id) { id form { materials { name } } } }", Map.of("id", id));
        assertThat(one.errors()).as(one.body().toString()).isNull();
        List<String> materials = texts(one.data().at("/servicePackage/form/materials"), "name");
        Map<String, Object> filing = filing(id, materials);
        Api.Response filed = Await.until(() -> {
            Api.Response f = PackageTest.submit(Cases.citizen(), filing);
            return f.errors() == null ? f : null;
        });
        JsonNode parts = filed.data().at("/submitPackage/receipt/parts");
        assertThat(texts(parts, "itemName")).containsExactly("出生医学证明办理", "后发布测试事项" + run);
        assertThat(texts(parts, "caseNumber")).allMatch(n -> n.startsWith(LIANSHAN + "-"));
        assertThat(Await.until(() -> found(name, id) ? true : null)).isTrue();
        // not offered where the part is not published (台山), neither listed nor found there
        assertThat(packageNames("440781")).doesNotContain(name);
    }

    @Test
    void countyWithdrawingAPartStopsOfferingTheRegionPackage_G3() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String part = Catalog.newStandardItem("撤回部分测试事项" + run).path("id").asString();
        String name = "撤回部分测试套餐" + run;
        String id = inLianshan(certificateAnd(part, name));
        JsonNode published = publishedLater(part);
        dayComes(published.path("id").asString());
        Api.Response one = Api.graphql(null, "query($id: ID!) { servicePackage(id: $id) { id form { materials { name } } } }", Map.of("id", id));
        assertThat(one.errors()).as(one.body().toString()).isNull();
        List<String> materials = texts(one.data().at("/servicePackage/form/materials"), "name");
        Await.until(() -> PackageTest.submit(Cases.citizen(), filing(id, materials)).errors() == null ? true : null);
        Await.until(() -> found(name, id) ? true : null);

        // 连山 withdraws the part (S6: announced ahead): offered until that day ...
        Api.Response w = Api.graphql(Catalog.admin(), Catalog.WITHDRAW, Map.of("input", Map.of("itemId", published.path("itemId").asString(),
                "reason", "测试：撤回事项")));
        assertThat(w.errors()).as(w.body().toString()).isNull();
        assertThat(packageNames(LIANSHAN)).contains(name);
        // ... and from it no longer offered, filed or found there
        dayComes(w.data().at("/withdrawGuide/version/id").asString());
        assertThat(packageNames(LIANSHAN)).doesNotContain(name);
        Api.Response gone = Api.graphql(null, "query($id: ID!) { servicePackage(id: $id) { id } }", Map.of("id", id));
        assertThat(gone.errors()).as(gone.body().toString()).isNull();
        assertThat(gone.data().path("servicePackage").isNull()).as("no longer offered: no such package").isTrue();
        Api.Response refused = Await.until(() -> {
            Api.Response f = submitOnce(filing(id, materials));
            return "NOT_FOUND".equals(f.errorCode()) ? f : null;
        });
        assertThat(refused.errorField()).isEqualTo("packageId");
        assertThat(refused.errors().get(0).path("message").asString()).contains(name).contains("不再办理");
        assertThat(Await.until(() -> found(name, id) ? null : true)).isTrue();
    }

    @Test
    void countyChangingAPartsMaterialsFilesThePackageWithTheNewList_G3() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String part = Catalog.newStandardItem("材料变更测试事项" + run).path("id").asString();
        String id = inLianshan(certificateAnd(part, "材料变更测试套餐" + run));
        JsonNode first = publishedLater(part);
        dayComes(first.path("id").asString());

        // 连山 changes the part's guide after the package was offered: one material more, announced ahead (S6) ...
        String added = "变更后新增材料" + run;
        Map<String, Object> guide = Catalog.completeGuide(5);
        @SuppressWarnings("unchecked")
        List<Object> materials = (List<Object>) guide.get("materials");
        materials.add(Catalog.material(added, false));
        String item = first.path("itemId").asString();
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, guide);
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        Api.Response changed = Catalog.publish(Catalog.admin(), item, "测试：增加材料", null);
        assertThat(changed.errors()).as(changed.body().toString()).isNull();
        dayComes(changed.data().at("/publishGuide/version/id").asString());

        // ... and from its day the package's one form lists it, and a filing handing it in is taken
        Api.Response one = Api.graphql(null, "query($id: ID!) { servicePackage(id: $id) { id form { materials { name } } } }", Map.of("id", id));
        assertThat(one.errors()).as(one.body().toString()).isNull();
        List<String> listed = texts(one.data().at("/servicePackage/form/materials"), "name");
        assertThat(listed).contains(added);
        Api.Response filed = PackageTest.submit(Cases.citizen(), filing(id, listed));
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        assertThat(texts(filed.data().at("/submitPackage/receipt/parts"), "itemName")).contains("材料变更测试事项" + run);
    }

    /** 广东's package of 出生医学证明办理 and {@code standardItemId}, defined by the province's administrator. */
    private static JsonNode certificateAnd(String standardItemId, String name) {
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), DEFINE,
                Map.of("input", input("44", name, List.of(standardItem("出生医学证明办理"), standardItemId))));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/defineRegionPackage/regionPackage");
    }

    /** The region package as 连山's own (<county>:<id>). */
    private static String inLianshan(JsonNode regionPackage) {
        String regionId = regionPackage.path("id").asString();
        return LIANSHAN + regionId.substring(regionId.indexOf(':'));
    }

    /**
     * One filing attempt by 张三, as it is answered now: where NOT_FOUND is the expected answer, PackageTest.submit
     * (which waits up to 60 s while case-service may not have the package yet) would only make the test wait.
     */
    private static Api.Response submitOnce(Map<String, Object> filing) {
        return Api.graphql(Cases.citizen(), PackageTest.SUBMIT, Map.of("input", filing));
    }

    /** A filing of the package by 张三 with the materials named. */
    private static Map<String, Object> filing(String packageId, List<String> materials) {
        Map<String, Object> filing = new HashMap<>();
        filing.put("idempotencyKey", UUID.randomUUID().toString());
        filing.put("packageId", packageId);
        filing.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", Cases.ID_NUMBER));
        filing.put("contact", Map.of("name", "张三", "phone", Cases.PHONE));
        filing.put("materials", materials.stream().map(n -> Map.<String, Object>of("name", n)).toList());
        return filing;
    }

    /** 连山 adopts the standard item and publishes a complete guide of it for the earliest day allowed (S6); the version. */
    private static JsonNode publishedLater(String standardItemId) {
        String item = Catalog.adopt(LIANSHAN, standardItemId);
        Api.Response saved = Catalog.saveDraft(Catalog.admin(), item, Catalog.completeGuide(5));
        assertThat(saved.errors()).as(saved.body().toString()).isNull();
        Api.Response published = Catalog.publish(Catalog.admin(), item, "测试：新增事项", null);
        assertThat(published.errors()).as(published.body().toString()).isNull();
        JsonNode v = published.data().at("/publishGuide/version");
        assertThat(LocalDate.parse(v.path("effectiveFrom").asString())).isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        return v;
    }

    /** Whether guide search in 连山 finds the package under its name. */
    private static boolean found(String name, String packageId) {
        Api.Response r = Api.graphql(null, SEARCH, Map.of("text", name));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        for (JsonNode e : r.data().at("/searchGuides/edges")) {
            if (e.at("/node/itemId").asString().equals(packageId)) return e.at("/node/oneThing").asBoolean();
        }
        return false;
    }

    /**
     * The effective day of a guide version of 连山 comes: once case-service has the version, its date is moved back
     * there and in the catalog (as the server's superuser, past the trigger that keeps announced versions as they were),
     * and the catalog's timer of the announcement is made due; the scheduler and the re-computation then run for real.
     */
    private static void dayComes(String versionId) throws Exception {
        UUID version = UUID.fromString(versionId.substring(versionId.indexOf(':') + 1));
        Await.until(() -> CaseDb.count(LIANSHAN, "select count(*) from guide_version_model where version_id = ?", versionId) == 1 ? true : null);
        try (Connection c = CaseDb.connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                CaseDb.bind(st, LIANSHAN);
            }
            try (PreparedStatement ps = c.prepareStatement("update guide_version_model set effective_from = current_date - 1 where version_id = ?")) {
                ps.setString(1, versionId);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
        String db = System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant");
        try (Connection c = Databases.connect(db, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            try (PreparedStatement ps = c.prepareStatement("update guide_version set effective_from = current_date - 1 where id = ?")) {
                ps.setObject(1, version);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update scheduled_tasks set execution_time = now() where task_name = 'package-offers' and task_instance = ?")) {
                ps.setString(1, LIANSHAN + "|" + version);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }
}
