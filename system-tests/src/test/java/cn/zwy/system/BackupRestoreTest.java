package cn.zwy.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.system.PlatformUnderTest.Extra;
import cn.zwy.system.PlatformUnderTest.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Backup and restore as an operator runs them (issue 13, docs/operations.md): {@code ./platform backup} dumps every
 * database of this test run and snapshots its Elasticsearch indices; {@code ./platform restore --suffix} rebuilds
 * them from nothing beside the live ones (new databases, renamed indices — the shared ones other tests use are not
 * wiped); then a case-service started on the restored database serves what was acknowledged before the backup,
 * and the restored indices answer the same searches.
 */
@ExtendWith(PlatformUnderTest.class)
class BackupRestoreTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String SUFFIX = "restored";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> DATABASES = List.of(env("ZWY_TENANT_DB", "zwy_test_tenant"),
            env("ZWY_CASE_DB", "zwy_test_case"), env("ZWY_SEARCH_DB", "zwy_test_search"));
    private static final String PREFIX = env("ZWY_ES_INDEX_PREFIX", "zwy");
    private static final String ES = "http://127.0.0.1:" + env("ZWY_ES_PORT", "9200");

    private static Path backup;
    private static Extra restoredCases;

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    @AfterAll
    static void tidy() throws Exception {
        if (restoredCases != null) {
            restoredCases.process().destroy();
            restoredCases.process().waitFor();
        }
        for (String db : DATABASES) dropRestored(db);
        dropRestored("keycloak");
        es("DELETE", "/" + PREFIX + "-" + SUFFIX + "-*");
        if (backup != null) platform("rm", "-rf", backup.toString());
    }

    @Test
    void backupWipeRestoreFindsEverything() throws Exception {
        // what the platform acknowledged before the backup: a case with its record, and the guide index
        JsonNode kept = Cases.submitted(Cases.promisedItem());
        String caseId = kept.get("caseId").asString();
        long casesBefore = tenantCases(DATABASES.get(1));
        long guidesBefore = count(PREFIX + "-guides");
        assertThat(guidesBefore).as("the run's guide index holds the demo guides").isPositive();

        backup = Path.of("/var/lib/zwy/backups/test-" + UUID.randomUUID());
        long t0 = System.currentTimeMillis();
        platform("./platform", "backup", backup.toString());
        long backupMs = System.currentTimeMillis() - t0;
        String manifest = Files.readString(backup.resolve("manifest"));
        for (String db : DATABASES) {
            assertThat(manifest).contains("database " + db + " ");
            assertThat(Files.size(backup.resolve(db + ".dump"))).isPositive();
        }
        assertThat(manifest).contains("database keycloak ").contains("alias " + PREFIX + "-guides ");

        t0 = System.currentTimeMillis();
        platform("./platform", "restore", backup.toString(), "--suffix", SUFFIX);
        long restoreMs = System.currentTimeMillis() - t0;
        System.out.printf("BACKUP %d ms, RESTORE %d ms (%s)%n", backupMs, restoreMs, backup);

        // every table and every applied migration is back, and the tenant's cases (nothing after the backup was
        // written to the restored copy, so it holds at least what was acknowledged before it and at most the live count)
        for (String db : DATABASES) {
            assertThat(tables(db + "_" + SUFFIX)).as(db).isEqualTo(tables(db));
            assertThat(migrations(db + "_" + SUFFIX)).as(db).isEqualTo(migrations(db));
        }
        // Keycloak's database too: its realms, clients and accounts
        assertThat(strings("keycloak_" + SUFFIX, "keycloak", "select name from realm order by 1"))
                .isEqualTo(strings("keycloak", "keycloak", "select name from realm order by 1")).contains("citizen", "staff");
        // analysed on restore (pg_restore brings no statistics back; case-service's generic plans, ADR 0038, are made
        // from them): the case table's partitions have been analysed, where a bare restore leaves them never analysed
        assertThat(strings(DATABASES.get(1) + "_" + SUFFIX, "select count(*) from pg_stat_user_tables where last_analyze is not null "
                + "and relname like 'case_file%'")).as("analysed case tables").isNotEqualTo(List.of("0"));
        long restoredCount = tenantCases(DATABASES.get(1) + "_" + SUFFIX);
        assertThat(restoredCount).isBetween(casesBefore, tenantCases(DATABASES.get(1)));

        // a service started on the restored database serves the case to its citizen, with its record; it runs on
        // its own event stream so it takes no event meant for the live one
        restoredCases = PlatformUnderTest.startExtra(Service.CASE, "restored", 22, Map.of(
                "ZWY_CASE_DB", DATABASES.get(1) + "_" + SUFFIX,
                "ZWY_EVENTS_STREAM", env("ZWY_EVENTS_STREAM", "zwy-test:local:events") + ":restored"));
        Api.Response fromRestore = Api.get(restoredCases.url() + "/api/cases/" + caseId, Cases.citizen());
        assertThat(fromRestore.status()).as(fromRestore.body().toString()).isEqualTo(200);
        JsonNode live = Cases.get(Cases.citizen(), caseId);
        assertThat(fromRestore.body().get("receiptNumber")).isEqualTo(live.get("receiptNumber"));
        assertThat(fromRestore.body().get("status").asString()).isEqualTo("SUBMITTED");

        // the snapshot brought the indices back under the new prefix, aliases included, with the same documents
        assertThat(count(PREFIX + "-" + SUFFIX + "-guides")).isBetween(guidesBefore, count(PREFIX + "-guides"));
        String hit = es("GET", "/" + PREFIX + "-" + SUFFIX + "-guides/_search?q=*&size=1");
        assertThat(hit).contains("\"hits\"");
    }

    private static void dropRestored(String db) {
        try {
            platform("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-d", "postgres", "-c",
                    "drop database if exists " + db + "_" + SUFFIX + " with (force)");
        } catch (Exception | AssertionError e) {
            System.out.println("restored database left behind: " + db + "_" + SUFFIX + ": " + e);
        }
    }

    private static void platform(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
        System.out.print(out);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private static long tenantCases(String db) throws Exception {
        try (Connection c = Databases.connect(db, "zwy_app", "zwy_app_demo")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                CaseDb.bind(st, "441825");
                try (ResultSet rs = st.executeQuery("select count(*) from case_file")) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static List<String> tables(String db) throws Exception {
        return strings(db, "select table_name from information_schema.tables where table_schema = 'public' order by 1");
    }

    private static List<String> migrations(String db) throws Exception {
        return strings(db, "select coalesce(version, '') || ' ' || coalesce(checksum::text, '') || ' ' || script from flyway_schema_history where success order by installed_rank");
    }

    private static List<String> strings(String db, String sql) throws Exception {
        return strings(db, "zwy_owner", sql);
    }

    private static List<String> strings(String db, String role, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Databases.connect(db, role, role + "_demo"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long count(String index) throws Exception {
        String body = es("GET", "/" + index + "/_count");
        return Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
    }

    private static String es(String method, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
