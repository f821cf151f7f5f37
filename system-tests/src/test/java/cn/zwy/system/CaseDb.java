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

    /** Counts under the tenant's binding, as the owner (RLS is forced on it too). */
    static long count(String tenant, String sql, Object... args) throws SQLException {
        try (Connection c = connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                bind(st, tenant);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.commit();
            }
        }
    }

    /** When a timer of the scheduler is due (null: no such timer). */
    static java.time.Instant timerAt(String task, String instance) throws SQLException {
        try (Connection c = connectAsOwner();
             PreparedStatement ps = c.prepareStatement("select execution_time from scheduled_tasks where task_name = ? and task_instance = ?")) {
            ps.setString(1, task);
            ps.setString(2, instance);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    /** Makes the timers of the task whose instance is like {@code pattern} due now (the scheduler's next poll runs them); how many. */
    static int dueNow(String task, String pattern) throws SQLException {
        try (Connection c = connectAsOwner();
             PreparedStatement ps = c.prepareStatement("update scheduled_tasks set execution_time = now() where task_name = ? and task_instance like ?")) {
            ps.setString(1, task);
            ps.setString(2, pattern);
            return ps.executeUpdate();
        }
    }

    /** One row of the tenant changed as the schema's owner: the statement's value, and the row's id ("<tenant>:<uuid>"). */
    static void updateOne(String tenant, String sql, Object value, String id) throws SQLException {
        try (Connection c = connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                bind(st, tenant);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, value);
                ps.setObject(2, UUID.fromString(id.substring(id.indexOf(':') + 1)));
                if (ps.executeUpdate() != 1) throw new IllegalStateException("not one row: " + sql + " " + id);
            }
            c.commit();
        }
    }
}
