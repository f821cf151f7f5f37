package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema keeps the way past one database open (issue #13, ADR 0027), read from the catalogs of the three
 * databases as the services' migrations left them: every tenant table carries tenant_id, its primary key and every
 * unique constraint or index name it, every foreign key between tenant tables joins on it (partitioning by tenant
 * and Citus with distribution column tenant_id both require that); the global tables are exactly the ones
 * docs/scaling.md lists as reference tables. case_file is partitioned by tenant, and a case read by id in its
 * tenant's transaction touches one partition.
 */
@ExtendWith(PlatformUnderTest.class)
class TenantKeysTest {

    /** Platform data, not any tenant's (docs/scaling.md says why for each): Citus reference tables or left out. */
    private static final Map<String, Set<String>> GLOBAL = Map.of(
            "ZWY_TENANT_DB", Set.of("flyway_schema_history", "scheduled_tasks", "region", "tenant", "standard_item", "standard_item_version",
                    "national_calendar_year", "national_calendar_day"),
            "ZWY_CASE_DB", Set.of("flyway_schema_history", "scheduled_tasks", "national_calendar_year", "national_calendar_day",
                    "tenant_model", "material_upload", "material_object"),
            "ZWY_SEARCH_DB", Set.of("flyway_schema_history", "scheduled_tasks", "standard_version"));

    private static final Map<String, String> FALLBACK = Map.of(
            "ZWY_TENANT_DB", "zwy_test_tenant", "ZWY_CASE_DB", "zwy_test_case", "ZWY_SEARCH_DB", "zwy_test_search");

    private static Connection connect(String variable, String user, String password) throws SQLException {
        return Databases.connect(System.getenv().getOrDefault(variable, FALLBACK.get(variable)), user, password);
    }

    @Test
    void everyTenantTableKeyCarriesTheTenant_citusReady() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var db : GLOBAL.entrySet()) {
            try (Connection c = connect(db.getKey(), "zwy_app", "zwy_app_demo")) {
                wrong.addAll(check(c, db.getKey(), db.getValue()));
            }
        }
        assertThat(wrong).as("tables, keys and foreign keys that do not carry the tenant").isEmpty();
    }

    /** What does not carry the tenant in one database, as readable lines; also a global table that is not there. */
    private static List<String> check(Connection c, String db, Set<String> global) throws SQLException {
        List<String> wrong = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        // ordinary and partitioned tables of the schema; partitions are checked through their parent
        try (ResultSet rs = c.createStatement().executeQuery("""
                select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace
                  and c.relkind in ('r', 'p') and not c.relispartition order by 1""")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        for (String g : global) {
            if (!tables.contains(g)) wrong.add(db + ": " + g + " is listed as global but does not exist");
        }
        for (String t : tables) {
            if (global.contains(t)) continue;
            try (PreparedStatement ps = c.prepareStatement("""
                    select a.attnotnull from pg_attribute a
                    where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attname = 'tenant_id' and not a.attisdropped""")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) wrong.add(db + ": " + t + " has no tenant_id");
                    else if (!rs.getBoolean(1)) wrong.add(db + ": " + t + ".tenant_id may be null");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select count(*) from pg_constraint where conrelid = ('public.' || quote_ident(?))::regclass and contype = 'p'""")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) wrong.add(db + ": " + t + " has no primary key");
                }
            }
            // primary keys, unique constraints and unique indexes (partial ones too) without tenant_id
            try (PreparedStatement ps = c.prepareStatement("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid = ('public.' || quote_ident(?))::regclass and i.indisunique
                      and not exists (select 1 from pg_attribute a where a.attrelid = i.indrelid and a.attname = 'tenant_id'
                                      and a.attnum = any (i.indkey::int2[]))""")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) wrong.add(db + ": " + t + " unique without tenant_id: " + rs.getString(2));
                }
            }
            // foreign keys to another tenant table must pair tenant_id with the referenced tenant_id
            try (PreparedStatement ps = c.prepareStatement("""
                    select x.conname, pg_get_constraintdef(x.oid), x.confrelid::regclass::text,
                           exists (select 1 from unnest(x.conkey, x.confkey) as k(own, ref)
                                   join pg_attribute a on a.attrelid = x.conrelid and a.attnum = k.own and a.attname = 'tenant_id'
                                   join pg_attribute r on r.attrelid = x.confrelid and r.attnum = k.ref and r.attname = 'tenant_id')
                    from pg_constraint x where x.conrelid = ('public.' || quote_ident(?))::regclass and x.contype = 'f'""")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // a foreign key to a global table (a reference table in Citus) may name anything
                        if (global.contains(rs.getString(3))) continue;
                        if (!rs.getBoolean(4)) wrong.add(db + ": " + t + "." + rs.getString(1) + " does not join on tenant_id: " + rs.getString(2));
                    }
                }
            }
        }
        return wrong;
    }

    @Test
    void aCaseReadByIdInItsTenantTouchesOnePartition_citusReady() throws Exception {
        try (Connection c = connect("ZWY_CASE_DB", "zwy_app", "zwy_app_demo"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    select count(*) from pg_inherits where inhparent = 'case_file'::regclass""")) {
                rs.next();
                assertThat(rs.getInt(1)).as("case_file's hash partitions").isEqualTo(16);
            }
            c.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', '441825', true)");
            // the service's own read (CaseStore.find) with the plan a pooled prepared statement ends up with: a
            // generic plan, pruned when it starts, under the tenant's row-level security (a named server-side
            // statement: the driver's unnamed ones are always planned with their parameters)
            st.execute("set local plan_cache_mode = force_generic_plan");
            st.execute("prepare find_case(varchar, uuid) as select * from case_file where tenant_id = $1 and id = $2");
            StringBuilder generic = new StringBuilder();
            try (ResultSet rs = st.executeQuery("explain (analyze, costs off, timing off, summary off) execute find_case('441825', '"
                    + UUID.randomUUID() + "')")) {
                while (rs.next()) generic.append(rs.getString(1)).append('\n');
            }
            String plan = generic.toString();
            assertThat(plan).as("the generic plan:%n%s", plan).contains("Subplans Removed: 15");
            assertThat(partitions(plan)).as("partitions in the plan:%n%s", plan).hasSize(1);
            // the custom plan prunes when it is made
            st.execute("set local plan_cache_mode = force_custom_plan");
            plan = explain(c, "explain (costs off) select * from case_file where tenant_id = ? and id = ?");
            assertThat(partitions(plan)).as("partitions in the plan:%n%s", plan).hasSize(1);
            c.rollback();
        }
    }

    /** The partitions a plan names (an index of a partition is named after it). */
    private static Set<String> partitions(String plan) {
        Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("case_file_p\\d\\d").matcher(plan);
        while (m.find()) names.add(m.group());
        return names;
    }

    private static String explain(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "441825");
            ps.setObject(2, UUID.randomUUID());
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    @Test
    void actionRecordsStayAppendOnlyAfterTheKeysMoved_C16() throws Exception {
        // even the owner, who may change the schema, cannot empty the records: the triggers survived the migrations
        try (Connection c = connect("ZWY_CASE_DB", "zwy_owner", "zwy_owner_demo"); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> st.execute("truncate case_action")).hasMessageContaining("append-only");
            c.rollback();
            assertThatThrownBy(() -> st.execute("truncate personal_data_read")).hasMessageContaining("append-only");
            c.rollback();
        }
    }
}
