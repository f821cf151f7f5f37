package cn.zwy.cases.filing;

import cn.zwy.cases.api.ApplicantKind;
import cn.zwy.common.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stands in for the privacy and applicant packages until their branch is merged (then an adapter
 * over PersonalDataCipher, BlindIndex, Masking, ResidentIdNumber and CreditCode replaces this class):
 * AES-256-GCM with a random nonce, HMAC-SHA256 blind index, GB 11643 and GB 32100 check characters.
 * One key, no rotation.
 */
@Component
class InterimApplicantPrivacy implements ApplicantPrivacy {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final SecretKeySpec key;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    InterimApplicantPrivacy(@Value("${zwy.cases.personal-data-key}") String base64Key) {
        byte[] k = Base64.getDecoder().decode(base64Key);
        if (k.length != 32) throw new IllegalStateException("zwy.cases.personal-data-key must be 32 bytes (base64)");
        this.key = new SecretKeySpec(k, "AES");
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(k, "HmacSHA256"));
            this.indexKey = new SecretKeySpec(derive.doFinal("blind-index".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Protected idNumber(ApplicantKind kind, String field, String raw) {
        String v = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (kind == ApplicantKind.ENTERPRISE) {
            if (!v.matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}") || creditCheck(v) != v.charAt(17)) {
                throw ApiException.validation(field, "统一社会信用代码不正确（18 位，末位校验码须符合 GB 32100）");
            }
            // a credit code is public record: shown in full
            return new Protected(seal(v), index("credit:" + v), v);
        }
        if (!v.matches("\\d{17}[0-9X]") || idCheck(v) != v.charAt(17)) {
            throw ApiException.validation(field, "居民身份证号码不正确（18 位，末位校验码须符合 GB 11643）");
        }
        return new Protected(seal(v), index("id:" + v), v.substring(0, 4) + "**********" + v.substring(14));
    }

    @Override
    public Protected phone(String field, String raw) {
        String v = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        if (v.startsWith("+86")) v = v.substring(3);
        if (!v.matches("1[3-9]\\d{9}")) throw ApiException.validation(field, "手机号码不正确（11 位，以 1 开头）");
        return new Protected(seal(v), index("mobile:" + v), v.substring(0, 3) + "****" + v.substring(7));
    }

    static char idCheck(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (v.charAt(i) - '0') * ID_WEIGHTS[i];
        return ID_CHECK.charAt(sum % 11);
    }

    static char creditCheck(String v) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(v.charAt(i)) * CREDIT_WEIGHTS[i];
        return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private String seal(String plain) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return "v0:" + Base64.getEncoder().encodeToString(nonce) + ":" + Base64.getEncoder().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String index(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
