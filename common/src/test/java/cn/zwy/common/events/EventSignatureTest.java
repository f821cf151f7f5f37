package cn.zwy.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signature that lets consumers tell the relay's events from entries anyone else wrote into Redis. */
class EventSignatureTest {

    private static final String KEY = "k3y-only-the-services-hold-0123456789";
    private final EventSignature signature = new EventSignature(KEY, null);

    private static Map<String, String> onboarded() {
        return new HashMap<>(new DomainEvent(UUID.randomUUID(), "tenant.onboarded", "441825", "tenant", "441825",
                Instant.parse("2026-03-01T08:00:00Z"), "{\"adminUsername\":\"441825.admin\"}").toFields());
    }

    private Map<String, String> signed(Map<String, String> fields) {
        fields.put(EventSignature.FIELD, signature.sign(fields));
        return fields;
    }

    @Test
    void eventSignedWithTheKeyIsAccepted() {
        assertThat(signature.problem(signed(onboarded()))).isNull();
    }

    @Test
    void unsignedEventIsRejected() {
        assertThat(signature.problem(onboarded())).isEqualTo("unsigned event (no sig field)");
    }

    @Test
    void eventSignedWithAnotherKeyIsRejected() {
        Map<String, String> fields = onboarded();
        fields.put(EventSignature.FIELD, new EventSignature("a-guessed-key-that-is-long-enough-000", null).sign(fields));
        assertThat(signature.problem(fields)).isEqualTo("invalid event signature");
    }

    @Test
    void changingAnySignedFieldInvalidatesTheSignature() {
        for (String name : EventSignature.SIGNED_FIELDS) {
            Map<String, String> fields = signed(onboarded());
            fields.put(name, fields.get(name) + "x");
            assertThat(signature.problem(fields)).as(name).isEqualTo("invalid event signature");
        }
    }

    @Test
    void movingTextBetweenFieldsInvalidatesTheSignature() {
        Map<String, String> fields = signed(onboarded());
        fields.put("aggregateType", "tenant4");
        fields.put("aggregateId", "41825");
        assertThat(signature.problem(fields)).isEqualTo("invalid event signature");
    }

    @Test
    void garbageSignatureIsRejected() {
        Map<String, String> fields = onboarded();
        fields.put(EventSignature.FIELD, "v1:%%%");
        assertThat(signature.problem(fields)).isEqualTo("unreadable event signature");
        fields.put(EventSignature.FIELD, "sha1:abc");
        assertThat(signature.problem(fields)).isEqualTo("unknown event signature format");
    }

    @Test
    void previousKeyIsAcceptedWhileRotating() {
        Map<String, String> fields = signed(onboarded());
        EventSignature rotated = new EventSignature("the-new-key-after-rotation-0123456789", KEY);
        assertThat(rotated.problem(fields)).isNull();
        assertThat(new EventSignature("the-new-key-after-rotation-0123456789", null).problem(fields))
                .isEqualTo("invalid event signature");
    }

    @Test
    void missingOrShortKeyStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> new EventSignature(null, null)).hasMessageContaining("ZWY_EVENTS_HMAC_KEY");
        assertThatThrownBy(() -> new EventSignature(" ", null)).hasMessageContaining("ZWY_EVENTS_HMAC_KEY");
        assertThatThrownBy(() -> new EventSignature("demo", null)).hasMessageContaining("ZWY_EVENTS_HMAC_KEY is too short");
    }
}
