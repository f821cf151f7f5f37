package cn.zwy.cases.filing;

import cn.zwy.cases.api.ApplicantKind;

/**
 * What filing needs of personal data (M3): validate an applicant's id number (居民身份证 check digit
 * for a person, 统一社会信用代码 check character for an enterprise) and a mobile number, and turn them
 * into what is stored: sealed (encrypted), a keyed blind index for exact lookup, and the masked form
 * every staff view shows. An invalid value is a VALIDATION error naming {@code field}.
 *
 * <p>The port in front of the privacy and applicant packages (cn.zwy.cases.privacy, cn.zwy.cases.applicant),
 * served by {@link SealedApplicantData}.
 */
public interface ApplicantPrivacy {

    record Protected(String sealed, String index, String masked) {}

    Protected idNumber(ApplicantKind kind, String field, String raw);

    Protected phone(String field, String raw);
}
