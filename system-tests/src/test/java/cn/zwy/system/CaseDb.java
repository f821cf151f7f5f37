package cn.zwy.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
        String db = System.getenv().getOrDefault("ZWY_CASE_DB", "zwy_test_case");
        SQLException last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, user, password);
            } catch (SQLException e) {
                if (!"53300".equals(e.getSQLState())) throw e;   // too many connections: wait for a slot
                last = e;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }
}
