package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
