package cn.zwy.cases.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The services that may be reviewed (review_opening); call inside a transaction bound to the tenant. */
@Component
class Openings {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An opening: what was served, by whom and where, and until when it may be reviewed (null: an overdue open case). */
    record Row(UUID id, String tenant, String kind, UUID subjectId, String label, UUID caseId, String citizenId, String staffId,
               String staffName, UUID windowId, String windowName, UUID departmentId, String departmentName, String lineKey,
               String lineName, Instant doneAt, LocalDate closesOn, String state, Instant remindedAt) {

        String subjectPublicId() { return tenant + ":" + subjectId; }
    }

    private final JdbcTemplate jdbc;

    Openings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the opening unless the service has one already (a repeated event); whether it inserted it. */
    boolean insert(Row r) {
        return jdbc.update("""
                insert into review_opening (id, tenant_id, kind, subject_id, subject_label, case_id, citizen_id, staff_id, staff_name,
                    window_id, window_name, department_id, department_name, line_key, line_name, done_at, closes_on, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, kind, subject_id) do nothing""",
                r.id(), r.tenant(), r.kind(), r.subjectId(), r.label(), r.caseId(), r.citizenId(), r.staffId(), r.staffName(),
                r.windowId(), r.windowName(), r.departmentId(), r.departmentName(), r.lineKey(), r.lineName(), Timestamp.from(r.doneAt()),
                r.closesOn() == null ? null : Date.valueOf(r.closesOn()), r.state()) == 1;
    }

    Optional<Row> find(String tenant, String kind, UUID subjectId) {
        return jdbc.query("select * from review_opening where tenant_id = ? and kind = ? and subject_id = ? for update", Openings::row,
                tenant, kind, subjectId).stream().findFirst();
    }

    Optional<Row> byId(String tenant, UUID id) {
        return jdbc.query("select * from review_opening where tenant_id = ? and id = ? for update", Openings::row, tenant, id)
                .stream().findFirst();
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        Date closes = rs.getDate("closes_on");
        Timestamp reminded = rs.getTimestamp("reminded_at");
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("kind"), rs.getObject("subject_id", UUID.class),
                rs.getString("subject_label"), rs.getObject("case_id", UUID.class), rs.getString("citizen_id"), rs.getString("staff_id"),
                rs.getString("staff_name"), rs.getObject("window_id", UUID.class), rs.getString("window_name"),
                rs.getObject("department_id", UUID.class), rs.getString("department_name"), rs.getString("line_key"), rs.getString("line_name"),
                rs.getTimestamp("done_at").toInstant(), closes == null ? null : closes.toLocalDate(), rs.getString("state"),
                reminded == null ? null : reminded.toInstant());
    }

    /** The first instant after {@code day} in the halls' time zone: a deadline day's timer fires then. */
    static Instant after(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
