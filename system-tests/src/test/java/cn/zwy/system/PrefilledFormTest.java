package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Forms pre-filled from what is known (G4, ADR 0028) against the real platform: after a filing, the citizen's next
 * form — an item's or a package's — comes with the values they typed last (applicant, ID number, contact, phone),
 * each saying which case supplied it, so the citizen only confirms; nobody else sees them.
 */
@ExtendWith(PlatformUnderTest.class)
class PrefilledFormTest {

    static final String FORM = """
            query($id: ID!) { prefilledForm(id: $id) { id name oneThing
              fields { key label typed value source sourceCaseNumber } measure { typedWithoutPrefill typedWithPrefill } } }""";

    static JsonNode form(String token, String id) {
        Api.Response r = Api.graphql(token, FORM, Map.of("id", id));
        assertThat(r.errors()).as(r.body().toString()).isNull();
        return r.data().path("prefilledForm");
    }

    static Map<String, JsonNode> byKey(JsonNode form) {
        Map<String, JsonNode> out = new HashMap<>();
        form.path("fields").forEach(f -> out.put(f.path("key").asString(), f));
        return out;
    }

    @Test
    void formIsPrefilledFromEarlierSubmission_G4() {
        String citizen = Cases.otherCitizen();
        // the citizen files a case, typing a new phone and contact
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        Map<String, Object> body = Cases.submission(Cases.promisedItem(), UUID.randomUUID().toString());
        body.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "李四", "idNumber", Cases.ID_NUMBER));
        body.put("contact", Map.of("name", "李四家属", "phone", phone));
        Api.Response filed = Cases.submit(citizen, body);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(200);
        String caseNumber = filed.body().path("caseNumber").asString();

        // the package's one form comes filled with what they typed last, each value naming its case
        JsonNode p = PackageTest.birthPackage();
        JsonNode form = form(citizen, p.path("id").asString());
        assertThat(form.path("oneThing").asBoolean()).isTrue();
        assertThat(form.path("name").asString()).isEqualTo("出生一件事");
        Map<String, JsonNode> f = byKey(form);
        assertThat(f.get("applicant.name").path("value").asString()).isEqualTo("李四");
        assertThat(f.get("applicant.idNumber").path("value").asString()).isEqualTo(Cases.ID_NUMBER);
        assertThat(f.get("contact.name").path("value").asString()).isEqualTo("李四家属");
        assertThat(f.get("contact.phone").path("value").asString()).isEqualTo(phone);
        assertThat(f.get("contact.phone").path("source").asString()).isEqualTo("EARLIER_SUBMISSION");
        assertThat(f.get("contact.phone").path("sourceCaseNumber").asString()).isEqualTo(caseNumber);
        // the keys are the submission's fields: the package form asks the same ones (the items' own fields too, ADR 0032)
        for (JsonNode field : p.at("/form/fields")) assertThat(f).containsKey(field.path("key").asString());
        // no filing field is left to type: the citizen confirms; the newborn's particulars were never given before
        JsonNode m = form.path("measure");
        System.out.println("G4 prefill 出生一件事 (连山): " + m + " (package form " + p.at("/form/measure") + ")");
        assertThat(m.path("typedWithoutPrefill").asInt()).isEqualTo(p.at("/form/measure/fieldsInPackage").asInt());
        assertThat(m.path("typedWithPrefill").asInt()).isEqualTo(m.path("typedWithoutPrefill").asInt() - 4);
        assertThat(f.get("newbornName").path("value").isNull()).isTrue();

        // once given in a filing (the package's, here), an item's own field comes filled too, naming its case
        Map<String, Object> pkg = PackageTest.filing(p, UUID.randomUUID().toString());
        pkg.put("applicant", Map.of("kind", "INDIVIDUAL", "name", "李四", "idNumber", Cases.ID_NUMBER));
        pkg.put("contact", Map.of("name", "李四家属", "phone", phone));
        pkg.put("formValues", List.of(Map.of("key", "newbornName", "value", "李小宝"), Map.of("key", "motherName", "value", "王芳")));
        Api.Response packageFiled = PackageTest.submit(citizen, pkg);
        assertThat(packageFiled.errors()).as(packageFiled.body().toString()).isNull();
        Map<String, JsonNode> again = byKey(form(citizen, p.path("id").asString()));
        assertThat(again.get("newbornName").path("value").asString()).isEqualTo("李小宝");
        assertThat(again.get("newbornName").path("source").asString()).isEqualTo("EARLIER_SUBMISSION");
        assertThat(again.get("motherName").path("value").asString()).isEqualTo("王芳");
        assertThat(again.get("newbornBirthDate").path("value").isNull()).isTrue();

        // an item's form likewise
        JsonNode item = form(citizen, Cases.promisedItem().path("id").asString());
        assertThat(item.path("oneThing").asBoolean()).isFalse();
        assertThat(byKey(item).get("contact.phone").path("value").asString()).isEqualTo(phone);

        // the values are the citizen's own: another citizen gets theirs, staff and the signed-out none
        JsonNode other = form(Cases.citizen(), p.path("id").asString());
        assertThat(byKey(other).get("contact.phone").path("value").asString()).isNotEqualTo(phone);
        assertThat(Api.graphql(Cases.clerk(), FORM, Map.of("id", p.path("id").asString())).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(Api.graphql(null, FORM, Map.of("id", p.path("id").asString())).errorCode()).isEqualTo("UNAUTHENTICATED");
        // an unknown id
        assertThat(Api.graphql(citizen, FORM, Map.of("id", "441825:" + UUID.randomUUID())).errorCode()).isEqualTo("NOT_FOUND");
    }
}
