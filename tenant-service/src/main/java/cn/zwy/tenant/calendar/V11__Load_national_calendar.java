package cn.zwy.tenant.calendar;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the official calendars shipped in {@code holiday-cn/} (C4). A year whose file has no
 * days yet (2027 at the time of writing) is not loaded, so that computations reaching into it
 * warn instead of silently counting weekends only. A Spring bean, like {@code V2__Load_divisions},
 * so that Spring Boot hands it to Flyway.
 */
@Component
public class V11__Load_national_calendar extends BaseJavaMigration {

    static final int[] SHIPPED_YEARS = {2024, 2025, 2026, 2027};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        for (int year : SHIPPED_YEARS) {
            HolidayCnFile.Checked file;
            try (InputStream in = new ClassPathResource("holiday-cn/" + year + ".json").getInputStream()) {
                file = JSON.readValue(in, HolidayCnFile.class).validated(year);
            }
            if (file.days().isEmpty()) continue;
            try (PreparedStatement y = c.prepareStatement(
                    "insert into national_calendar_year (year, papers, source) values (?, ?, ?)")) {
                y.setInt(1, year);
                y.setString(2, String.join("\n", file.papers()));
                y.setString(3, "holiday-cn " + year + ".json（随平台发布，MIT）");
                y.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement(
                    "insert into national_calendar_day (date, year, name, is_off_day) values (?, ?, ?, ?)")) {
                for (HolidayCnFile.CheckedDay day : file.days()) {
                    d.setDate(1, Date.valueOf(day.date()));
                    d.setInt(2, year);
                    d.setString(3, day.name());
                    d.setBoolean(4, day.offDay());
                    d.addBatch();
                }
                d.executeBatch();
            }
        }
    }
}
