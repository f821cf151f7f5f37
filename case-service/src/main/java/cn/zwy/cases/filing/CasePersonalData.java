package cn.zwy.cases.filing;

import cn.zwy.cases.api.StaffActions;
import cn.zwy.cases.privacy.AuditedRead;
import cn.zwy.cases.privacy.PersonalField;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The console's "show" of a masked number (M3): staff of the case's own tenant see the applicant's
 * ID number or contact phone in full, one field at a time, with a reason, and every such read is
 * recorded through {@link AuditedRead} before the value leaves. Another tenant's staff (the receiving
 * hall of C12, the level above of C11, the province's administrator) keep the masked form: they
 * handle the case without needing the number, and fewer readers is the point of M3.
 */
@Service
class CasePersonalData {

    private final TenantTransactions tx;
    private final CaseStore store;
    private final AuditedRead audited;
    private final JdbcTemplate jdbc;

    /** The most recorded reads one answer lists (the newest). */
    static final int MAX_READS = 500;

    CasePersonalData(TenantTransactions tx, CaseStore store, AuditedRead audited, JdbcTemplate jdbc) {
        this.tx = tx;
        this.store = store;
        this.audited = audited;
        this.jdbc = jdbc;
    }

    StaffActions.PersonalDataShown reveal(Caller caller, String id, StaffActions.RevealPersonalData body) {
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(cid.tenantCode())) {
            throw ApiException.forbidden("只有本中心的工作人员可以查看完整个人信息");
        }
        PersonalField field = field(body == null ? null : body.field());
        CaseRow c = tx.read(cid.tenantCode(), () -> store.find(cid.tenantCode(), cid.id()))
                .orElseThrow(() -> CaseService.notFound(id));
        String sealed = field == PersonalField.APPLICANT_ID_NUMBER ? c.applicantIdSealed : c.contactPhoneSealed;
        if (sealed == null) throw ApiException.notFound("field", "该办件没有这项个人信息");
        String value = audited.reveal(caller, cid.tenantCode(), c.publicId().toString(), field, body.reason(), sealed);
        return new StaffActions.PersonalDataShown(field.name(), value);
    }

    /**
     * Who was shown the case's numbers in full (M3): every recorded read of {@code personal_data_read}, newest first,
     * for the same readers as {@link #reveal}: staff of the case's own tenant. The receiving hall, the level above,
     * the province and citizens are refused: the record names the tenant's staff and their reasons.
     */
    List<StaffActions.PersonalDataRead> reads(Caller caller, String id) {
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(cid.tenantCode())) {
            throw ApiException.forbidden("只有本中心的工作人员可以查看个人信息的查看记录");
        }
        return tx.read(cid.tenantCode(), () -> {
            CaseRow c = store.find(cid.tenantCode(), cid.id()).orElseThrow(() -> CaseService.notFound(id));
            return jdbc.query("""
                    select field, reader_realm, reader_id, reader_name, reason, read_at from personal_data_read
                    where tenant_id = ? and case_id = ? order by seq desc limit ?""",
                    (rs, n) -> new StaffActions.PersonalDataRead(rs.getString("field"), rs.getString("reader_realm"),
                            rs.getString("reader_id"), rs.getString("reader_name"), rs.getString("reason"),
                            rs.getTimestamp("read_at").toInstant()),
                    cid.tenantCode(), c.publicId().toString(), MAX_READS);
        });
    }

    private static PersonalField field(String value) {
        if (PersonalField.APPLICANT_ID_NUMBER.name().equals(value)) return PersonalField.APPLICANT_ID_NUMBER;
        if (PersonalField.APPLICANT_PHONE.name().equals(value)) return PersonalField.APPLICANT_PHONE;
        throw ApiException.validation("field", "只能查看申请人的证件号码（APPLICANT_ID_NUMBER）或联系电话（APPLICANT_PHONE）");
    }
}
