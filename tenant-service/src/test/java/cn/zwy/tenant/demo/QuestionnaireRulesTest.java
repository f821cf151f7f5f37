package cn.zwy.tenant.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.api.catalog.Questionnaire;
import cn.zwy.tenant.api.catalog.Questionnaire.Option;
import cn.zwy.tenant.api.catalog.Questionnaire.Question;
import cn.zwy.tenant.api.catalog.QuestionnaireRules;
import cn.zwy.tenant.catalog.guide.GuideRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** G2 on the demo questionnaires and on broken ones: what the centre administrator is told, and what a walk asks. */
class QuestionnaireRulesTest {

    private static final String BASE = "guide.questionnaire";

    private static GuideContent demoGuide(String main, String sub, String tenant) {
        DemoCatalog.Local local = DemoCatalog.TENANTS.stream().filter(l -> l.tenantCode().equals(tenant)).findFirst().orElseThrow();
        DemoCatalog.Template t = DemoCatalog.templates(local.province()).stream()
                .filter(x -> x.main().equals(main) && x.sub().equals(sub)).findFirst().orElseThrow();
        return DemoCatalog.localise(t, local);
    }

    private static GuideContent with(GuideContent c, Questionnaire q) {
        return new GuideContent(c.implementingAgency(), c.audience(), c.acceptanceConditions(), c.materials(), c.fillingNotes(),
                c.acceptanceStandard(), c.steps(), c.promisedLimit(), c.caseClass(), c.fees(), c.resultSample(), c.expressDelivery(),
                c.quantityLimit(), c.consultPhone(), c.supervisionPhone(), c.windows(), c.faq(), c.tags(), c.booking(),
                c.onlineFiling(), c.toleratedMissing(), c.crossRegion(), q);
    }

    @Test
    void everyDemoQuestionnaireIsValidForEveryDemoTenant_G2() {
        int checked = 0;
        for (DemoCatalog.Local l : DemoCatalog.TENANTS) {
            for (DemoCatalog.Template t : DemoCatalog.templates(l.province())) {
                GuideContent c = DemoCatalog.localise(t, l);
                if (c.questionnaire() == null) continue;
                assertThat(GuideRules.malformed(c, t.legal())).as(t.mainName() + "@" + l.tenantCode()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).as("demo questionnaires × tenants").isGreaterThanOrEqualTo(5 * DemoCatalog.TENANTS.size());
    }

    @Test
    void aLoopOfQuestionsIsRefusedWithTheLoopSpelledOut_G2() {
        GuideContent c = demoGuide("00103", "000", "441825");
        List<Question> questions = new ArrayList<>(c.questionnaire().questions());
        // "photo" answered NO leads back to "first": the applicant would be asked forever
        Question photo = questions.get(1);
        questions.set(1, new Question(photo.id(), photo.text(), photo.type(), null,
                List.of(photo.options().get(0), new Option("NO", "否", null, null, "first"))));
        List<Problem> p = QuestionnaireRules.check(new Questionnaire(questions, c.questionnaire().outcomes()), c, BASE);
        assertThat(p).extracting(Problem::rule).contains("G2");
        assertThat(p).extracting(Problem::field).contains(BASE + ".questions[1].options[1].next");
        assertThat(p.getFirst().message()).contains("first → photo → first");
    }

    @Test
    void anOutcomeNoAnswerReachesIsRefused_G2() {
        GuideContent c = demoGuide("00103", "000", "441825");
        List<Question> questions = new ArrayList<>(c.questionnaire().questions());
        Question photo = questions.get(1);
        // both answers now lead online: the kiosk outcome (index 1) is unreachable
        questions.set(1, new Question(photo.id(), photo.text(), photo.type(), null,
                List.of(photo.options().get(0), new Option("NO", "否", null, null, "online"))));
        List<Problem> p = QuestionnaireRules.check(new Questionnaire(questions, c.questionnaire().outcomes()), c, BASE);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo(BASE + ".outcomes[1]");
            assertThat(x.rule()).isEqualTo("G2");
            assertThat(x.message()).contains("无法到达");
        });
    }

    @Test
    void anOutcomeNamingAMaterialTheGuideLacksIsRefused_G2() {
        GuideContent c = demoGuide("00103", "000", "441825");
        Questionnaire q = c.questionnaire();
        List<Questionnaire.Outcome> outcomes = new ArrayList<>(q.outcomes());
        Questionnaire.Outcome o = outcomes.getFirst();
        outcomes.set(0, new Questionnaire.Outcome(o.id(), o.title(), null, List.of("居民身份证", "营业执照"), o.channel(), null, null));
        assertThat(GuideRules.malformed(with(c, new Questionnaire(q.questions(), outcomes)), null))
                .extracting(Problem::field).containsExactly(BASE + ".outcomes[0].materials[1]");
    }

    @Test
    void onlyTheQuestionsOnThePathAreAsked_G2() {
        Questionnaire q = demoGuide("00201", "002", "441825").questionnaire();
        Guidance.Result start = Guidance.evaluate(q, List.of());
        assertThat(start.next().id()).isEqualTo("reason");
        // a lost card goes straight to 补领: the place question is never asked
        Guidance.Result lost = Guidance.evaluate(q, List.of(new Guidance.Answer("reason", "LOST")));
        assertThat(lost.complete()).isTrue();
        assertThat(lost.outcome().subItem()).isEqualTo("居民身份证补领");
        assertThat(lost.answered()).extracting(Guidance.Step::questionId).containsExactly("reason");
        // an answer to a question off the path (left from before the first answer changed) is not used
        Guidance.Result stale = Guidance.evaluate(q, List.of(new Guidance.Answer("place", "YES"), new Guidance.Answer("reason", "LOST")));
        assertThat(stale.answered()).extracting(Guidance.Step::questionId).containsExactly("reason");
        Guidance.Result expired = Guidance.evaluate(q, List.of(new Guidance.Answer("reason", "EXPIRED")));
        assertThat(expired.next().id()).isEqualTo("place");
        assertThatThrownBy(() -> Guidance.evaluate(q, List.of(new Guidance.Answer("reason", "STOLEN"))))
                .isInstanceOf(ApiException.class).extracting("field").isEqualTo("answers[0].value");
    }

    @Test
    void aNumberAnswerPicksItsRange_G2() {
        Questionnaire q = demoGuide("00601", "000", "441825").questionnaire();
        assertThat(Guidance.evaluate(q, List.of(new Guidance.Answer("order", "4"))).outcome().id()).isEqualTo("window");
        assertThat(Guidance.evaluate(q, List.of(new Guidance.Answer("order", "2"))).next().id()).isEqualTo("married");
        assertThatThrownBy(() -> Guidance.evaluate(q, List.of(new Guidance.Answer("order", "0")))).isInstanceOf(ApiException.class);
    }
}
