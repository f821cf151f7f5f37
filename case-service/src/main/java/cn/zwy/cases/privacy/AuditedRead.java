package cn.zwy.cases.privacy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way a staff member sees a personal number in full (M3): the read is recorded in
 * {@code personal_data_read} (who, which field of which case, why, when) in the same transaction
 * that opens the value, so there is no full read without its record. Staff views show
 * {@link Masking} otherwise.
 * <p>The caller of this class has already decided that the reader may see the case at all (the
 * case's tenant, the reader's reach); this class checks again that a staff reader acts for or may
 * read the case's tenant, and that a reason is given. A citizen reads only their own case's data
 * (the case module checks ownership) and such reads are recorded too.
 */
@Component
public class AuditedRead {

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    public AuditedRead(TenantTransactions tx, JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The plaintext of {@code sealed} (a value of {@code field} of case {@code caseId} in tenant
     * {@code tenantId}), after recording the read. FORBIDDEN for staff of another tenant,
     * VALIDATION without a reason.
     */
    public String reveal(Caller reader, String tenantId, String caseId, PersonalField field, String reason, String sealed) {
        if (reader.realm() == Realm.STAFF && !reader.mayRead(tenantId)) {
            throw ApiException.forbidden("无权查看其他地区办件的个人信息");
        }
        if (reason == null || reason.isBlank()) throw ApiException.validation("reason", "查看完整个人信息须说明事由");
        if (reason.strip().length() > 200) throw ApiException.validation("reason", "事由最多 200 字");
        return tx.write(tenantId, () -> {
            jdbc.update("insert into personal_data_read (tenant_id, case_id, field, reader_realm, reader_id, reader_name, reason) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    tenantId, caseId, field.name(), reader.realm().name(), reader.userId(),
                    reader.displayName(), reason.strip());
            return cipher.open(sealed);
        });
    }
}
