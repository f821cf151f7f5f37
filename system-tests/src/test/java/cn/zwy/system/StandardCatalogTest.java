package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The provinces' standard catalogs (S1, S6): code formats, who may change them, how changes are announced. */
@ExtendWith(PlatformUnderTest.class)
class StandardCatalogTest {

    private static Map<String, Object> addInput(String main, String sub) {
        return new HashMap<>(Map.of("provinceCode", "44", "itemType", "CONFIRMATION", "mainCode", main, "subCode", sub,
                "mainName", "编码测试事项", "exerciseLevels", List.of("COUNTY", "TOWN"), "legalBasis", "《测试条例》",
                "reason", "测试：新增", "urgent", true));
    }

    private static Api.Response add(String token, Map<String, Object> input) {
        return Api.graphql(token, Catalog.ADD_STANDARD, Map.of("input", input));
    }

    private static void refused(Map<String, Object> input, String field) {
        Api.Response r = add(Catalog.provincialAdmin(), input);
        assertThat(r.errorCode()).as(r.body().toString()).isEqualTo("VALIDATION");
        assertThat(r.errorField()).isEqualTo(field);
        // nothing was added under that code
        Api.Response list = Api.graphql(null, "{ standardItems(provinceCode: \"44\", text: \"编码测试事项（拒绝）\") { edges { node { id } } } }", Map.of());
        assertThat(list.data().at("/standardItems/edges")).isEmpty();
    }

    @Test
    void codesFollowTheirFormats() {
        Map<String, Object> badMain = addInput("12a45", "000");
        badMain.put("mainName", "编码测试事项（拒绝）");
        refused(badMain, "mainCode");
        Map<String, Object> badSub = addInput(Catalog.uniqueMainCode(), "1");
        badSub.put("mainName", "编码测试事项（拒绝）");
        refused(badSub, "subCode");
        Map<String, Object> badGrand = addInput(Catalog.uniqueMainCode(), "001");
        badGrand.putAll(Map.of("subName", "子项", "grandCode", "a1", "grandName", "孙项", "mainName", "编码测试事项（拒绝）"));
        refused(badGrand, "grandCode");
        Map<String, Object> subWithoutName = addInput(Catalog.uniqueMainCode(), "002");
        subWithoutName.put("mainName", "编码测试事项（拒绝）");
        refused(subWithoutName, "subName");

        // the basic code is derived: type 07 + main + sub + grand-sub
        String main = Catalog.uniqueMainCode();
        Map<String, Object> ok = addInput(main, "003");
        ok.putAll(Map.of("subName", "编码测试子项", "grandCode", "A1", "grandName", "编码测试孙项"));
        Api.Response r = add(Catalog.provincialAdmin(), ok);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/addStandardItem/item/basicCode").asString()).isEqualTo("07" + main + "003A1");
        assertThat(r.data().at("/addStandardItem/item/name").asString()).isEqualTo("编码测试孙项");
        // the same code twice in one province is a conflict
        assertThat(add(Catalog.provincialAdmin(), ok).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void onlyTheProvincesAdministratorChangesItsCatalog_T7() {
        Map<String, Object> henan = addInput(Catalog.uniqueMainCode(), "000");
        henan.put("provinceCode", "41");
        assertThat(add(Catalog.provincialAdmin(), henan).errorCode()).isEqualTo("FORBIDDEN");
        for (String user : List.of("lianshan.admin", "lianshan.clerk")) {
            assertThat(add(Tokens.staff(user), addInput(Catalog.uniqueMainCode(), "000")).errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(add(Tokens.citizen("citizen.zhang"), addInput(Catalog.uniqueMainCode(), "000")).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void everyChangeNeedsAReason_S6() {
        Map<String, Object> input = addInput(Catalog.uniqueMainCode(), "000");
        input.put("reason", " ");
        Api.Response r = add(Catalog.provincialAdmin(), input);
        assertThat(r.errorField()).isEqualTo("reason");
        assertThat(Catalog.ruleOf(r)).isEqualTo("S6");
    }

    @Test
    void delegatingDownLowersTheLevelOfExercise_S6() {
        JsonNode std = Catalog.newStandardItem("下放测试事项", null, List.of("CITY"));
        Map<String, Object> same = new HashMap<>(Map.of("id", std.get("id").asString(), "kind", "DELEGATE", "mainName", "下放测试事项",
                "exerciseLevels", List.of("CITY"), "legalBasis", "《中华人民共和国行政许可法》第四十二条", "reason", "下放", "urgent", true));
        Api.Response notLower = Api.graphql(Catalog.provincialAdmin(), Catalog.CHANGE_STANDARD, Map.of("input", same));
        assertThat(Catalog.ruleOf(notLower)).isEqualTo("S6");
        assertThat(notLower.errorField()).isEqualTo("exerciseLevels");
        same.put("exerciseLevels", List.of("COUNTY"));
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), Catalog.CHANGE_STANDARD, Map.of("input", same));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/changeStandardItem/item/exerciseLevels").toString()).isEqualTo("[\"COUNTY\"]");
        // now a county can adopt it
        Catalog.adopt(Catalog.LIANSHAN, std.get("id").asString());
    }

    @Test
    void cancelledItemsCannotBeAdopted_S6() {
        JsonNode std = Catalog.newStandardItem("取消测试事项");
        Api.Response r = Api.graphql(Catalog.provincialAdmin(), Catalog.CHANGE_STANDARD, Map.of("input", Map.of(
                "id", std.get("id").asString(), "kind", "CANCEL", "reason", "法律修订，事项取消", "urgent", true)));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        assertThat(r.data().at("/changeStandardItem/item/cancelled").asBoolean()).isTrue();
        Api.Response adopt = Api.graphql(Catalog.admin(), Catalog.ADOPT,
                Map.of("input", Map.of("tenantCode", Catalog.LIANSHAN, "standardItemId", std.get("id").asString())));
        assertThat(Catalog.ruleOf(adopt)).isEqualTo("S6");
        Api.Response again = Api.graphql(Catalog.provincialAdmin(), Catalog.CHANGE_STANDARD, Map.of("input", Map.of(
                "id", std.get("id").asString(), "kind", "CANCEL", "reason", "再次取消", "urgent", true)));
        assertThat(again.errorCode()).isEqualTo("RULE_VIOLATION");
    }
}
