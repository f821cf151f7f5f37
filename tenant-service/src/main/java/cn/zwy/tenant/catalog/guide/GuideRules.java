package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.catalog.Texts;
import cn.zwy.tenant.api.catalog.TimeLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a guide's content. {@link #malformed} (formats, lengths, S2/S4 consistency, S5)
 * applies to every draft; {@link #missing} (S3: what a published guide shows) applies when
 * publishing. Field paths start with {@code guide.} as in the staff API's input.
 */
public final class GuideRules {

    static final String P = "guide.";
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");
    static final int MAX_LIST = 60;
    private static final Pattern QUEUE_CATEGORY = Pattern.compile("[A-Z][A-Z0-9]{0,5}");

    private GuideRules() {}

    /** Problems of form and consistency; {@code legalLimit} is the standard item's (null: no law sets one). */
    public static List<Problem> malformed(GuideContent c, TimeLimit legalLimit) {
        List<Problem> out = new ArrayList<>();
        Texts.name(out, P + "implementingAgency", c.implementingAgency(), 200, "实施机构");
        Texts.text(out, P + "acceptanceConditions", c.acceptanceConditions(), 2000, "受理条件");
        Texts.text(out, P + "fillingNotes", c.fillingNotes(), 2000, "填报须知");
        Texts.text(out, P + "acceptanceStandard", c.acceptanceStandard(), 2000, "受理标准");
        Texts.name(out, P + "quantityLimit", c.quantityLimit(), 200, "数量限制");
        Texts.phone(out, P + "consultPhone", c.consultPhone(), "咨询电话");
        Texts.phone(out, P + "supervisionPhone", c.supervisionPhone(), "监督电话");
        listSize(out, "audience", c.audience());
        if (c.audience() != null && c.audience().stream().anyMatch(java.util.Objects::isNull)) out.add(Problem.format(P + "audience", "服务对象不能为空值"));
        materials(out, c);
        // G2: the situation-based questionnaire, checked against this guide's materials and windows
        out.addAll(cn.zwy.tenant.api.catalog.QuestionnaireRules.check(c.questionnaire(), c, P + "questionnaire"));
        // G3: the item's own form fields (asked once across a package)
        out.addAll(cn.zwy.tenant.api.catalog.FormFields.check(c.formFields(), P + "formFields"));
        // G1: the queue's business category serving the item, as windows name theirs (A5)
        if (c.queueCategory() != null && !QUEUE_CATEGORY.matcher(c.queueCategory()).matches()) {
            out.add(Problem.format(P + "queueCategory", "排队业务类别代码应为 1–6 位大写字母或数字、字母开头（如 A、GA）: " + c.queueCategory()));
        }
        listSize(out, "steps", c.steps());
        if (c.steps() != null) for (int i = 0; i < c.steps().size(); i++) {
            GuideContent.Step s = c.steps().get(i);
            String f = P + "steps[" + i + "]";
            if (s == null || s.name() == null) { out.add(Problem.format(f + ".name", "流程环节名称不能为空")); continue; }
            Texts.name(out, f + ".name", s.name(), 50, "流程环节名称");
            Texts.text(out, f + ".description", s.description(), 1000, "环节说明");
        }
        listSize(out, "fees", c.fees());
        if (c.fees() != null) for (int i = 0; i < c.fees().size(); i++) {
            GuideContent.Fee fee = c.fees().get(i);
            String f = P + "fees[" + i + "]";
            if (fee == null || fee.name() == null) { out.add(Problem.format(f + ".name", "收费项目名称不能为空")); continue; }
            Texts.name(out, f + ".name", fee.name(), 100, "收费项目名称");
            if (fee.standard() == null) out.add(Problem.format(f + ".standard", "必须写明收费标准"));
            Texts.text(out, f + ".standard", fee.standard(), 300, "收费标准");
            if (fee.basis() == null) out.add(Problem.format(f + ".basis", "收费必须写明依据（S3）"));
            Texts.text(out, f + ".basis", fee.basis(), 500, "收费依据");
            if (fee.amount() != null && !AMOUNT.matcher(fee.amount()).matches()) {
                out.add(Problem.format(f + ".amount", "金额应为以元计的数字，最多两位小数（如 20、8.50）: " + fee.amount()));
            }
        }
        fileRef(out, P + "resultSample", c.resultSample(), "结果样本");
        listSize(out, "windows", c.windows());
        if (c.windows() != null) for (int i = 0; i < c.windows().size(); i++) {
            GuideContent.WindowInfo w = c.windows().get(i);
            String f = P + "windows[" + i + "]";
            if (w == null || w.name() == null) { out.add(Problem.format(f + ".name", "窗口名称不能为空")); continue; }
            Texts.name(out, f + ".name", w.name(), 100, "窗口名称");
            Texts.name(out, f + ".location", w.location(), 200, "窗口位置");
            Texts.text(out, f + ".hours", w.hours(), 200, "办理时间");
        }
        listSize(out, "faq", c.faq());
        if (c.faq() != null) for (int i = 0; i < c.faq().size(); i++) {
            GuideContent.Faq q = c.faq().get(i);
            String f = P + "faq[" + i + "]";
            if (q == null || q.question() == null || q.answer() == null) { out.add(Problem.format(f, "常见问题须有问题和解答")); continue; }
            Texts.text(out, f + ".question", q.question(), 300, "问题");
            Texts.text(out, f + ".answer", q.answer(), 2000, "解答");
        }
        if (c.tags() != null && (c.tags().stream().anyMatch(java.util.Objects::isNull) || c.tags().stream().distinct().count() != c.tags().size())) {
            out.add(Problem.format(P + "tags", "“六办”标签不能为空值或重复"));
        }
        promisedLimit(out, c, legalLimit);
        sixWays(out, c);
        return out;
    }

    private static void materials(List<Problem> out, GuideContent c) {
        listSize(out, "materials", c.materials());
        if (c.materials() == null) return;
        for (int i = 0; i < c.materials().size(); i++) {
            GuideContent.Material m = c.materials().get(i);
            String f = P + "materials[" + i + "]";
            if (m == null || m.name() == null) { out.add(Problem.format(f + ".name", "材料名称不能为空")); continue; }
            Texts.name(out, f + ".name", m.name(), 100, "材料名称");
            if (m.form() == null) out.add(Problem.format(f + ".form", "须注明原件或复印件"));
            if (m.medium() == null) out.add(Problem.format(f + ".medium", "须注明材料介质（纸质或电子）"));
            if (m.required() == null) out.add(Problem.format(f + ".required", "须注明是否必要材料"));
            if (m.copies() == null || m.copies() < 1 || m.copies() > 20) out.add(Problem.format(f + ".copies", "份数应为 1 到 20"));
            if (Boolean.TRUE.equals(m.toleratedMissing())) {
                if (Boolean.FALSE.equals(m.required())) {
                    out.add(Problem.format(f + ".toleratedMissing", "非必要材料无需容缺；容缺只适用于必要的次要材料"));
                } else if (!Boolean.TRUE.equals(c.toleratedMissing())) {
                    out.add(Problem.rule("C5", f + ".toleratedMissing", "事项未开通容缺受理（toleratedMissing），材料不能设为可容缺"));
                }
            }
            fileRef(out, f + ".blankForm", m.blankForm(), "空白表格");
            fileRef(out, f + ".sample", m.sample(), "示例样表");
            Texts.text(out, f + ".acceptanceStandard", m.acceptanceStandard(), 1000, "材料受理标准");
            Texts.text(out, f + ".notes", m.notes(), 500, "材料说明");
        }
    }

    /** S4 and S5: instant items finish on the spot; a promised limit is shorter than the legal one. */
    private static void promisedLimit(List<Problem> out, GuideContent c, TimeLimit legal) {
        TimeLimit p = c.promisedLimit();
        if (p == null) return;
        if (p.value() == null || p.value() < 0 || p.value() > TimeLimit.MAX_DAYS) {
            out.add(Problem.format(P + "promisedLimit.value", "承诺时限应为 0 到 " + TimeLimit.MAX_DAYS + " 天（0 为即办）"));
            return;
        }
        if (p.unit() == null) { out.add(Problem.format(P + "promisedLimit.unit", "承诺时限须注明单位")); return; }
        if (c.caseClass() == CaseClass.INSTANT && p.value() != 0) {
            out.add(Problem.rule("S4", P + "promisedLimit.value", "即办件当场办结，承诺时限应为 0（收到 " + p + "）"));
        }
        if (c.caseClass() != null && c.caseClass() != CaseClass.INSTANT && p.value() == 0) {
            out.add(Problem.rule("S4", P + "caseClass", "承诺时限为 0（当场办结）的事项应为即办件"));
        }
        if (legal != null) {
            Problem s5 = s5(p, legal);
            if (s5 != null) out.add(s5);
        }
    }

    /**
     * S5 for one well-formed promised limit against one legal limit: the same unit, and shorter.
     * Null when the promise keeps the rule.
     */
    static Problem s5(TimeLimit promised, TimeLimit legal) {
        if (legal.unit() != promised.unit()) {
            return Problem.rule("S5", P + "promisedLimit.unit", "法定时限以" + legal.unit().label().substring(1)
                    + "计，承诺时限须用同一单位以便比较（收到 " + promised + "）");
        }
        if (promised.value() >= legal.value()) {
            return Problem.rule("S5", P + "promisedLimit.value", "承诺时限必须短于法定时限：法定 " + legal + "，承诺 " + promised);
        }
        return null;
    }

    /** S2: a tag promises something the guide must actually offer. */
    private static void sixWays(List<Problem> out, GuideContent c) {
        List<SixWay> tags = c.tags() == null ? List.of() : c.tags();
        if (tags.contains(SixWay.TOLERATED_MISSING)) {
            boolean anyTolerated = c.materials() != null && c.materials().stream()
                    .anyMatch(m -> m != null && Boolean.TRUE.equals(m.toleratedMissing()));
            if (!Boolean.TRUE.equals(c.toleratedMissing()) || !anyTolerated) {
                out.add(Problem.rule("S2", P + "tags", "“容缺办”须开通容缺受理，并至少有一份可容缺的材料"));
            }
        }
        if (tags.contains(SixWay.FULLY_ONLINE) && !Boolean.TRUE.equals(c.onlineFiling())) {
            out.add(Problem.rule("S2", P + "tags", "“全网办”须允许网上申报（onlineFiling）"));
        }
        if (tags.contains(SixWay.IMMEDIATE) && c.caseClass() != null && c.caseClass() != CaseClass.INSTANT) {
            out.add(Problem.rule("S2", P + "tags", "“马上办”事项应为即办件"));
        }
    }

    /** S3: what a published guide must show; each absent field is one problem. */
    public static List<Problem> missing(GuideContent c) {
        List<Problem> out = new ArrayList<>();
        need(out, c.implementingAgency(), "implementingAgency", "实施机构");
        need(out, nonEmpty(c.audience()), "audience", "服务对象");
        need(out, c.acceptanceConditions(), "acceptanceConditions", "受理条件");
        need(out, nonEmpty(c.materials()), "materials", "申请材料");
        need(out, c.fillingNotes(), "fillingNotes", "填报须知");
        need(out, c.acceptanceStandard(), "acceptanceStandard", "受理标准");
        need(out, nonEmpty(c.steps()), "steps", "办理流程");
        need(out, c.promisedLimit(), "promisedLimit", "承诺办结时限");
        need(out, c.caseClass(), "caseClass", "办件类型");
        need(out, c.fees(), "fees", "收费情况（不收费请填空列表）");
        need(out, c.resultSample(), "resultSample", "结果样本");
        need(out, c.expressDelivery(), "expressDelivery", "是否支持物流快递");
        need(out, c.quantityLimit(), "quantityLimit", "数量限制");
        need(out, c.consultPhone(), "consultPhone", "咨询电话");
        need(out, c.supervisionPhone(), "supervisionPhone", "监督电话");
        need(out, nonEmpty(c.windows()), "windows", "窗口办理信息");
        need(out, nonEmpty(c.faq()), "faq", "常见问题");
        need(out, c.booking(), "booking", "是否可预约");
        need(out, c.onlineFiling(), "onlineFiling", "是否可网上申报");
        need(out, c.toleratedMissing(), "toleratedMissing", "是否可容缺受理");
        need(out, c.crossRegion(), "crossRegion", "通办范围");
        if (c.materials() != null) for (int i = 0; i < c.materials().size(); i++) {
            GuideContent.Material m = c.materials().get(i);
            if (m != null && m.acceptanceStandard() == null) {
                out.add(Problem.rule("S3", P + "materials[" + i + "].acceptanceStandard", "发布前须填写材料“" + m.name() + "”的受理标准"));
            }
        }
        if (c.windows() != null) for (int i = 0; i < c.windows().size(); i++) {
            GuideContent.WindowInfo w = c.windows().get(i);
            if (w != null && (w.location() == null || w.hours() == null)) {
                out.add(Problem.rule("S3", P + "windows[" + i + "]", "发布前须填写窗口位置和办理时间"));
            }
        }
        return out;
    }

    private static Object nonEmpty(List<?> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static void need(List<Problem> out, Object value, String field, String label) {
        if (value == null) out.add(Problem.rule("S3", P + field, "发布前须填写：" + label));
    }

    private static void listSize(List<Problem> out, String field, List<?> list) {
        if (list != null && list.size() > MAX_LIST) out.add(Problem.format(P + field, "最多 " + MAX_LIST + " 项（收到 " + list.size() + " 项）"));
    }

    private static void fileRef(List<Problem> out, String field, GuideContent.FileRef f, String label) {
        if (f == null) return;
        if (f.title() == null) out.add(Problem.format(field + ".title", label + "须有标题"));
        Texts.name(out, field + ".title", f.title(), 100, label + "标题");
        if (f.ref() == null) out.add(Problem.format(field + ".ref", label + "须有文件引用"));
        Texts.fileRef(out, field + ".ref", f.ref(), label);
    }
}
