package cn.zwy.search.guide;

import cn.zwy.search.api.guide.GuideHit;
import cn.zwy.search.api.guide.GuideSearchApi;
import cn.zwy.search.api.guide.GuideSearchPage;
import cn.zwy.search.api.guide.GuideSearchPart;
import cn.zwy.search.api.guide.GuideSuggestion;
import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.SixWay;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST (public data; the paths of {@link GuideSearchApi}). Parameters are optional here so the service names what is missing. */
@RestController
class GuideSearchController {

    private final GuideSearchService search;

    GuideSearchController(GuideSearchService search) {
        this.search = search;
    }

    @GetMapping(GuideSearchApi.SEARCH)
    GuideSearchPage search(@RequestParam(required = false) String text, @RequestParam(required = false) String regionCode,
                           @RequestParam(name = "audience", required = false) List<Audience> audience,
                           @RequestParam(name = "tag", required = false) List<SixWay> tags,
                           @RequestParam(name = "department", required = false) List<String> departments,
                           @RequestParam(name = "caseClass", required = false) List<CaseClass> caseClasses,
                           @RequestParam(name = "theme", required = false) List<String> themes,
                           @RequestParam(required = false) Integer first, @RequestParam(required = false) String after,
                           @RequestParam(name = "part", required = false) List<GuideSearchPart> parts) {
        return search.search(text, regionCode, audience, tags, departments, caseClasses, themes, first, after, parts);
    }

    @GetMapping(GuideSearchApi.SUGGEST)
    List<GuideSuggestion> suggest(@RequestParam(required = false) String prefix, @RequestParam(required = false) String regionCode) {
        return search.suggest(prefix, regionCode);
    }

    @GetMapping(GuideSearchApi.GUIDE)
    GuideHit guide(@PathVariable String tenantCode, @PathVariable String id, @RequestParam(required = false) String regionCode) {
        return search.guide(tenantCode, id, regionCode);
    }
}
