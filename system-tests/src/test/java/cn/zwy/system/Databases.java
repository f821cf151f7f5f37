package cn.zwy.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Connections to the run's own databases. Connecting is retried for a while: the PostgreSQL server
 * is shared with other runs on the same machine and may briefly have no connection slot left.
 */
final class Databases {

    private Databases() {}

    static Connection connect(String db, String user, String password) throws SQLException {
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
