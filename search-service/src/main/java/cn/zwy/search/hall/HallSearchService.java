package cn.zwy.search.hall;

import cn.zwy.common.api.Page;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.HallLevel;
import cn.zwy.tenant.api.hall.HallView;
import cn.zwy.tenant.api.hall.TimeRange;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;

/** Public hall search: checks the request, always within a region (T2), and pages the results. */
@Service
public class HallSearchService {

    static final int MAX_PAGE = 100;
    static final int MAX_TEXT = 100;

    private final HallIndex index;

    HallSearchService(HallIndex index) {
        this.index = index;
    }

    public Page<HallView> search(String text, String regionPrefix, Integer first, String after) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) throw ApiException.validation("text", "请输入搜索内容");
        if (query.codePointCount(0, query.length()) > MAX_TEXT) {
            throw ApiException.validation("text", "搜索内容不能超过 " + MAX_TEXT + " 个字");
        }
        if (regionPrefix == null || regionPrefix.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION, "搜索必须限定地区，请提供 regionPrefix", "regionPrefix", "T2");
        }
        if (!DivisionCodes.isDivision(regionPrefix)) {
            throw ApiException.validation("regionPrefix", "行政区划代码格式不正确（应为 2、4、6、9 或 12 位数字）: " + regionPrefix);
        }
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) throw ApiException.validation("first", "first 应在 1 到 " + MAX_PAGE + " 之间");
        int from = after == null ? 0 : decodeCursor(after);

        HallIndex.Hits hits = index.search(query, regionPrefix, from, Math.min(size, HallIndex.MAX_RESULT_WINDOW - from));
        List<Page.Item<HallView>> items = new ArrayList<>();
        for (HallDocument hall : hits.halls()) {
            items.add(new Page.Item<>(encodeCursor(from + items.size() + 1), view(hall)));
        }
        boolean hasNext = from + items.size() < Math.min(hits.total(), HallIndex.MAX_RESULT_WINDOW);
        return new Page<>(items, hasNext, hits.total());
    }

    /** A found hall as tenant-service shows it (tenant-api's record: the gateway reads every hall alike). */
    static HallView view(HallDocument d) {
        List<DayHours> hours = d.openingHours() == null ? List.of() : d.openingHours().stream()
                .map(h -> new DayHours(h.weekday(), h.periods().stream().map(p -> new TimeRange(p.opens(), p.closes())).toList()))
                .toList();
        return new HallView(d.hallId(), d.tenantCode(), d.regionCode(), HallLevel.valueOf(d.level()), d.main(), d.name(),
                d.address(), d.phone(), hours, (int) d.version(), d.updatedAt());
    }

    /** The cursor of a result is the offset of the one after it. */
    static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("hs:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("hs:")) throw new IllegalArgumentException();
            int offset = Integer.parseInt(s.substring(3));
            if (offset < 1 || offset >= HallIndex.MAX_RESULT_WINDOW) throw new IllegalArgumentException();
            return offset;
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("after", "分页游标无效: " + cursor);
        }
    }
}
