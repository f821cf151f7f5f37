package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * Shared GraphQL documents and helpers of the catalog tests. Every test makes its own standard
 * item (a random main code) and adopts it, so tests depend neither on each other nor on the demo
 * catalog's state.
 */
final class Catalog {

    static final String LIANSHAN = "441825";
    static final String TAISHAN = "440781";

    static final String VERSION_FIELDS = """
            id itemId number status state changeKind reason announcedAt effectiveFrom
            standard { id basicCode name legalLimit { value unit } }
            guide { implementingAgency promisedLimit { value unit } caseClass consultPhone tags
                    materials { name form copies medium required toleratedMissing acceptanceStandard } }""";

    static final String ITEM = "query($id: ID!) { item(id: $id) { id name tenantCode basicCode current { " + VERSION_FIELDS
            + " } upcoming { " + VERSION_FIELDS + " } draft { " + VERSION_FIELDS + " } versions(first: 20) { edges { node { id number status state effectiveFrom } } } } }";

    static final String ITEMS = """
            query($t: ID!, $f: ItemFilter, $first: Int, $after: String) { items(tenantCode: $t, filter: $f, first: $first, after: $after) {
              pageInfo { hasNextPage endCursor } edges { cursor node { id basicCode name department promisedLimit { value unit }
              tags toleratedMissing crossRegion status versionNumber effectiveFrom } } } }""";

    static final String ADD_STANDARD = """
            mutation($input: AddStandardItemInput!) { addStandardItem(input: $input) {
              item { id basicCode name legalLimit { value unit } exerciseLevels cancelled version { number kind urgent effectiveFrom state } }
              warnings } }""";

    static final String CHANGE_STANDARD = """
            mutation($input: ChangeStandardItemInput!) { changeStandardItem(input: $input) {
              item { id name exerciseLevels cancelled legalLimit { value unit } version { number kind reason urgent effectiveFrom state } }
              warnings } }""";

    static final String STANDARD_ITEMS_BY_TEXT = "query($p: ID!, $text: String) { standardItems(provinceCode: $p, text: $text) { edges { node { id name } } } }";

    static final String ADOPT = "mutation($input: AdoptStandardItemInput!) { adoptStandardItem(input: $input) { item { id name draft { id status } } } }";

    static final String SAVE_DRAFT = "mutation($input: SaveGuideDraftInput!) { saveGuideDraft(input: $input) { draft { "
            + VERSION_FIELDS + " } missingForPublication { field message rule } } }";

    static final String PUBLISH = "mutation($input: PublishGuideInput!) { publishGuide(input: $input) { version { " + VERSION_FIELDS + " } warnings } }";

    static final String WITHDRAW = "mutation($input: WithdrawGuideInput!) { withdrawGuide(input: $input) { version { " + VERSION_FIELDS + " } warnings } }";

    static final String VALIDATE = "query($id: ID!) { validateGuide(itemId: $id) { publishable problems { field message rule } } }";

    static final String GUIDE_VERSION = "query($id: ID!) { guideVersion(id: $id) { " + VERSION_FIELDS + " } }";

    private Catalog() {}

    static String admin() { return Tokens.staff("lianshan.admin"); }

    static String provincialAdmin() { return Tokens.staff("gd.admin"); }

    /** A main code no other test of this run uses (5 digits, from 10000). */
    static String uniqueMainCode() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(10000, 100000));
    }

    /** Adds an item to Guangdong's catalog, urgent so that it is in effect today; returns the standard item. */
    static JsonNode newStandardItem(String name, Map<String, Object> legalLimit, List<String> levels) {
        Map<String, Object> input = new HashMap<>(Map.of("provinceCode", "44", "itemType", "LICENSE", "mainCode", uniqueMainCode(),
                "subCode", "000", "mainName", name, "exerciseLevels", levels,
                "legalBasis", "《中华人民共和国行政许可法》第四十二条", "reason", "测试：新增事项", "urgent", true));
        if (legalLimit != null) input.put("legalLimit", legalLimit);
        Api.Response r = Api.graphql(provincialAdmin(), ADD_STANDARD, Map.of("input", input));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/addStandardItem/item");
    }

    static JsonNode newStandardItem(String name) {
        return newStandardItem(name, Map.of("value", 20, "unit", "WORKING_DAY"), List.of("COUNTY"));
    }

    /** Adopts a new standard item for 连山 and returns the item id ("441825:uuid"). */
    static String newItem(String name) {
        return adopt(LIANSHAN, newStandardItem(name).get("id").asString());
    }

    static String adopt(String tenant, String standardItemId) {
        Api.Response r = Api.graphql(admin(), ADOPT, Map.of("input", Map.of("tenantCode", tenant, "standardItemId", standardItemId)));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().at("/adoptStandardItem/item/id").asString();
    }

    /** A guide with every field S3 requires, promised in {@code promised} working days. */
    static Map<String, Object> completeGuide(int promised) {
        Map<String, Object> g = new HashMap<>();
        g.put("implementingAgency", "连山壮族瑶族自治县市场监督管理局");
        g.put("audience", List.of("INDIVIDUAL", "ENTERPRISE"));
        g.put("acceptanceConditions", "申请人具备相应经营条件");
        g.put("materials", new ArrayList<>(List.of(
                material("申请书", false),
                material("经营场所使用证明", true))));
        g.put("fillingNotes", "用黑色签字笔填写");
        g.put("acceptanceStandard", "材料齐全、符合法定形式");
        g.put("steps", List.of(Map.of("name", "受理", "description", "窗口受理"), Map.of("name", "决定")));
        g.put("promisedLimit", Map.of("value", promised, "unit", "WORKING_DAY"));
        g.put("caseClass", promised == 0 ? "INSTANT" : "PROMISED");
        g.put("fees", List.of());
        g.put("resultSample", Map.of("title", "许可证（样本）", "ref", "file:test/sample.pdf"));
        g.put("expressDelivery", true);
        g.put("quantityLimit", "无数量限制");
        g.put("consultPhone", "0763-6612345");
        g.put("supervisionPhone", "12345");
        g.put("windows", List.of(Map.of("name", "综合受理窗口", "location", "连山县政务服务中心一楼", "hours", "工作日 8:30—11:30，14:30—17:30")));
        g.put("faq", List.of(Map.of("question", "可以网上办吗？", "answer", "可以。")));
        g.put("tags", List.of("TOLERATED_MISSING"));
        g.put("booking", true);
        g.put("onlineFiling", true);
        g.put("toleratedMissing", true);
        g.put("crossRegion", "SAME_CITY");
        return g;
    }

    static Map<String, Object> material(String name, boolean tolerated) {
        Map<String, Object> m = new HashMap<>(Map.of("name", name, "form", "ORIGINAL", "copies", 1, "medium", "PAPER",
                "required", true, "toleratedMissing", tolerated, "acceptanceStandard", "内容完整、签章齐全"));
        m.put("blankForm", Map.of("title", name + "（空白）", "ref", "https://example.gov.cn/forms/blank.docx"));
        return m;
    }

    static Api.Response saveDraft(String token, String itemId, Map<String, Object> guide) {
        return Api.graphql(token, SAVE_DRAFT, Map.of("input", Map.of("itemId", itemId, "guide", guide)));
    }

    static Api.Response publish(String token, String itemId, String reason, String effectiveFrom) {
        Map<String, Object> input = new HashMap<>(Map.of("itemId", itemId));
        if (reason != null) input.put("reason", reason);
        if (effectiveFrom != null) input.put("effectiveFrom", effectiveFrom);
        return Api.graphql(token, PUBLISH, Map.of("input", input));
    }

    static JsonNode item(String token, String id) {
        Api.Response r = Api.graphql(token, ITEM, Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().get("item");
    }

    static String ruleOf(Api.Response r) {
        JsonNode e = r.errors();
        return e == null || e.isEmpty() ? null : e.get(0).path("extensions").path("rule").asString(null);
    }
}
