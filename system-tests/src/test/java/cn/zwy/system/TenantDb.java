package cn.zwy.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The run's own tenant database, as the services' role (zwy_app, under row-level security).
 * Connecting is retried for a while: the PostgreSQL server is shared with other runs on the same
 * machine and may briefly have no connection slot left.
 */
final class TenantDb {

    private TenantDb() {}

    static Connection connect() throws SQLException {
        String db = System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant");
        SQLException last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "zwy_app", "zwy_app_demo");
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
