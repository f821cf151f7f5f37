package cn.zwy.cases.privacy;

import cn.zwy.cases.applicant.CreditCode;
import cn.zwy.cases.applicant.MobileNumber;
import cn.zwy.cases.applicant.ResidentIdNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exact lookup over encrypted numbers (M3): HMAC-SHA256 with a key of its own (not a data key,
 * so rotating data keys leaves every index value as it is) over the normalised number and its
 * kind, as lower-case hex. Equal numbers give equal index values whoever typed them and however
 * (the value objects normalise: {@code x} → {@code X}, {@code +86 138-…} → 11 digits); the index
 * reveals nothing without the key, and the kind in the input keeps an ID number and a phone
 * number with the same digits apart. Store it beside the sealed value in a {@code char(64)}
 * column and search {@code where …_index = ?}.
 */
public final class BlindIndex {

    /** What a number is: part of the hashed input. */
    public enum Kind { RESIDENT_ID, CREDIT_CODE, MOBILE, NAME }

    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key.length < 32) throw new IllegalArgumentException("zwy.privacy.index-key must be at least 32 bytes, is " + key.length);
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String of(ResidentIdNumber id) {
        return of(Kind.RESIDENT_ID, id.value());
    }

    public String of(CreditCode code) {
        return of(Kind.CREDIT_CODE, code.value());
    }

    public String of(MobileNumber phone) {
        return of(Kind.MOBILE, phone.value());
    }

    /** A person's name as typed at the window: without spaces of any kind, so 张 三 and 张三 are one name. */
    public String ofName(String name) {
        return of(Kind.NAME, name.replaceAll("[\\s\\u3000]+", ""));
    }

    /** For a value already normalised by its value object. */
    public String of(Kind kind, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((kind.name() + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
