package cn.zwy.cases.filing;

import cn.zwy.cases.api.ApplicantKind;
import cn.zwy.cases.applicant.CreditCode;
import cn.zwy.cases.applicant.MobileNumber;
import cn.zwy.cases.applicant.ResidentIdNumber;
import cn.zwy.cases.privacy.BlindIndex;
import cn.zwy.cases.privacy.Masking;
import cn.zwy.cases.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Filing's personal data (M3) on the privacy and applicant packages: the numbers are parsed into
 * value objects that only exist valid (GB 11643 / GB 32100 check characters, mobile numbers), sealed
 * with the current rotating AES-GCM key, indexed with the blind index's own key, and masked for staff
 * views. A credit code is public record: shown in full, but still sealed and indexed like the rest.
 */
@Component
class SealedApplicantData implements ApplicantPrivacy {

    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    SealedApplicantData(PersonalDataCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    @Override
    public Protected idNumber(ApplicantKind kind, String field, String raw) {
        if (kind == ApplicantKind.ENTERPRISE) {
            CreditCode code = CreditCode.parse(field, raw);
            return new Protected(cipher.seal(code.value()), index.of(code), code.value());
        }
        ResidentIdNumber id = ResidentIdNumber.parse(field, raw);
        return new Protected(cipher.seal(id.value()), index.of(id), Masking.idNumber(id.value()));
    }

    @Override
    public Protected phone(String field, String raw) {
        MobileNumber phone = MobileNumber.parse(field, raw);
        return new Protected(cipher.seal(phone.value()), index.of(phone), Masking.phone(phone.value()));
    }
}
