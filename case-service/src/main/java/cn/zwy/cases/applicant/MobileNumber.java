package cn.zwy.cases.applicant;

import cn.zwy.common.error.ApiException;
import java.util.regex.Pattern;

/**
 * A mainland mobile number: 11 digits starting 13–19. Typed with spaces, hyphens or a
 * {@code +86}/{@code 86} prefix it is accepted and normalised to the 11 digits (the form the
 * blind index hashes and masking shows).
 */
public record MobileNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public MobileNumber {
        if (value == null || !MOBILE.matcher(value).matches()) throw new IllegalArgumentException("not a valid mobile number");
    }

    public static MobileNumber parse(String field, String raw) {
        String v = normalise(raw);
        if (v == null || v.isEmpty()) throw ApiException.validation(field, "手机号码不能为空");
        if (!v.chars().allMatch(Character::isDigit)) throw ApiException.validation(field, "手机号码只能包含数字");
        if (v.length() != 11) throw ApiException.validation(field, "手机号码应为 11 位，实际 " + v.length() + " 位");
        if (!MOBILE.matcher(v).matches()) throw ApiException.validation(field, "手机号码应以 13–19 开头");
        return new MobileNumber(v);
    }

    public static boolean isValid(String raw) {
        String v = normalise(raw);
        return v != null && MOBILE.matcher(v).matches();
    }

    private static String normalise(String raw) {
        if (raw == null) return null;
        String v = raw.strip().replace(" ", "").replace("-", "");
        if (v.startsWith("+86")) v = v.substring(3);
        else if (v.startsWith("86") && v.length() == 13) v = v.substring(2);
        return v;
    }

    @Override
    public String toString() {
        return "MobileNumber[" + value.substring(0, 3) + "****" + value.substring(7) + "]";
    }
}
