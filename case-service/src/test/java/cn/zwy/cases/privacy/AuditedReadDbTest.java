package cn.zwy.cases.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** M3 against the real case database: a full read is shown only with its record, and only to staff of the case's tenant. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${ZWY_CASE_DB:zwy_test_case}")
class AuditedReadDbTest {

    @Autowired AuditedRead audited;
    @Autowired PersonalDataCipher cipher;
    @Autowired TenantTransactions tx;
    @Autowired JdbcTemplate jdbc;

    static Caller staff(String tenant) {
        return new Caller(Realm.STAFF, UUID.randomUUID().toString(), tenant + ".clerk", "李四", Set.of("clerk"),
                Optional.of(tenant), Optional.empty());
    }

    @Test
    void aFullReadIsRecordedWithWhoWhatWhyAndWhen_M3() {
        String sealed = cipher.seal("440304200002290014");
        String caseId = "441825-2026-" + UUID.randomUUID().toString().substring(0, 6);
        Caller clerk = staff("441825");
        assertThat(audited.reveal(clerk, "441825", caseId, PersonalField.APPLICANT_ID_NUMBER, "核验申请人身份", sealed))
                .isEqualTo("440304200002290014");
        Map<String, Object> row = tx.read("441825", () -> jdbc.queryForMap(
                "select field, reader_realm, reader_id, reader_name, reason, read_at from personal_data_read where case_id = ?", caseId));
        assertThat(row).containsEntry("field", "APPLICANT_ID_NUMBER").containsEntry("reader_realm", "STAFF")
                .containsEntry("reader_id", clerk.userId()).containsEntry("reader_name", "李四").containsEntry("reason", "核验申请人身份");
        assertThat(row.get("read_at")).isNotNull();
    }

    @Test
    void staffOfAnotherTenantOrWithoutAReasonSeeNothing_M3() {
        String sealed = cipher.seal("13812345678");
        String caseId = "441825-2026-" + UUID.randomUUID().toString().substring(0, 6);
        assertThatThrownBy(() -> audited.reveal(staff("440781"), "441825", caseId, PersonalField.APPLICANT_PHONE, "好奇", sealed))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> audited.reveal(staff("441825"), "441825", caseId, PersonalField.APPLICANT_PHONE, " ", sealed))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(tx.read("441825", () -> jdbc.queryForObject(
                "select count(*) from personal_data_read where case_id = ?", Integer.class, caseId))).isZero();
    }

    @Test
    void anAlteredStoredValueIsNotShownButTheAttemptIsNotRecordedEither_M3() {
        String sealed = cipher.seal("13812345678");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        String caseId = "441825-2026-" + UUID.randomUUID().toString().substring(0, 6);
        assertThatThrownBy(() -> audited.reveal(staff("441825"), "441825", caseId, PersonalField.APPLICANT_PHONE, "回访", tampered))
                .isInstanceOf(PersonalDataCipher.TamperedException.class);
        // the record and the read are one transaction: no value shown, no record left
        assertThat(tx.read("441825", () -> jdbc.queryForObject(
                "select count(*) from personal_data_read where case_id = ?", Integer.class, caseId))).isZero();
    }
}
