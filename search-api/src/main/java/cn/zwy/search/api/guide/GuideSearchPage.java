package cn.zwy.search.api.guide;

import cn.zwy.common.api.Page;
import java.util.List;

/** One page of found guides and the facets of the whole result (counts under the other filters too). */
public record GuideSearchPage(Page<GuideHit> page, Facets facets) {

    public record Facets(List<FacetCount> audience, List<FacetCount> tags, List<FacetCount> departments,
                         List<FacetCount> caseClasses, List<FacetCount> themes) {}

    public record FacetCount(String value, long count) {}
}
