package cn.zwy.tenant.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.PackageGuidance;
import cn.zwy.tenant.api.catalog.Questionnaire;
import cn.zwy.tenant.api.catalog.Questionnaire.Option;
import cn.zwy.tenant.api.catalog.Questionnaire.Outcome;
import cn.zwy.tenant.api.catalog.Questionnaire.Question;
import cn.zwy.tenant.api.catalog.Questionnaire.QuestionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** G2 + G3: the package walk on the demo questionnaires and on two items that use one id for different questions. */
class PackageGuidanceWalkTest {

    private static PackageGuidance.Part part(String name, Questionnaire q) {
        return new PackageGuidance.Part("441825:" + name, name, q);
    }

    @Test
    void sharedQuestionIsAskedOnceAndServesBothItems_G2() {
        List<PackageGuidance.Part> parts = List.of(part("出生医学证明办理", null), part("生育登记", DemoGuidance.birthRegistration()),
                part("出生登记", DemoGuidance.birthHouseholdRegistration()));
        PackageGuidance.Result r = PackageGuidance.evaluate(parts, List.of(new Guidance.Answer("order", "2"),
                new Guidance.Answer("married", "NO"), new Guidance.Answer("sameHousehold", "YES")));
        assertThat(r.complete()).isTrue();
        assertThat(r.answered()).extracting(PackageGuidance.Step::key).containsExactly("order", "married", "sameHousehold");
        assertThat(r.answered().get(1).askedFor()).containsExactly("生育登记", "出生登记");
        // each part keeps its own answers on its own path, in its own question ids
        assertThat(r.parts().get(2).answers()).extracting(Guidance.Answer::questionId).containsExactly("sameHousehold", "married");
        assertThat(r.parts().get(2).result().outcome().id()).isEqualTo("unmarried");
        assertThat(r.parts().get(0).result()).isNull();
    }

    @Test
    void questionsThatOnlyShareAnIdAreAskedPerItem_G2() {
        Questionnaire a = new Questionnaire(List.of(new Question("kind", "您要办哪一类？", QuestionType.CHOICE, null,
                List.of(new Option("NEW", "新办", null, null, "x"), new Option("RENEW", "续办", null, null, "x")))),
                List.of(new Outcome("x", "甲", null, List.of(), Questionnaire.Channel.ONLINE, null, null)));
        Questionnaire b = new Questionnaire(List.of(new Question("kind", "经营类别？", QuestionType.CHOICE, null,
                List.of(new Option("FOOD", "食品", null, null, "y"), new Option("OTHER", "其他", null, null, "y")))),
                List.of(new Outcome("y", "乙", null, List.of(), Questionnaire.Channel.WINDOW, null, null)));
        List<PackageGuidance.Part> parts = List.of(part("甲", a), part("乙", b));
        PackageGuidance.Result start = PackageGuidance.evaluate(parts, List.of());
        assertThat(start.next().key()).isEqualTo("kind@1");
        PackageGuidance.Result half = PackageGuidance.evaluate(parts, List.of(new Guidance.Answer("kind@1", "NEW")));
        assertThat(half.next().key()).isEqualTo("kind@2");
        assertThat(half.next().question().text()).isEqualTo("经营类别？");
        PackageGuidance.Result done = PackageGuidance.evaluate(parts, List.of(new Guidance.Answer("kind@1", "NEW"),
                new Guidance.Answer("kind@2", "FOOD")));
        assertThat(done.complete()).isTrue();
        assertThat(done.parts().get(1).answers()).containsExactly(new Guidance.Answer("kind", "FOOD"));
        // an answer that is not one of the question's options names the package's answer
        assertThatThrownBy(() -> PackageGuidance.evaluate(parts, List.of(new Guidance.Answer("kind@1", "NEW"),
                new Guidance.Answer("kind@2", "NEW"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.field()).isEqualTo("answers[1].value");
                    assertThat(e.rule()).isEqualTo("G2");
                });
    }
}
