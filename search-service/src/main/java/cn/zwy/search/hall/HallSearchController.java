package cn.zwy.search.hall;

import cn.zwy.common.api.Page;
import cn.zwy.search.api.SearchApi;
import cn.zwy.tenant.api.hall.HallView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal REST (public data; the paths of {@link SearchApi}): hall search, one {@link Page} of halls, best first. Parameters are optional here so the service names what is missing. */
@RestController
public class HallSearchController {

    private final HallSearchService search;

    public HallSearchController(HallSearchService search) {
        this.search = search;
    }

    @GetMapping(SearchApi.HALL_SEARCH)
    public Page<HallView> search(@RequestParam(required = false) String text,
                                 @RequestParam(required = false) String regionPrefix,
                                 @RequestParam(required = false) Integer first,
                                 @RequestParam(required = false) String after) {
        return search.search(text, regionPrefix, first, after);
    }
}
