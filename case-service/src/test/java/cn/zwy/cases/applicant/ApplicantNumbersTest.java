package cn.zwy.cases.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The applicant's numbers as a clerk or a citizen types them: real-format samples whose check
 * characters were computed by the standards' algorithms (GB 11643-1999 MOD 11-2, GB 32100-2015
 * MOD 31), and the same numbers with one character wrong.
 */
class ApplicantNumbersTest {

    // ------------------------------------------------------------------ 居民身份证号码

    @Test
    void residentIdNumbersWithTheirCheckDigitAreAccepted() {
        assertThat(ResidentIdNumber.parse("idNumber", "440304200002290014").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(ResidentIdNumber.parse("idNumber", "510108198511203516").regionCode()).isEqualTo("510108");
        // check digit 10 is written X; a lower-case x and surrounding blanks are normalised
        assertThat(ResidentIdNumber.parse("idNumber", "11010519491231002X").value()).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.parse("idNumber", " 44182519900307123x ").value()).isEqualTo("44182519900307123X");
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("applicant.idNumber", "440304200002290015"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(e.field()).isEqualTo("applicant.idNumber");
                    assertThat(e.getMessage()).contains("居民身份证号码", "校验位");
                });
        // one transposed digit in the body changes the check digit too
        assertThat(ResidentIdNumber.isValid("510108198511203561")).isFalse();
        assertThat(ResidentIdNumber.isValid("11010519491231002Y")).isFalse();
        assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
    }

    @Test
    void impossibleBirthDatesAndRegionsAreRefusedWhateverTheCheckDigit() {
        // 2001-02-29 does not exist; the check digit is right for the 17 digits
        String noLeapDay = "44030420010229001";
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", noLeapDay + ResidentIdNumber.checkCharacter(noLeapDay)))
                .hasMessageContaining("出生日期");
        String future = "44030430000101001";
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", future + ResidentIdNumber.checkCharacter(future)))
                .hasMessageContaining("出生日期");
        // 99 is no province
        String region = "99030420000229001";
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", region + ResidentIdNumber.checkCharacter(region)))
                .hasMessageContaining("行政区划");
    }

    @Test
    void wrongLengthAndCharactersAreSaidPlainly() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", "44030420000229001")).hasMessageContaining("应为 18 位，实际 17 位");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", "4403042000022900A4")).hasMessageContaining("前 17 位应为数字");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", "")).hasMessageContaining("不能为空");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", null)).hasMessageContaining("不能为空");
    }

    @Test
    void theNumberNeverAppearsInFullInLogs() {
        assertThat(ResidentIdNumber.parse("idNumber", "440304200002290014").toString())
                .doesNotContain("440304200002290014").contains("4403**********0014");
    }

    // ------------------------------------------------------------------ 统一社会信用代码

    @Test
    void creditCodesWithTheirCheckCharacterAreAccepted() {
        assertThat(CreditCode.parse("creditCode", "91350100M000100Y43").regionCode()).isEqualTo("350100");
        assertThat(CreditCode.parse("creditCode", "91441825ma4uk1234j").value()).isEqualTo("91441825MA4UK1234J");
        assertThat(CreditCode.isValid("12100000400000624D")).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CreditCode.parse("applicant.creditCode", "91350100M000100Y44"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.field()).isEqualTo("applicant.creditCode");
                    assertThat(e.getMessage()).contains("统一社会信用代码", "校验位");
                });
        assertThat(CreditCode.isValid("91441825MA4UK1234K")).isFalse();
    }

    @Test
    void lettersOutsideTheAlphabetAreNamed() {
        // I, O, Z, S, V are never used (they look like 1, 0, 2, 5, U)
        for (char banned : "IOZSV".toCharArray()) {
            String code = "91441825MA4UK" + banned + "234";
            assertThatThrownBy(() -> CreditCode.parse("creditCode", code + "0"))
                    .hasMessageContaining("第 14 位“" + banned + "”不是允许的字符");
        }
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "9144182A" + "MA4UK1234J")).hasMessageContaining("行政区划");
        assertThatThrownBy(() -> CreditCode.parse("creditCode", "91350100M000100Y4")).hasMessageContaining("实际 17 位");
    }

    // ------------------------------------------------------------------ 手机号码

    @Test
    void mobileNumbersAreNormalisedToElevenDigits() {
        assertThat(MobileNumber.parse("phone", "138 1234 5678").value()).isEqualTo("13812345678");
        assertThat(MobileNumber.parse("phone", "+86 138-1234-5678").value()).isEqualTo("13812345678");
        assertThat(MobileNumber.parse("phone", "8613812345678").value()).isEqualTo("13812345678");
    }

    @Test
    void notAMobileNumberIsRefusedNamingTheField() {
        assertThatThrownBy(() -> MobileNumber.parse("contact.phone", "1381234567"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.field()).isEqualTo("contact.phone");
                    assertThat(e.getMessage()).contains("手机号码应为 11 位");
                });
        assertThatThrownBy(() -> MobileNumber.parse("phone", "12812345678")).hasMessageContaining("13–19");
        assertThatThrownBy(() -> MobileNumber.parse("phone", "0755-8888888")).hasMessageContaining("13–19");
        assertThatThrownBy(() -> MobileNumber.parse("phone", "1381234567a")).hasMessageContaining("只能包含数字");
    }
}
