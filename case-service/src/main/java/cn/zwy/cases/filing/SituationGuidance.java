package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.SubmitCaseRequest;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.catalog.Guidance;
import java.util.List;

/**
 * G2: the answers of the situation-based guide carried into a filing. They are walked again on the
 * version the case is filed under (the applicant may have answered on an older one), must reach an
 * outcome, and the materials handed in must be ones that outcome asks for; the case keeps the
 * answered path and the outcome for staff, so nothing is asked twice.
 */
final class SituationGuidance {

    private SituationGuidance() {}

    /** The guidance the case keeps, or null when the applicant filed without it. */
    static CaseView.Guidance of(GuideVersion g, List<SubmitCaseRequest.GuidanceAnswer> answers,
                                List<SubmitCaseRequest.MaterialRef> materials) {
        if (answers == null || answers.isEmpty()) return null;
        if (g.questionnaire() == null) {
            throw new ApiException(ErrorCode.VALIDATION, "该事项没有情形引导问卷，无需提交问卷回答", "guidanceAnswers", "G2");
        }
        Guidance.Result r;
        try {
            r = Guidance.evaluate(g.questionnaire(), answers.stream()
                    .map(a -> a == null ? null : new Guidance.Answer(a.questionId(), a.value())).toList());
        } catch (ApiException e) {
            throw new ApiException(e.code(), e.getMessage(), e.field() == null ? "guidanceAnswers" : "guidance" + capital(e.field()), "G2");
        }
        if (!r.complete()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "情形引导尚未答完，还需回答：" + r.next().text(), "guidanceAnswers", "G2");
        }
        if (r.outcome().notApplicable()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "按您的情形无需办理本事项：" + r.outcome().skipReason(), "guidanceAnswers", "G2");
        }
        List<String> wanted = r.outcome().materials() == null ? List.of() : r.outcome().materials();
        if (materials != null) for (int i = 0; i < materials.size(); i++) {
            SubmitCaseRequest.MaterialRef m = materials.get(i);
            if (m != null && m.name() != null && !wanted.contains(m.name())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "按您的情形（" + r.outcome().title() + "）不需要这项材料: " + m.name(),
                        "materials[" + i + "].name", "G2");
            }
        }
        return new CaseView.Guidance(r.answered().stream()
                .map(s -> new CaseView.Answer(s.questionId(), s.question(), s.value(), s.label())).toList(),
                r.outcome().id(), r.outcome().title(), r.outcome().subItem(), r.outcome().channel().name(), wanted);
    }

    /**
     * G2 within a package: why the item does not apply after these answers (its walk reached an outcome saying so), or
     * null when it applies, has no questionnaire, or the answers are incomplete or malformed ({@link #of} says so).
     */
    static String skipReason(GuideVersion g, List<SubmitCaseRequest.GuidanceAnswer> answers) {
        if (answers == null || answers.isEmpty() || g.questionnaire() == null) return null;
        try {
            Guidance.Result r = Guidance.evaluate(g.questionnaire(), answers.stream()
                    .map(a -> a == null ? null : new Guidance.Answer(a.questionId(), a.value())).toList());
            return r.complete() && r.outcome().notApplicable() ? r.outcome().skipReason() : null;
        } catch (ApiException e) {
            return null;
        }
    }

    private static String capital(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
