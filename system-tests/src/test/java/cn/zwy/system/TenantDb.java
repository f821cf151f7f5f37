package cn.zwy.system;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The run's own tenant database, as the services' role (zwy_app, under row-level security).
 */
final class TenantDb {

    private TenantDb() {}

    static Connection connect() throws SQLException {
        return Databases.connect(System.getenv().getOrDefault("ZWY_TENANT_DB", "zwy_test_tenant"), "zwy_app", "zwy_app_demo");
    }
}
