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
 * "One thing" packages a province defines for its counties (G3, S7, ADR 0032) against the real platform: 广东's
 * administrator bundles two items of the province's standard catalog; 连山, which publishes a guide of both, offers it
 * as its own package and files it like one; 台山, which does not publish 林木采伐许可证核发, does not offer it. The demo
 * guides are long in effect, so no S6 notice period stands in the way of the set-up.
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
}
