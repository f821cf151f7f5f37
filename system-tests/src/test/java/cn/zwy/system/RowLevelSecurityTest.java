package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database layer of tenancy (T2), seen with plain SQL as the application's own role:
 * without a tenant nothing is visible, one tenant never sees another, read scopes cannot write,
 * and the change record cannot be rewritten.
 */
@ExtendWith(PlatformUnderTest.class)
class RowLevelSecurityTest {

    private static Connection connect() throws SQLException {
        String db = System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void nativeQueryWithoutTenantReturnsNoRows_T2() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThat(count(st, "select count(*) from hall")).isZero();
            assertThat(count(st, "select count(*) from hall_change")).isZero();
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '441825', true)");
            // the same query inside a tenant's transaction sees that tenant's halls: the zero above is RLS, not an empty table
            // (its main hall, and the town centres and village stations the demo data and other tests add)
            assertThat(count(st, "select count(*) from hall where main")).isEqualTo(1);
            assertThat(count(st, "select count(*) from hall")).isGreaterThanOrEqualTo(1);
            c.rollback();
        }
    }

    @Test
    void oneTenantNeverSeesAnothersRows_T2() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '440781', true)");
            assertThat(count(st, "select count(*) from hall where tenant_id = '441825'")).isZero();
            assertThat(count(st, "select count(*) from hall where tenant_id = '440781'")).isEqualTo(1);
            c.rollback();
        }
    }

    @Test
    void readScopeCannotWrite_T2() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '441825', true), set_config('app.tenant_write', 'off', true)");
            assertThatThrownBy(() -> st.executeUpdate("update hall set phone = '12345' where tenant_id = '441825'"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void changeRecordCannotBeRewritten() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update hall_change set changed_by = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeUpdate("delete from hall_change"))
                    .hasMessageContaining("permission denied");
        }
    }
}
