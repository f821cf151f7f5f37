package cn.zwy.search.guide;

import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.search.api.guide.GuideHit;
import cn.zwy.search.api.guide.GuideSearchPage;
import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.search.api.guide.GuideSuggestion;
import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.SixWay;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Public guide search (ADR 0019): checks the request, always scopes it by the citizen's region (S7),
 * pages with keyset cursors on (score, item id) and answers in search-api's records.
 */
@Service
public class GuideSearchService {

    static final int MAX_PAGE = 100;
    /** Longer text is refused before it reaches a word segmenter (issue 10: bounded analysis cost). */
    static final int MAX_TEXT = 50;
    static final int MAX_PREFIX = 20;
    static final int SUGGESTIONS = 8;
    private static final int MAX_FILTER_VALUES = 20;
    private static final Pattern ITEM_UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final GuideIndex index;
    private final GuideStore store;

    GuideSearchService(GuideIndex index, GuideStore store) {
        this.index = index;
        this.store = store;
    }

    public GuideSearchPage search(String text, String regionCode, List<Audience> audience, List<SixWay> tags,
                                  List<String> departments, List<CaseClass> caseClasses, List<String> themes,
                                  Integer first, String after, List<GuideSearchPart> parts) {
        String query = text(text, "text", MAX_TEXT, "搜索内容");
        String region = region(regionCode);
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) throw ApiException.validation("first", "first 应在 1 到 " + MAX_PAGE + " 之间");
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("audience", names("audience", audience));
        filters.put("tags", names("tag", tags));
        filters.put("departments", values("department", departments));
        filters.put("caseClasses", names("caseClass", caseClasses));
        filters.put("themes", values("theme", themes));
        GuideIndex.Result r = index.search(new GuideIndex.Request(query, region, filters, store.hidden(), size + 1,
                after == null ? null : decodeCursor(after), parts(parts)));
        List<GuideIndex.Found> hits = r.hits();
        boolean hasNext = hits.size() > size;
        List<Page.Item<GuideHit>> items = new ArrayList<>();
        for (GuideIndex.Found f : hits.subList(0, Math.min(size, hits.size()))) {
            items.add(new Page.Item<>(encodeCursor(f.score(), f.doc().itemId()), hit(f.doc(), region, f.highlights())));
        }
        Map<String, Map<String, Long>> fc = r.facets();
        return new GuideSearchPage(new Page<>(items, hasNext, r.total()), new GuideSearchPage.Facets(
                counts(fc.get("audience")), counts(fc.get("tags")), counts(fc.get("departments")),
                counts(fc.get("caseClasses")), counts(fc.get("themes"))));
    }

    /** The body a search of the text in the region, {@code first} results, sends to Elasticsearch (the index is the alias). */
    String elasticsearchRequest(String text, String regionCode, int first, List<GuideSearchPart> parts) {
        return index.requestJson(new GuideIndex.Request(text(text, "text", MAX_TEXT, "搜索内容"), region(regionCode),
                Map.of(), store.hidden(), first + 1, null, parts(parts)));
    }

    /** What to compute: the parts named, or all of them when none is (a caller that does not know of parts). */
    static Set<GuideSearchPart> parts(List<GuideSearchPart> parts) {
        return parts == null || parts.isEmpty() ? EnumSet.allOf(GuideSearchPart.class) : EnumSet.copyOf(parts);
    }

    public List<GuideSuggestion> suggest(String prefix, String regionCode) {
        String p = text(prefix, "prefix", MAX_PREFIX, "输入内容");
        String region = region(regionCode);
        Set<String> hidden = store.hidden();
        List<GuideSuggestion> out = new ArrayList<>();
        for (GuideIndex.Suggested s : index.suggest(p, region, SUGGESTIONS * 2)) {
            if (s.doc() == null || hidden.contains(s.doc().tenantCode())) continue;
            out.add(new GuideSuggestion(s.text(), s.doc().itemId(), s.doc().name(), s.doc().tenantCode(), s.doc().tenantName(),
                    s.doc().oneThing()));
            if (out.size() == SUGGESTIONS) break;
        }
        return out;
    }

    /** One guide as search shows it, only when the citizen's region may see it (the scope applies to get-by-id too). */
    public GuideHit guide(String tenantCode, String id, String regionCode) {
        String region = region(regionCode);
        if (!DivisionCodes.isTenant(tenantCode) || id == null || !ITEM_UUID.matcher(id).matches()) {
            throw ApiException.notFound("id", "未找到该办事指南");
        }
        GuideDocument d = index.get(tenantCode + ":" + id);
        if (d == null || d.withdrawn() || store.hidden().contains(d.tenantCode())
                || d.scope().stream().noneMatch(GuideDocument.scopeOf(region)::contains)) {
            throw ApiException.notFound("id", "未找到该办事指南，或该事项不能在 " + region + " 办理");
        }
        return hit(d, region, Map.of());
    }

    static GuideHit hit(GuideDocument d, String region, Map<String, List<String>> highlights) {
        List<GuideHit.Highlight> hl = new ArrayList<>();
        if (highlights != null) highlights.forEach((field, fragments) -> hl.add(new GuideHit.Highlight(field, fragments)));
        return new GuideHit(d.itemId(), d.versionId(), d.tenantCode(), d.tenantName(), d.basicCode(), d.name(), d.aliases(),
                d.itemType() == null || d.oneThing() ? null : ItemType.valueOf(d.itemType()),
                d.audience().stream().map(Audience::valueOf).toList(), d.tags().stream().map(SixWay::valueOf).toList(),
                d.department(), d.caseClass() == null ? null : CaseClass.valueOf(d.caseClass()), d.themes(), d.onlineFiling(),
                CrossRegionScope.valueOf(d.crossRegion()), d.versionNumber(), d.effectiveFrom(),
                d.countyCode().equals(region.substring(0, 6)), hl, d.oneThing());
    }

    private static String text(String raw, String field, int max, String label) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) throw ApiException.validation(field, "请输入" + label);
        if (t.indexOf('\0') >= 0) throw ApiException.validation(field, label + "含有不允许的空字符");
        if (t.codePointCount(0, t.length()) > max) {
            throw ApiException.validation(field, label + "不能超过 " + max + " 个字");
        }
        return t;
    }

    /** The citizen's region: a county, town or village (a guide's scope is decided from the county up). */
    static String region(String regionCode) {
        if (regionCode == null || regionCode.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION, "搜索必须限定地区，请提供办事人所在的区县、乡镇或村（社区）代码", "regionCode", "S7");
        }
        if (!DivisionCodes.isDivision(regionCode) || regionCode.length() < 6) {
            throw ApiException.validation("regionCode", "地区代码应为区县（6 位）、乡镇（9 位）或村（社区，12 位）代码: " + regionCode);
        }
        return regionCode;
    }

    private static <E extends Enum<E>> List<String> names(String field, List<E> values) {
        if (values == null) return List.of();
        if (values.size() > MAX_FILTER_VALUES) throw ApiException.validation(field, "筛选值不能超过 " + MAX_FILTER_VALUES + " 个");
        return values.stream().map(Enum::name).distinct().toList();
    }

    private static List<String> values(String field, List<String> values) {
        if (values == null) return List.of();
        if (values.size() > MAX_FILTER_VALUES) throw ApiException.validation(field, "筛选值不能超过 " + MAX_FILTER_VALUES + " 个");
        for (String v : values) {
            if (v == null || v.isBlank() || v.length() > 100) throw ApiException.validation(field, "筛选值应为 1 到 100 个字符");
        }
        return values.stream().map(String::strip).distinct().toList();
    }

    private static List<GuideSearchPage.FacetCount> counts(Map<String, Long> m) {
        if (m == null) return List.of();
        return m.entrySet().stream().map(e -> new GuideSearchPage.FacetCount(e.getKey(), e.getValue())).toList();
    }

    /** The cursor of a result: its score and item id, the sort values search_after continues from. */
    static String encodeCursor(double score, String itemId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("gs|" + score + "|" + itemId).getBytes(StandardCharsets.UTF_8));
    }

    static GuideIndex.Cursor decodeCursor(String cursor) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (p.length != 3 || !p[0].equals("gs")) throw new IllegalArgumentException();
            double score = Double.parseDouble(p[1]);
            if (!Double.isFinite(score) || p[2].length() > 60) throw new IllegalArgumentException();
            return new GuideIndex.Cursor(score, p[2]);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("after", "分页游标无效");
        }
    }
}
