package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One guidance walk for a whole package (G2 + G3, ADR 0028) against the real platform: 连山's 出生一件事 walked as
 * one questionnaire — the question 生育登记 and 出生登记 both ask (are the parents married?) is asked once and serves
 * both, only what applies is asked, the outcome is the package's tailored materials list, and the answers go into
 * the one submission (each part case keeps its own path for staff).
 */
@ExtendWith(PlatformUnderTest.class)
class PackageGuidanceTest {

    static final String WALK = """
            query($p: ID!, $a: [GuidanceAnswerInput!]) { packageGuidance(packageId: $p, answers: $a) {
              packageId name complete
              answered { key question value label askedFor }
              next { key askedFor question { id text type options { value label } } }
              parts { itemId name hasQuestionnaire complete outcome { title subItem channel materials { name } } }
              materials { name required usedBy } } }""";

    static JsonNode walk(String packageId, Map<String, String> answers) {
        List<Map<String, String>> given = new ArrayList<>();
        answers.forEach((k, v) -> given.add(Map.of("questionId", k, "value", v)));
        Map<String, Object> vars = new HashMap<>();
        vars.put("p", packageId);
        vars.put("a", given);
        Api.Response r = Api.graphql(null, WALK, vars);
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path("packageGuidance");
    }

    /** Walks the package answering each asked question from {@code situation}; the keys in the order they were asked. */
    static List<String> walkThrough(String packageId, Map<String, String> situation, Map<String, String> answers) {
        List<String> asked = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            JsonNode w = walk(packageId, answers);
            if (w.path("complete").asBoolean()) return asked;
            String key = w.at("/next/key").asString();
            assertThat(situation).as("asked " + key + " in " + w).containsKey(key);
            asked.add(key);
            answers.put(key, situation.get(key));
        }
        throw new AssertionError("the walk did not end: " + asked);
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(field.isEmpty() ? n.asString() : n.path(field).asString()));
        return out;
    }

    @Test
    void packageGuidanceAsksSharedQuestionOnce_G2() {
        JsonNode p = PackageTest.birthPackage();
        String id = p.path("id").asString();
        // the first question of the first part that has a questionnaire (出生医学证明办理 has none)
        JsonNode start = walk(id, Map.of());
        assertThat(start.path("complete").asBoolean()).isFalse();
        assertThat(start.at("/next/key").asString()).isEqualTo("order");
        assertThat(texts(start.at("/next/askedFor"), "")).containsExactly("生育登记");
        assertThat(start.path("materials").isNull()).as("no materials list before the walk is complete").isTrue();

        Map<String, String> situation = Map.of("order", "1", "married", "YES", "sameHousehold", "YES", "who", "NEWBORN",
                "first", "YES", "photo", "NO");
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> asked = walkThrough(id, situation, answers);
        // one by one the five questionnaires ask 7 questions on this path; the package asks 6: "married" once
        assertThat(asked).containsExactly("order", "married", "sameHousehold", "who", "first", "photo").doesNotHaveDuplicates();
        JsonNode done = walk(id, answers);
        JsonNode married = null;
        for (JsonNode s : done.path("answered")) if (s.path("key").asString().equals("married")) married = s;
        assertThat(married).as(done.toString()).isNotNull();
        assertThat(texts(married.path("askedFor"), "")).containsExactly("生育登记", "出生登记");
        // every part's outcome; 出生医学证明办理 has no questionnaire and is complete as it is
        assertThat(texts(done.path("parts"), "complete")).containsOnly("true");
        assertThat(done.at("/parts/0/hasQuestionnaire").asBoolean()).isFalse();
        assertThat(done.at("/parts/3/outcome/title").asString()).isEqualTo("新生儿参保登记");
        assertThat(done.at("/parts/4/outcome/channel").asString()).isEqualTo("KIOSK");

        // the tailored list: each material once; no photo (the card is photographed at the kiosk), the ID card serving many
        JsonNode materials = done.path("materials");
        System.out.println("G2+G3 walk 出生一件事 (连山): asked " + asked.size() + " questions " + asked + ", materials "
                + materials.size() + " of " + p.at("/form/materials").size() + ": " + texts(materials, "name"));
        assertThat(texts(materials, "name")).doesNotHaveDuplicates().contains("居民身份证", "居民户口簿", "结婚证")
                .doesNotContain("近期免冠彩色证件照片");
        assertThat(texts(p.at("/form/materials"), "name")).contains("近期免冠彩色证件照片");
        assertThat(materials.size()).isLessThan(p.at("/form/materials").size());
        for (JsonNode m : materials) {
            if (m.path("name").asString().equals("居民身份证")) assertThat(m.path("usedBy").size()).isGreaterThanOrEqualTo(3);
        }

        // only what applies: a replacement card never asks for the photo
        Map<String, String> replacing = new LinkedHashMap<>();
        List<String> askedWhenReplacing = walkThrough(id, Map.of("order", "1", "married", "NO", "sameHousehold", "YES",
                "who", "NEWBORN", "first", "NO"), replacing);
        assertThat(askedWhenReplacing).doesNotContain("photo").hasSize(5);

        // the answers carry into the one submission: nothing is asked again, each part keeps its own path
        Map<String, Object> input = PackageTest.filing(p, UUID.randomUUID().toString());
        input.remove("guidanceAnswers");
        List<Map<String, String>> packageAnswers = new ArrayList<>();
        answers.forEach((k, v) -> packageAnswers.add(Map.of("questionId", k, "value", v)));
        input.put("packageAnswers", packageAnswers);
        input.put("materials", texts(materials, "name").stream().map(n -> Map.<String, Object>of("name", n)).toList());
        Api.Response filed = PackageTest.submit(Cases.citizen(), input);
        assertThat(filed.errors()).as(filed.body().toString()).isNull();
        JsonNode parts = filed.data().at("/submitPackage/receipt/parts");
        assertThat(parts.size()).isEqualTo(5);
        String household = parts.get(2).path("caseId").asString();
        Api.Response staffView = Api.graphql(Cases.clerk(), "query($id: ID!) { case(id: $id) { guidance { outcome answers { questionId label } } } }",
                Map.of("id", household));
        assertThat(staffView.errors()).as(staffView.body().toString()).isNull();
        assertThat(texts(staffView.data().at("/case/guidance/answers"), "questionId")).containsExactly("sameHousehold", "married");
        assertThat(staffView.data().at("/case/guidance/outcome").asString()).isEqualTo("出生登记（随父母落户）");
    }

    @Test
    void packageFilingTakesOnlyWhatTheWalkNeeds_G2() {
        JsonNode p = PackageTest.birthPackage();
        String id = p.path("id").asString();
        Map<String, String> answers = new LinkedHashMap<>(Map.of("order", "1", "married", "YES", "sameHousehold", "YES",
                "who", "NEWBORN", "first", "YES", "photo", "NO"));
        List<Map<String, String>> packageAnswers = new ArrayList<>();
        answers.forEach((k, v) -> packageAnswers.add(Map.of("questionId", k, "value", v)));
        String cases = Api.graphql(Cases.citizen(), "{ myCases(first: 1) { edges { node { id } } } }", Map.of()).data().toString();

        // the photo was not needed on this path (the kiosk takes it): refused with its field, nothing filed
        Map<String, Object> input = PackageTest.filing(p, UUID.randomUUID().toString());
        input.remove("guidanceAnswers");
        input.put("packageAnswers", packageAnswers);
        Api.Response photo = PackageTest.submit(Cases.citizen(), input);
        assertThat(photo.errorCode()).as(photo.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(photo.errorRule()).isEqualTo("G2");
        assertThat(photo.errorField()).matches("materials\\[\\d+]\\.name");

        // an unfinished walk is refused on packageAnswers and names the question still open
        Map<String, Object> unfinished = PackageTest.filing(p, UUID.randomUUID().toString());
        unfinished.remove("guidanceAnswers");
        unfinished.put("packageAnswers", packageAnswers.subList(0, 2));
        Api.Response open = PackageTest.submit(Cases.citizen(), unfinished);
        assertThat(open.errorCode()).as(open.body().toString()).isEqualTo("RULE_VIOLATION");
        assertThat(open.errorField()).isEqualTo("packageAnswers");
        assertThat(open.body().toString()).contains("还需回答");

        // an answer outside the options: VALIDATION on the package's answer
        JsonNode bad = Api.graphql(null, WALK, Map.of("p", id, "a", List.of(Map.of("questionId", "order", "value", "很多")))).body();
        assertThat(bad.at("/errors/0/extensions/code").asString()).isEqualTo("VALIDATION");
        assertThat(bad.at("/errors/0/extensions/field").asString()).isEqualTo("answers[0].value");
        assertThat(Api.graphql(Cases.citizen(), "{ myCases(first: 1) { edges { node { id } } } }", Map.of()).data().toString())
                .as("nothing was filed").isEqualTo(cases);
    }
}
