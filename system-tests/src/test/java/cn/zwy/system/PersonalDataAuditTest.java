package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * M3: the record of full reads of personal data ({@code personal_data_read}) is append-only in
 * the database itself: the application's role may add to it but not change or remove a row, and
 * even the schema's owner is stopped by the trigger. Seen with plain SQL against the run's case
 * database (migrated by the running case-service).
 */
@ExtendWith(PlatformUnderTest.class)
class PersonalDataAuditTest {

    private static final String TENANT = "441825";

    private static void bind(Statement st, String tenant) throws SQLException {
        CaseDb.bind(st, tenant);
    }

    private static String record(Connection c) throws SQLException {
        String caseId = "441825-2026-" + UUID.randomUUID().toString().substring(0, 6);
        try (Statement st = c.createStatement()) {
            bind(st, TENANT);
            st.executeUpdate("insert into personal_data_read (tenant_id, case_id, field, reader_realm, reader_id, reader_name, reason) "
                    + "values ('441825', '" + caseId + "', 'APPLICANT_ID_NUMBER', 'STAFF', 'u-1', '李四', '核验身份')");
        }
        c.commit();
        return caseId;
    }

    @Test
    void fullReadsAreRecordedAndTheRecordCannotBeRewritten_M3() throws Exception {
        try (Connection c = CaseDb.connect()) {
            c.setAutoCommit(false);
            String caseId = record(c);
            try (Statement st = c.createStatement()) {
                bind(st, TENANT);
                try (var rs = st.executeQuery("select count(*) from personal_data_read where case_id = '" + caseId + "'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
                assertThatThrownBy(() -> st.executeUpdate("update personal_data_read set reader_id = 'someone-else' where case_id = '" + caseId + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
            c.rollback();
            try (Statement st = c.createStatement()) {
                bind(st, TENANT);
                assertThatThrownBy(() -> st.executeUpdate("delete from personal_data_read where case_id = '" + caseId + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
            c.rollback();
        }
    }

    private static final String REVEAL = """
            mutation($input: RevealCasePersonalDataInput!) { revealCasePersonalData(input: $input) { field value } }""";

    private static long readsOf(String caseId, String reason) throws SQLException {
        try (Connection c = CaseDb.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            bind(st, TENANT);
            try (var rs = st.executeQuery("select count(*) from personal_data_read where case_id = '" + caseId
                    + "' and reason = '" + reason + "' and reader_realm = 'STAFF'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The console's "show" (ADR 0029): the clerk of 连山 sees the applicant's ID number in full only with a
     * reason, and the read is recorded with it; without a reason nothing is shown or recorded; another tenant's
     * centre administrator is refused.
     */
    @Test
    void showingAMaskedNumberNeedsAReasonAndIsRecorded_M3() throws Exception {
        String caseId = Cases.submitted(Cases.promisedItem()).get("caseId").asString();
        String reason = "窗口核验身份 " + UUID.randomUUID().toString().substring(0, 8);

        Api.Response noReason = Api.graphql(Cases.clerk(), REVEAL,
                Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_ID_NUMBER", "reason", " ")));
        assertThat(noReason.errorCode()).as(noReason.body().toString()).isEqualTo("VALIDATION");
        assertThat(noReason.errorField()).isEqualTo("reason");

        Api.Response other = Api.graphql(Tokens.staff("taishan.admin"), REVEAL,
                Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_ID_NUMBER", "reason", reason)));
        assertThat(other.errorCode()).as(other.body().toString()).isEqualTo("FORBIDDEN");
        assertThat(readsOf(caseId, reason)).isZero();

        Api.Response shown = Api.graphql(Cases.clerk(), REVEAL,
                Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_ID_NUMBER", "reason", reason)));
        assertThat(shown.errors()).as(shown.body().toString()).isNull();
        assertThat(shown.data().at("/revealCasePersonalData/value").asString()).isEqualTo(Cases.ID_NUMBER);
        assertThat(readsOf(caseId, reason)).isEqualTo(1);

        Api.Response phone = Api.graphql(Cases.clerk(), REVEAL,
                Map.of("input", Map.of("caseId", caseId, "field", "APPLICANT_PHONE", "reason", reason)));
        assertThat(phone.data().at("/revealCasePersonalData/value").asString()).isEqualTo(Cases.PHONE);
        assertThat(readsOf(caseId, reason)).isEqualTo(2);
    }

    @Test
    void evenTheOwnerWithoutRowSecurityCannotRewriteTheReadRecord_M3() throws Exception {
        String caseId;
        try (Connection c = CaseDb.connect()) {
            c.setAutoCommit(false);
            caseId = record(c);
        }
        try (Connection owner = CaseDb.connectAsOwner()) {
            owner.setAutoCommit(false);
            // the owner lifts row-level security from the table (it may: it owns it) so that its
            // UPDATE and DELETE reach the row at all; the trigger still refuses them
            try (Statement st = owner.createStatement()) {
                st.execute("alter table personal_data_read no force row level security");
                assertThatThrownBy(() -> st.executeUpdate("update personal_data_read set reason = 'x' where case_id = '" + caseId + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
            owner.rollback();
            try (Statement st = owner.createStatement()) {
                st.execute("alter table personal_data_read no force row level security");
                assertThatThrownBy(() -> st.executeUpdate("delete from personal_data_read where case_id = '" + caseId + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
            owner.rollback();
            try (Statement st = owner.createStatement()) {
                assertThatThrownBy(() -> st.execute("truncate personal_data_read")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
            owner.rollback();
        }
    }

    @Test
    void anotherTenantDoesNotSeeWhoReadWhat_M3() throws Exception {
        try (Connection c = CaseDb.connect()) {
            c.setAutoCommit(false);
            String caseId = record(c);
            try (Statement st = c.createStatement()) {
                bind(st, "440781");
                try (var rs = st.executeQuery("select count(*) from personal_data_read where case_id = '" + caseId + "'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
                assertThatThrownBy(() -> st.executeUpdate("insert into personal_data_read (tenant_id, case_id, field, reader_realm, reader_id, reason) "
                        + "values ('441825', 'x', 'APPLICANT_PHONE', 'STAFF', 'u-2', 'r')")).isInstanceOf(SQLException.class);
            }
            c.rollback();
        }
    }
}
