package cn.zwy.tenant.region;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the national division tree (T1) shipped in {@code divisions/} with COPY: 44,703 rows
 * in about a second. A Spring bean, so that Spring Boot hands it to Flyway (classpath scanning
 * of classes inside a nested jar is not something to rely on).
 */
@Component
public class V2__Load_divisions extends BaseJavaMigration {

    private record Source(String file, String level, int parentColumn) {}

    // parent columns: cities.csv → provinceCode, areas.csv → cityCode, streets.csv → areaCode
    private static final List<Source> SOURCES = List.of(
            new Source("provinces.csv", "PROVINCE", -1),
            new Source("cities.csv", "CITY", 2),
            new Source("areas.csv", "COUNTY", 2),
            new Source("streets.csv", "TOWN", 2));

    @Override
    public void migrate(Context context) throws Exception {
        StringBuilder rows = new StringBuilder(4 << 20);
        for (Source s : SOURCES) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new ClassPathResource("divisions/" + s.file()).getInputStream(), StandardCharsets.UTF_8))) {
                in.readLine(); // header
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isBlank()) continue;
                    List<String> cols = Csv.split(line);
                    String parent = s.parentColumn() < 0 ? "" : cols.get(s.parentColumn());
                    rows.append(cols.get(0)).append(',').append(Csv.quote(cols.get(1))).append(',')
                        .append(s.level()).append(',').append(parent).append('\n');
                }
            }
        }
        PGConnection pg = context.getConnection().unwrap(PGConnection.class);
        pg.getCopyAPI().copyIn("copy region (code, name, level, parent_code) from stdin with (format csv)",
                new StringReader(rows.toString()));
    }

    /** The minimal CSV this dataset uses: commas, fields optionally in double quotes. */
    static final class Csv {
        static List<String> split(String line) {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                    else quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    out.add(cur.toString()); cur.setLength(0);
                } else cur.append(c);
            }
            out.add(cur.toString());
            return out;
        }

        static String quote(String s) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
    }
}
