package cn.zwy.tenant.api.catalog;

import cn.zwy.tenant.api.catalog.Questionnaire.Option;
import cn.zwy.tenant.api.catalog.Questionnaire.Outcome;
import cn.zwy.tenant.api.catalog.Questionnaire.Question;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a questionnaire (G2) unusable, found before it is saved: malformed questions and
 * options, answers leading nowhere, a loop of questions (an applicant would be asked forever), a
 * question or an outcome no answer reaches (the centre meant a situation nobody can get to), and
 * outcomes naming materials or windows the guide does not have. Each problem names its field
 * ({@code guide.questionnaire.questions[1].options[0].next}) and rule G2.
 */
public final class QuestionnaireRules {

    static final int MAX_QUESTIONS = 30;
    static final int MAX_OUTCOMES = 30;
    static final int MAX_OPTIONS = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private QuestionnaireRules() {}

    public static List<Problem> check(Questionnaire q, GuideContent guide, String base) {
        List<Problem> p = new ArrayList<>();
        if (q == null) return p;
        List<Question> questions = q.questions() == null ? List.of() : q.questions();
        List<Outcome> outcomes = q.outcomes() == null ? List.of() : q.outcomes();
        if (questions.isEmpty()) p.add(rule(base + ".questions", "问卷至少要有一个问题"));
        if (outcomes.isEmpty()) p.add(rule(base + ".outcomes", "问卷至少要有一个办理结果"));
        if (questions.size() > MAX_QUESTIONS) p.add(rule(base + ".questions", "问题不能超过 " + MAX_QUESTIONS + " 个"));
        if (outcomes.size() > MAX_OUTCOMES) p.add(rule(base + ".outcomes", "办理结果不能超过 " + MAX_OUTCOMES + " 个"));
        if (!p.isEmpty()) return p;

        Map<String, Integer> questionAt = new HashMap<>();
        Map<String, Integer> outcomeAt = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question x = questions.get(i);
            String f = base + ".questions[" + i + "]";
            if (x == null) { p.add(rule(f, "问题不能为空")); continue; }
            id(p, f + ".id", x.id(), questionAt, outcomeAt, i, questionAt);
            text(p, f + ".text", x.text(), 200, "问题");
            if (x.help() != null && x.help().length() > 500) p.add(rule(f + ".help", "说明不能超过 500 字"));
            if (x.type() == null) p.add(rule(f + ".type", "请说明回答类型（CHOICE、YES_NO 或 NUMBER）"));
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String f = base + ".outcomes[" + i + "]";
            if (o == null) { p.add(rule(f, "办理结果不能为空")); continue; }
            id(p, f + ".id", o.id(), questionAt, outcomeAt, i, outcomeAt);
            text(p, f + ".title", o.title(), 100, "结果标题");
            if (o.subItem() != null && o.subItem().length() > 100) p.add(rule(f + ".subItem", "子项名称不能超过 100 字"));
            if (o.notes() != null && o.notes().length() > 500) p.add(rule(f + ".notes", "提示不能超过 500 字"));
            if (o.channel() == null) p.add(rule(f + ".channel", "请说明办理渠道（KIOSK、ONLINE 或 WINDOW）"));
            outcomeMaterials(p, f, o, guide);
            if (o.window() != null && (guide.windows() == null
                    || guide.windows().stream().noneMatch(w -> w != null && o.window().equals(w.name())))) {
                p.add(rule(f + ".window", "办事指南中没有这个窗口: " + o.window()));
            }
        }
        if (!p.isEmpty()) return p;

        for (int i = 0; i < questions.size(); i++) options(p, base + ".questions[" + i + "]", questions.get(i), questionAt, outcomeAt);
        if (!p.isEmpty()) return p;

        loop(p, base, questions, questionAt);
        if (!p.isEmpty()) return p;
        reachable(p, base, questions, outcomes, questionAt);
        return p;
    }

    private static void outcomeMaterials(List<Problem> p, String f, Outcome o, GuideContent guide) {
        List<String> names = o.materials() == null ? List.of() : o.materials();
        if (o.notApplicable() && !names.isEmpty()) {
            p.add(rule(f + ".materials", "事项不适用的情形不需要任何材料"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String m = names.get(j);
            String mf = f + ".materials[" + j + "]";
            if (m == null || guide.materials() == null || guide.materials().stream().noneMatch(x -> x != null && m.equals(x.name()))) {
                p.add(rule(mf, "办事指南的申请材料中没有这项: " + m));
            } else if (!seen.add(m)) {
                p.add(rule(mf, "同一项材料只列一次: " + m));
            }
        }
    }

    private static void options(List<Problem> p, String f, Question x, Map<String, Integer> questionAt, Map<String, Integer> outcomeAt) {
        List<Option> options = x.options() == null ? List.of() : x.options();
        switch (x.type()) {
            case CHOICE -> {
                if (options.size() < 2 || options.size() > MAX_OPTIONS) p.add(rule(f + ".options", "单选题应有 2 到 " + MAX_OPTIONS + " 个选项"));
            }
            case YES_NO -> {
                Set<String> values = new HashSet<>();
                options.forEach(o -> { if (o != null) values.add(o.value()); });
                if (options.size() != 2 || !values.equals(Set.of("YES", "NO"))) {
                    p.add(rule(f + ".options", "是否题应正好有 YES 和 NO 两个选项"));
                }
            }
            case NUMBER -> {
                if (options.isEmpty() || options.size() > MAX_OPTIONS) p.add(rule(f + ".options", "数字题应有 1 到 " + MAX_OPTIONS + " 个区间"));
            }
        }
        Set<String> values = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            Option o = options.get(j);
            String of = f + ".options[" + j + "]";
            if (o == null) { p.add(rule(of, "选项不能为空")); continue; }
            text(p, of + ".label", o.label(), 100, "选项文字");
            if (x.type() == Questionnaire.QuestionType.NUMBER) {
                if (o.min() == null && o.max() == null) p.add(rule(of + ".min", "数字区间至少要有下限或上限"));
                else if (o.min() != null && o.max() != null && o.min() > o.max()) p.add(rule(of + ".max", "上限不能小于下限"));
                for (int k = 0; k < j; k++) {
                    Option other = options.get(k);
                    if (other != null && overlaps(o, other)) p.add(rule(of + ".min", "与第 " + (k + 1) + " 个区间重叠，同一个数只能对应一个选项"));
                }
            } else if (o.value() == null || o.value().isBlank() || o.value().length() > 40) {
                p.add(rule(of + ".value", "选项的值不能为空，且不超过 40 字"));
            } else if (!values.add(o.value())) {
                p.add(rule(of + ".value", "选项的值重复: " + o.value()));
            }
            if (o.next() == null || (!questionAt.containsKey(o.next()) && !outcomeAt.containsKey(o.next()))) {
                p.add(rule(of + ".next", "回答后没有去处：没有编号为 " + o.next() + " 的问题或办理结果"));
            }
        }
    }

    private static boolean overlaps(Option a, Option b) {
        long aMin = a.min() == null ? Long.MIN_VALUE : a.min(), aMax = a.max() == null ? Long.MAX_VALUE : a.max();
        long bMin = b.min() == null ? Long.MIN_VALUE : b.min(), bMax = b.max() == null ? Long.MAX_VALUE : b.max();
        return aMin <= bMax && bMin <= aMax;
    }

    /** A question that can be reached again from itself: the first such edge found, with the loop spelled out. */
    private static void loop(List<Problem> p, String base, List<Question> questions, Map<String, Integer> questionAt) {
        int n = questions.size();
        int[] state = new int[n]; // 0 new, 1 on the current path, 2 done
        for (int start = 0; start < n && p.isEmpty(); start++) {
            if (state[start] != 0) continue;
            Deque<int[]> stack = new ArrayDeque<>(); // {question, next option index}
            List<Integer> path = new ArrayList<>();
            stack.push(new int[] {start, 0});
            state[start] = 1;
            path.add(start);
            while (!stack.isEmpty() && p.isEmpty()) {
                int[] top = stack.peek();
                List<Option> options = questions.get(top[0]).options();
                if (top[1] >= options.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    path.removeLast();
                    continue;
                }
                int j = top[1]++;
                Integer next = questionAt.get(options.get(j).next());
                if (next == null) continue;
                if (state[next] == 1) {
                    List<String> ids = new ArrayList<>();
                    for (int k = path.indexOf(next); k < path.size(); k++) ids.add(questions.get(path.get(k)).id());
                    ids.add(questions.get(next).id());
                    p.add(rule(base + ".questions[" + top[0] + "].options[" + j + "].next",
                            "问题形成循环，申请人会被反复询问: " + String.join(" → ", ids)));
                } else if (state[next] == 0) {
                    state[next] = 1;
                    path.add(next);
                    stack.push(new int[] {next, 0});
                }
            }
        }
    }

    /** Every question and every outcome must be reachable from the first question. */
    private static void reachable(List<Problem> p, String base, List<Question> questions, List<Outcome> outcomes,
                                  Map<String, Integer> questionAt) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<Question> todo = new ArrayDeque<>();
        todo.push(questions.getFirst());
        reached.add(questions.getFirst().id());
        while (!todo.isEmpty()) {
            for (Option o : todo.pop().options()) {
                if (reached.add(o.next())) {
                    Integer q = questionAt.get(o.next());
                    if (q != null) todo.push(questions.get(q));
                }
            }
        }
        for (int i = 0; i < questions.size(); i++) {
            if (!reached.contains(questions.get(i).id())) {
                p.add(rule(base + ".questions[" + i + "]", "问题“" + questions.get(i).text() + "”无法到达：没有任何回答通向它"));
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (!reached.contains(outcomes.get(i).id())) {
                p.add(rule(base + ".outcomes[" + i + "]", "办理结果“" + outcomes.get(i).title() + "”无法到达：没有任何回答通向它"));
            }
        }
    }

    private static void id(List<Problem> p, String field, String id, Map<String, Integer> questionAt, Map<String, Integer> outcomeAt,
                           int index, Map<String, Integer> into) {
        if (id == null || !ID.matcher(id).matches()) {
            p.add(rule(field, "编号只能由 1 到 40 个字母、数字、下划线或连字符组成: " + id));
        } else if (questionAt.containsKey(id) || outcomeAt.containsKey(id)) {
            p.add(rule(field, "编号重复（问题和办理结果的编号互不相同）: " + id));
        } else {
            into.put(id, index);
        }
    }

    private static void text(List<Problem> p, String field, String value, int max, String what) {
        if (value == null || value.isBlank()) p.add(rule(field, what + "不能为空"));
        else if (value.length() > max) p.add(rule(field, what + "不能超过 " + max + " 字"));
    }

    private static Problem rule(String field, String message) {
        return Problem.rule("G2", field, message);
    }
}
