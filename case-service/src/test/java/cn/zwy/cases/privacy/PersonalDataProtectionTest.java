package cn.zwy.cases.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.cases.applicant.MobileNumber;
import cn.zwy.cases.applicant.ResidentIdNumber;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** M3: personal numbers at rest are encrypted, tamper-evident, readable across a key rotation, findable by blind index, masked. */
class PersonalDataProtectionTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID = "440304200002290014";

    private static byte[] key() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    @Test
    void anIdNumberSurvivesTheRoundTripButIsNotVisibleAtRest_M3() {
        PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", key()));
        String sealed = cipher.seal(ID);
        assertThat(sealed).startsWith("k1:").doesNotContain(ID).doesNotContain("4403");
        assertThat(cipher.open(sealed)).isEqualTo(ID);
        // a fresh nonce each time: the same number never looks the same at rest
        assertThat(cipher.seal(ID)).isNotEqualTo(sealed);
        assertThat(cipher.seal(null)).isNull();
    }

    @Test
    void anAlteredValueIsDetectedNotMisread_M3() {
        PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", key()));
        String sealed = cipher.seal(ID);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int i : new int[] {0, 12, raw.length - 1}) {   // nonce, ciphertext, tag
            byte[] flipped = raw.clone();
            flipped[i] ^= 1;
            String tampered = "k1:" + Base64.getEncoder().encodeToString(flipped);
            assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(PersonalDataCipher.TamperedException.class);
        }
        assertThatThrownBy(() -> cipher.open("k1:AAAA")).isInstanceOf(PersonalDataCipher.TamperedException.class);
        assertThatThrownBy(() -> cipher.open(ID)).isInstanceOf(PersonalDataCipher.TamperedException.class);
    }

    @Test
    void theKeyIdCannotBeSwappedBetweenKeys_M3() {
        // the same key material under two ids: relabelling a value must still fail (the id is authenticated)
        byte[] k = key();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k2", k);
        keys.put("k1", k);
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        String sealed = cipher.seal(ID);
        assertThatThrownBy(() -> cipher.open("k1" + sealed.substring(2))).isInstanceOf(PersonalDataCipher.TamperedException.class);
    }

    @Test
    void afterRotationOldValuesAreReadAndResealedUnderTheNewKey_M3() {
        byte[] old = key();
        PersonalDataCipher before = new PersonalDataCipher(Map.of("2025", old));
        String stored = before.seal(ID);

        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("2026", key());
        rotated.put("2025", old);
        PersonalDataCipher after = new PersonalDataCipher(rotated);
        assertThat(after.currentKeyId()).isEqualTo("2026");
        assertThat(after.open(stored)).isEqualTo(ID);
        assertThat(after.isCurrent(stored)).isFalse();
        String resealed = after.reseal(stored);
        assertThat(resealed).startsWith("2026:");
        assertThat(after.isCurrent(resealed)).isTrue();
        assertThat(after.reseal(resealed)).isSameAs(resealed);

        // once the old key is dropped, only values re-encrypted in time can be read
        PersonalDataCipher dropped = new PersonalDataCipher(Map.of("2026", rotated.get("2026")));
        assertThat(dropped.open(resealed)).isEqualTo(ID);
        assertThatThrownBy(() -> dropped.open(stored)).isInstanceOf(PersonalDataCipher.TamperedException.class)
                .hasMessageContaining("2025");
    }

    @Test
    void keysAreReadFromConfigurationCurrentFirst() {
        String a = Base64.getEncoder().encodeToString(key());
        String b = Base64.getEncoder().encodeToString(key());
        PersonalDataCipher cipher = PersonalDataCipher.fromConfiguration("new:" + a + ", old:" + b);
        assertThat(cipher.currentKeyId()).isEqualTo("new");
        assertThatThrownBy(() -> PersonalDataCipher.fromConfiguration("k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PersonalDataCipher.fromConfiguration("")).hasMessageContaining("zwy.privacy.keys");
        assertThatThrownBy(() -> PersonalDataCipher.fromConfiguration("k:" + a + ",k:" + b)).hasMessageContaining("twice");
    }

    @Test
    void theBlindIndexIsEqualForEqualNumbersHoweverTyped_M3() {
        BlindIndex index = new BlindIndex(key());
        String typed = index.of(ResidentIdNumber.parse("id", "11010519491231002x"));
        assertThat(index.of(ResidentIdNumber.parse("id", " 11010519491231002X"))).isEqualTo(typed).hasSize(64);
        assertThat(index.of(ResidentIdNumber.parse("id", ID))).isNotEqualTo(typed);
        assertThat(index.of(MobileNumber.parse("phone", "+86 138-1234-5678")))
                .isEqualTo(index.of(MobileNumber.parse("phone", "13812345678")));
        // same digits, different kind: different index
        assertThat(index.of(BlindIndex.Kind.MOBILE, "13812345678")).isNotEqualTo(index.of(BlindIndex.Kind.RESIDENT_ID, "13812345678"));
        // another key, another index: the index means nothing without its key
        assertThat(new BlindIndex(key()).of(ResidentIdNumber.parse("id", ID))).isNotEqualTo(index.of(ResidentIdNumber.parse("id", ID)));
    }

    @Test
    void staffViewsShowMaskedNumbers_M3() {
        assertThat(Masking.idNumber("441825199003071234")).isEqualTo("4418**********1234");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void namesAreMaskedToTheFirstCharacterAndFoundOnlyByTheWholeName_M3() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name(" 欧阳娜娜 ")).isEqualTo("欧***");
        assertThat(Masking.name("王")).isEqualTo("王*");
        // a character outside the basic plane (𠮷) counts as one
        assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷**");
        assertThat(Masking.name(" ")).isNull();
        BlindIndex index = new BlindIndex(key());
        assertThat(index.ofName("张 三")).isEqualTo(index.ofName("张三")).isEqualTo(index.ofName("张\u3000三")).hasSize(64);
        assertThat(index.ofName("张三")).isNotEqualTo(index.ofName("张三丰"));
        // a name and a number with the same characters never share an index
        assertThat(index.ofName("13812345678")).isNotEqualTo(index.of(BlindIndex.Kind.MOBILE, "13812345678"));
    }
}
