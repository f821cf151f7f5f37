package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.MaterialMedium;
import cn.zwy.tenant.api.catalog.MaterialForm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.tenant.api.catalog.Audience;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.TimeLimit;
import cn.zwy.tenant.api.catalog.GuideContent.Faq;
import cn.zwy.tenant.api.catalog.GuideContent.FileRef;
import cn.zwy.tenant.api.catalog.GuideContent.Material;
import cn.zwy.tenant.api.catalog.GuideContent.Step;
import cn.zwy.tenant.api.catalog.GuideContent.WindowInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuideRulesTest {

    private static final TimeLimit LEGAL = new TimeLimit(20, LimitUnit.WORKING_DAY);

    static GuideContent complete(int promised, CaseClass caseClass, List<SixWay> tags) {
        Material m = new Material("申请书", MaterialForm.ORIGINAL, 1, MaterialMedium.PAPER, true, false, null, null, "签章齐全", null);
        return new GuideContent("测试局", List.of(Audience.INDIVIDUAL), "条件", List.of(m), "须知", "标准",
                List.of(new Step("受理", null)), new TimeLimit(promised, LimitUnit.WORKING_DAY), caseClass, List.of(),
                new FileRef("样本", "file:x.pdf"), false, "无", "12345", "12345", List.of(new WindowInfo("1号窗口", "一楼", "工作日")),
                List.of(new Faq("问", "答")), tags, true, false, false, CrossRegionScope.NONE, null);
    }

    private static List<String> fields(List<Problem> p) {
        return p.stream().map(Problem::field).toList();
    }

    @Test
    void promisedLimitMustBeShorterThanLegal_S5() {
        assertThat(GuideRules.malformed(complete(19, CaseClass.PROMISED, List.of()), LEGAL)).isEmpty();
        List<Problem> equal = GuideRules.malformed(complete(20, CaseClass.PROMISED, List.of()), LEGAL);
        assertThat(equal).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("S5");
            assertThat(p.field()).isEqualTo("guide.promisedLimit.value");
        });
        // where no law sets a limit, the tenant decides
        assertThat(GuideRules.malformed(complete(90, CaseClass.PROMISED, List.of()), null)).isEmpty();
    }

    @Test
    void publishNeedsRequiredGuideFields_S3() {
        assertThat(GuideRules.missing(complete(5, CaseClass.PROMISED, List.of()))).isEmpty();
        List<Problem> empty = GuideRules.missing(GuideContent.empty());
        assertThat(empty).allSatisfy(p -> assertThat(p.rule()).isEqualTo("S3"));
        assertThat(fields(empty)).contains("guide.implementingAgency", "guide.materials", "guide.promisedLimit", "guide.fees",
                "guide.consultPhone", "guide.supervisionPhone", "guide.windows", "guide.faq", "guide.caseClass", "guide.crossRegion");
    }

    @Test
    void instantItemsArePromisedOnTheSpot_S4() {
        assertThat(GuideRules.malformed(complete(0, CaseClass.INSTANT, List.of(SixWay.IMMEDIATE)), LEGAL)).isEmpty();
        assertThat(fields(GuideRules.malformed(complete(2, CaseClass.INSTANT, List.of()), LEGAL))).contains("guide.promisedLimit.value");
        assertThat(fields(GuideRules.malformed(complete(0, CaseClass.PROMISED, List.of()), LEGAL))).contains("guide.caseClass");
    }

    @Test
    void sixWaysTagsMustBeBackedByTheGuide_S2() {
        List<Problem> p = GuideRules.malformed(complete(5, CaseClass.PROMISED, List.of(SixWay.TOLERATED_MISSING, SixWay.FULLY_ONLINE)), LEGAL);
        // neither 容缺 acceptance nor online filing is offered: both tags are refused
        assertThat(p).hasSize(2).allSatisfy(x -> assertThat(x.rule()).isEqualTo("S2"));
        assertThat(GuideRules.malformed(complete(5, CaseClass.PROMISED, List.of(SixWay.IMMEDIATE)), LEGAL))
                .extracting(Problem::rule).containsExactly("S2");
    }
}
