package cn.zwy.tenant.api.catalog;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.tenant.api.catalog.Questionnaire.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One guidance walk for a whole "one thing" package (G2 + G3): the questionnaires of the package's items are
 * walked together with one set of answers, so a question several items ask (出生登记 and 生育登记 both ask
 * whether the parents are married) is asked once and its answer serves each of them, and only the questions on
 * each item's path are asked. Stateless like {@link Guidance}: the client sends every answer given so far.
 *
 * <p>Questions are shared by their id — the questionnaires' common vocabulary — when they ask the same kind of
 * answer (same type and, for CHOICE and YES_NO, the same answer values). Two items that use one id for questions
 * with different answers would not understand each other's answer: each is then asked on its own, under the key
 * {@code <id>@<n>} (n: the item's place in the package, from 1). A question id never holds an {@code @}.
 */
public final class PackageGuidance {

    private PackageGuidance() {}

    /** An item of the package with its questionnaire (null: none; the item takes its guide's whole materials list). */
    public record Part(String itemId, String name, Questionnaire questionnaire) {}

    /** A question asked for the package: its key, the answer, and the items the answer served. */
    public record Step(String key, String question, String value, String label, List<String> askedFor) {}

    /** The next question, under its package key, and the items waiting for it. */
    public record Next(String key, Question question, List<String> askedFor) {}

    /** A part's own walk (null for an item without questionnaire) and its own answers (question ids of its questionnaire). */
    public record PartResult(Part part, Guidance.Result result, List<Guidance.Answer> answers) {
        public boolean complete() { return result == null || result.complete(); }

        /** Whether the part is filed: false once its walk reached an outcome where the item does not apply (G2). */
        public boolean applies() { return result == null || !result.complete() || !result.outcome().notApplicable(); }
    }

    public record Result(List<Step> answered, Next next, List<PartResult> parts) {
        public boolean complete() { return next == null; }
    }

    private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)](.*)");

    /**
     * @throws ApiException VALIDATION (rule G2) for a key answered twice or an answer outside its question's options,
     *         on the field {@code answers[i]…} of the package's answers
     */
    public static Result evaluate(List<Part> parts, List<Guidance.Answer> answers) {
        Map<String, Integer> given = new HashMap<>();
        List<Guidance.Answer> all = answers == null ? List.of() : answers;
        for (int i = 0; i < all.size(); i++) {
            Guidance.Answer a = all.get(i);
            if (a == null || a.questionId() == null || a.questionId().isBlank()) {
                throw new ApiException(ErrorCode.VALIDATION, "缺少所回答的问题", "answers[" + i + "].questionId", "G2");
            }
            if (given.putIfAbsent(a.questionId(), i) != null) {
                throw new ApiException(ErrorCode.VALIDATION, "同一问题只需回答一次: " + a.questionId(), "answers[" + i + "].questionId", "G2");
            }
        }
        Map<String, Boolean> shared = sharedIds(parts);
        Map<String, Step> steps = new LinkedHashMap<>();
        List<PartResult> results = new ArrayList<>();
        Next next = null;
        for (int n = 0; n < parts.size(); n++) {
            Part part = parts.get(n);
            Questionnaire q = part.questionnaire();
            if (q == null) {
                results.add(new PartResult(part, null, List.of()));
                continue;
            }
            // the part's own answers, in the package's order, remembering where each came from for error fields
            List<Guidance.Answer> own = new ArrayList<>();
            List<Integer> from = new ArrayList<>();
            Map<String, String> keyOf = new HashMap<>();
            for (Question question : q.questions()) {
                String key = key(question.id(), n, shared);
                keyOf.put(question.id(), key);
                Integer at = given.get(key);
                if (at != null) {
                    own.add(new Guidance.Answer(question.id(), all.get(at).value()));
                    from.add(at);
                }
            }
            Guidance.Result r;
            try {
                r = Guidance.evaluate(q, own);
            } catch (ApiException e) {
                throw new ApiException(e.code(), "“" + part.name() + "”：" + e.getMessage(), packageField(e.field(), from), "G2");
            }
            // only the answers on the part's path go into its filing
            List<Guidance.Answer> onPath = r.answered().stream().map(s -> new Guidance.Answer(s.questionId(), s.value())).toList();
            results.add(new PartResult(part, r, onPath));
            for (Guidance.Step s : r.answered()) {
                String key = keyOf.get(s.questionId());
                Step before = steps.get(key);
                List<String> servedFor = new ArrayList<>(before == null ? List.of() : before.askedFor());
                servedFor.add(part.name());
                steps.put(key, new Step(key, before == null ? s.question() : before.question(), s.value(),
                        before == null ? s.label() : before.label(), List.copyOf(servedFor)));
            }
            if (!r.complete()) {
                String key = keyOf.get(r.next().id());
                if (next == null) next = new Next(key, r.next(), List.of(part.name()));
                else if (next.key().equals(key)) {
                    List<String> waiting = new ArrayList<>(next.askedFor());
                    waiting.add(part.name());
                    next = new Next(key, next.question(), List.copyOf(waiting));
                }
            }
        }
        return new Result(List.copyOf(steps.values()), next, List.copyOf(results));
    }

    /** The key a question is asked under in the package: its id when shared (or asked by one item only), else id@n. */
    static String key(String questionId, int partIndex, Map<String, Boolean> shared) {
        return shared.getOrDefault(questionId, true) ? questionId : questionId + "@" + (partIndex + 1);
    }

    /** For each question id used by more than one item: whether all of them ask the same kind of answer. */
    static Map<String, Boolean> sharedIds(List<Part> parts) {
        Map<String, String> shape = new HashMap<>();
        Map<String, Boolean> shared = new HashMap<>();
        for (Part p : parts) {
            if (p.questionnaire() == null) continue;
            for (Question q : p.questionnaire().questions()) {
                String s = shape(q);
                String before = shape.putIfAbsent(q.id(), s);
                if (before != null && !before.equals(s)) shared.put(q.id(), false);
            }
        }
        return shared;
    }

    /** What answers a question takes: its type and, for CHOICE and YES_NO, the set of values (NUMBER: any whole number). */
    private static String shape(Question q) {
        if (q.type() == Questionnaire.QuestionType.NUMBER) return "NUMBER";
        Set<String> values = new TreeSet<>();
        for (Questionnaire.Option o : q.options()) values.add(String.valueOf(o.value()));
        return q.type() + values.toString();
    }

    /** A part's error field ({@code answers[j].value}) as the field of the package's answers it came from. */
    private static String packageField(String field, List<Integer> from) {
        if (field == null) return "answers";
        Matcher m = ANSWER_FIELD.matcher(field);
        if (!m.matches()) return field;
        int j = Integer.parseInt(m.group(1));
        return j < from.size() ? "answers[" + from.get(j) + "]" + m.group(2) : field;
    }
}
