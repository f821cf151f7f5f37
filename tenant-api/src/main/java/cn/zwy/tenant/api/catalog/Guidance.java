package cn.zwy.tenant.api.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.catalog.Questionnaire.Option;
import cn.zwy.tenant.api.catalog.Questionnaire.Outcome;
import cn.zwy.tenant.api.catalog.Questionnaire.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a questionnaire (G2) with the answers given so far: from the first question along the
 * answers to the next unanswered question, or to the outcome. Answers to questions off the path
 * (an earlier answer changed) are not used, so nothing that does not apply is asked or kept.
 * Pure and allocation-light: a guide read evaluates it on every step (measured in
 * {@code docs/benchmarks/guidance.md}).
 */
public final class Guidance {

    private Guidance() {}

    /** One answer as the applicant gives it: CHOICE the option's value, YES_NO "YES"/"NO", NUMBER digits. */
    public record Answer(String questionId, String value) {}

    /** A question on the path with its answer and the option's label. */
    public record Step(String questionId, String question, String value, String label) {}

    /** Where the walk stands: the answered path, then either the next question or the outcome. */
    public record Result(List<Step> answered, Question next, Outcome outcome) {
        public boolean complete() { return outcome != null; }
    }

    /**
     * @throws cn.zwy.common.error.ApiException VALIDATION for an answer that is not one of the question's
     *         options (field {@code answers[i].value}, rule G2)
     */
    public static Result evaluate(Questionnaire q, List<Answer> answers) {
        Map<String, Integer> given = new HashMap<>();
        if (answers != null) {
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                if (a == null || a.questionId() == null) {
                    throw malformed("answers[" + i + "].questionId", "缺少所回答的问题");
                }
                if (given.putIfAbsent(a.questionId(), i) != null) {
                    throw malformed("answers[" + i + "].questionId", "同一问题只能回答一次: " + a.questionId());
                }
            }
        }
        Map<String, Question> questions = new HashMap<>();
        for (Question x : q.questions()) questions.put(x.id(), x);
        Map<String, Outcome> outcomes = new HashMap<>();
        for (Outcome o : q.outcomes()) outcomes.put(o.id(), o);
        List<Step> path = new ArrayList<>();
        Question current = q.questions().getFirst();
        // a published questionnaire has no loop (QuestionnaireRules); the bound keeps a bad one from spinning
        for (int guard = 0; guard <= q.questions().size(); guard++) {
            Integer at = given.get(current.id());
            if (at == null) return new Result(path, current, null);
            String value = answers.get(at).value();
            Option chosen = choose(current, value);
            if (chosen == null) {
                throw malformed("answers[" + at + "].value", "“" + current.text() + "”的回答不在可选范围内: " + value);
            }
            path.add(new Step(current.id(), current.text(), value.strip(), chosen.label()));
            Outcome o = outcomes.get(chosen.next());
            if (o != null) return new Result(path, null, o);
            current = questions.get(chosen.next());
            if (current == null) throw new IllegalStateException("questionnaire leads nowhere: " + chosen.next());
        }
        throw new IllegalStateException("questionnaire loops");
    }

    /** An answer that is not one of the question's: malformed input (VALIDATION) under rule G2. */
    private static ApiException malformed(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION, message, field, "G2");
    }

    /** The option an answer selects, or null when it selects none. */
    static Option choose(Question question, String value) {
        if (value == null) return null;
        String v = value.strip();
        if (question.type() == Questionnaire.QuestionType.NUMBER) {
            if (!v.matches("-?[0-9]{1,9}")) return null;
            int n = Integer.parseInt(v);
            for (Option o : question.options()) {
                if ((o.min() == null || n >= o.min()) && (o.max() == null || n <= o.max())) return o;
            }
            return null;
        }
        for (Option o : question.options()) if (v.equals(o.value())) return o;
        return null;
    }
}
