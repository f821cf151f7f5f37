package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.tenant.api.catalog.StandardItemInput;
import cn.zwy.tenant.api.catalog.StandardItemView;
import cn.zwy.tenant.api.catalog.ExerciseLevel;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.catalog.Texts;
import cn.zwy.tenant.api.catalog.TimeLimit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a province says about an item and may change over time (S1): names, levels of exercise,
 * legal basis (设定依据), the legal time limit where a law sets one (null: none set), and the
 * accepting system and back-office review points.
 */
public record StandardItemContent(String mainName, String subName, String grandName, List<ExerciseLevel> exerciseLevels,
                                  String legalBasis, TimeLimit legalLimit, String acceptingSystem, String reviewPoints) {

    /** The most specific name: the grand-sub item's, else the sub item's, else the main item's. */
    public String displayName() {
        return grandName != null ? grandName : subName != null ? subName : mainName;
    }

    public ExerciseLevel lowestLevel() {
        return exerciseLevels.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Well-formedness against the item's codes (a sub name exactly when there is a sub code, …). */
    List<Problem> problems(String subCode, String grandCode) {
        List<Problem> out = new ArrayList<>();
        if (mainName == null) out.add(Problem.format("mainName", "主项名称不能为空"));
        Texts.name(out, "mainName", mainName, 100, "主项名称");
        boolean hasSub = subCode != null && !subCode.equals("000");
        if (hasSub && subName == null) out.add(Problem.format("subName", "子项编码为 " + subCode + " 时必须填写子项名称"));
        if (!hasSub && subName != null) out.add(Problem.format("subName", "子项编码为 000（无子项）时不能填写子项名称"));
        Texts.name(out, "subName", subName, 100, "子项名称");
        if (grandCode != null && grandName == null) out.add(Problem.format("grandName", "有孙项编码时必须填写孙项名称"));
        if (grandCode == null && grandName != null) out.add(Problem.format("grandName", "没有孙项编码时不能填写孙项名称"));
        if (grandCode != null && !hasSub) out.add(Problem.format("grandCode", "孙项必须属于某个子项（子项编码不能为 000）"));
        Texts.name(out, "grandName", grandName, 100, "孙项名称");
        if (exerciseLevels == null || exerciseLevels.isEmpty()) {
            out.add(Problem.format("exerciseLevels", "至少指定一个行使层级"));
        } else if (exerciseLevels.stream().anyMatch(java.util.Objects::isNull) || exerciseLevels.stream().distinct().count() != exerciseLevels.size()) {
            out.add(Problem.format("exerciseLevels", "行使层级不能为空或重复"));
        }
        if (legalBasis == null) out.add(Problem.format("legalBasis", "设定依据不能为空"));
        Texts.text(out, "legalBasis", legalBasis, 2000, "设定依据");
        if (legalLimit != null) {
            if (legalLimit.value() == null || legalLimit.value() < 1 || legalLimit.value() > TimeLimit.MAX_DAYS) {
                out.add(Problem.format("legalLimit.value", "法定时限应为 1 到 " + TimeLimit.MAX_DAYS + " 天（法律未规定时不填）"));
            }
            if (legalLimit.unit() == null) out.add(Problem.format("legalLimit.unit", "法定时限须注明单位（工作日或自然日）"));
        }
        Texts.name(out, "acceptingSystem", acceptingSystem, 100, "受理使用系统");
        Texts.text(out, "reviewPoints", reviewPoints, 2000, "审查要点");
        return out;
    }

    StandardItemContent normalised() {
        return new StandardItemContent(Texts.strip(mainName), Texts.strip(subName), Texts.strip(grandName),
                exerciseLevels.stream().sorted().toList(), Texts.strip(legalBasis),
                legalLimit == null ? null : new TimeLimit(legalLimit.value(), legalLimit.unit() == null ? LimitUnit.WORKING_DAY : legalLimit.unit()),
                Texts.strip(acceptingSystem), Texts.strip(reviewPoints));
    }

    /** The content fields of a change (CHANGE, DELEGATE, or a new item). */
    static StandardItemContent of(StandardItemInput in) {
        return new StandardItemContent(in.mainName(), in.subName(), in.grandName(), in.exerciseLevels(), in.legalBasis(),
                in.legalLimit(), in.acceptingSystem(), in.reviewPoints());
    }

    /** The item as of one version (tenant-api's view). */
    static StandardItemView view(StandardItem i, StandardItemVersion v, StandardItemContent c, String state) {
        return new StandardItemView(i.getId(), i.getProvinceCode(), i.getBasicCode(), i.getItemType(), i.getMainCode(),
                c.mainName(), i.getSubCode(), c.subName(), i.getGrandCode(), c.grandName(), c.displayName(),
                c.exerciseLevels(), c.legalBasis(), c.legalLimit(), c.acceptingSystem(), c.reviewPoints(),
                v.getKind() == ChangeKind.CANCEL,
                new StandardItemView.Version(v.getId(), v.getNumber(), v.getKind(), v.getReason(), v.isUrgent(), v.getAnnouncedAt(),
                        v.getEffectiveFrom(), state));
    }
}
