package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideViews;
import cn.zwy.tenant.api.catalog.Questionnaire;
import cn.zwy.tenant.api.organisation.BusinessCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * G1 (智能导办): where a guided applicant goes — what can be done at a kiosk to the self-service area, what is done
 * online nowhere, and everything else straight to the windows of the tenant's halls that serve the item's queue business
 * category (A5: the category a ticket is taken for). Reads the tenant's windows inside the caller's transaction bound to
 * the tenant; the windows are published organisation data, as on the calling screen.
 */
@Component
public class GuideRouting {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    GuideRouting(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The route for an item's guide on {@code channel}; {@code window}: the guide's window named by the outcome, if any. */
    public GuideViews.Route route(GuideContent c, Questionnaire.Channel channel, GuideContent.WindowInfo window) {
        String code = c.queueCategory();
        String categoryName = null;
        List<GuideViews.RouteWindow> windows = new ArrayList<>();
        if (code != null) {
            for (Map<String, Object> w : jdbc.queryForList("""
                    select w.number, w.name, w.categories, h.name as hall from service_window w
                      join hall h on h.tenant_id = w.tenant_id and h.id = w.hall_id
                     order by h.main desc, h.name, length(w.number), w.number""")) {
                String categories = (String) w.get("categories");
                if (categories == null || categories.isBlank()) continue;
                for (BusinessCategory bc : json.readValue(categories, new TypeReference<List<BusinessCategory>>() {})) {
                    if (!code.equals(bc.code())) continue;
                    categoryName = bc.name();
                    windows.add(new GuideViews.RouteWindow((String) w.get("hall"), (String) w.get("number"), (String) w.get("name")));
                }
            }
        }
        String atWindows;
        if (windows.isEmpty()) {
            GuideContent.WindowInfo named = window != null ? window
                    : c.windows() == null || c.windows().isEmpty() ? null : c.windows().getFirst();
            atWindows = "到" + (named == null ? "大厅综合受理窗口" : named.name() + (named.location() == null ? "" : "（" + named.location() + "）"));
        } else {
            List<String> names = windows.stream().map(w -> w.number() + "号" + w.name()).toList();
            atWindows = "取“" + code + "”号（" + categoryName + "），到" + windows.getFirst().hall() + String.join("、", names);
        }
        Questionnaire.Channel ch = channel == null ? Questionnaire.Channel.WINDOW : channel;
        String where = switch (ch) {
            case KIOSK -> "到大厅自助服务区的自助终端办理；需要窗口帮助时请" + atWindows;
            case ONLINE -> "网上办理，无需到大厅；如到大厅办理，请" + atWindows;
            case WINDOW -> "请" + atWindows + "办理";
        };
        return new GuideViews.Route(ch, code, categoryName, List.copyOf(windows), where);
    }
}
