package cn.zwy.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

/** The run's own case database, as the services' role (zwy_app, under row-level security) or as its owner. */
final class CaseDb {

    private CaseDb() {}

    static Connection connect() throws SQLException {
        return connect("zwy_app", "zwy_app_demo");
    }

    /** As the schema's owner (the role migrations run as): RLS is forced on it too, triggers apply to it. */
    static Connection connectAsOwner() throws SQLException {
        return connect("zwy_owner", "zwy_owner_demo");
    }

    private static Connection connect(String user, String password) throws SQLException {
        return Databases.connect(System.getenv().getOrDefault("ZWY_CASE_DB", "zwy_test_case"), user, password);
    }

    /** Binds the statement's transaction to a tenant, for reads and writes under row-level security. */
    static void bind(Statement st, String tenant) throws SQLException {
        st.execute("select set_config('app.tenant_id', '" + tenant + "', true), set_config('app.tenant_write', 'on', true)");
    }

    /**
     * As if a case of 连山 had been accepted long ago: its clock starts on {@code clockStart} and its kept
     * deadline is {@code deadline} (written as the schema's owner).
     */
    static void shiftClock(String caseId, LocalDate clockStart, LocalDate deadline) throws SQLException {
        try (Connection c = connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                bind(st, caseId.substring(0, caseId.indexOf(':')));
            }
            try (PreparedStatement ps = c.prepareStatement("update case_file set clock_start = ?, deadline = ? where id = ?")) {
                ps.setObject(1, clockStart);
                ps.setObject(2, deadline);
                ps.setObject(3, UUID.fromString(caseId.substring(caseId.indexOf(':') + 1)));
                if (ps.executeUpdate() != 1) throw new IllegalStateException("no case " + caseId);
            }
            c.commit();
        }
    }
}
