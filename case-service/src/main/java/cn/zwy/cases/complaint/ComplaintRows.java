package cn.zwy.cases.complaint;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The complaint table's rows; call inside a transaction bound to the tenant (or to the citizen for their own). */
@Component
class ComplaintRows {

    /** A complaint as stored (the sealed contact is not read here: views show the masked forms). */
    record Row(UUID id, String tenant, String channel, String hotlineTicket, String citizenId, String complainantName, String phoneMasked,
               String emailMasked, boolean confidential, UUID hallId, UUID windowId, String windowName, String staffUsername, String staffName,
               String reason, String expectation, Instant filedAt, String recordedBy, String state, LocalDate acceptDueOn, Instant acceptedAt,
               String acceptedBy, Boolean acceptedOnSpot, Instant refusedAt, String refusedBy, String refusalReason, String refusalChannel,
               String refusalGuidance, String handlingMode, String complexity, String department, String handler, LocalDate handleDueOn,
               String delayNotice, Instant delayedAt, String result, Boolean verified, Instant resultAt, LocalDate reviewClosesOn,
               Boolean satisfied, String satisfactionComment, Instant answeredAt, Instant reviewRequestedAt, String reviewReason,
               List<String> lateSteps, int version) {

        String publicId() { return tenant + ":" + id; }

        /** The day it was accepted, in the halls' time zone: the handling limits count from it (P3). */
        LocalDate acceptedOn() { return acceptedAt == null ? null : acceptedAt.atZone(ComplaintTimers.ZONE).toLocalDate(); }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ComplaintRows(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Row> byId(String tenant, UUID id) {
        return jdbc.query("select * from complaint where tenant_id = ? and id = ?", this::row, tenant, id).stream().findFirst();
    }

    /** Locked for a step: two steps at once are serialised, the second sees the first's state. */
    Optional<Row> lock(String tenant, UUID id) {
        return jdbc.query("select * from complaint where tenant_id = ? and id = ? for update", this::row, tenant, id).stream().findFirst();
    }

    Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("channel"), rs.getString("hotline_ticket"),
                rs.getString("citizen_id"), rs.getString("complainant_name"), rs.getString("contact_phone_masked"),
                rs.getString("contact_email_masked"), rs.getBoolean("confidential"), rs.getObject("hall_id", UUID.class),
                rs.getObject("window_id", UUID.class), rs.getString("window_name"), rs.getString("staff_username"), rs.getString("staff_name"),
                rs.getString("reason"), rs.getString("expectation"), instant(rs, "filed_at"), rs.getString("recorded_by"), rs.getString("state"),
                date(rs, "accept_due_on"), instant(rs, "accepted_at"), rs.getString("accepted_by"), (Boolean) rs.getObject("accepted_on_spot"),
                instant(rs, "refused_at"), rs.getString("refused_by"), rs.getString("refusal_reason"), rs.getString("refusal_channel"),
                rs.getString("refusal_guidance"), rs.getString("handling_mode"), rs.getString("complexity"), rs.getString("department"),
                rs.getString("handler"), date(rs, "handle_due_on"), rs.getString("delay_notice"), instant(rs, "delayed_at"), rs.getString("result"),
                (Boolean) rs.getObject("verified"), instant(rs, "result_at"), date(rs, "review_closes_on"), (Boolean) rs.getObject("satisfied"),
                rs.getString("satisfaction_comment"), instant(rs, "answered_at"), instant(rs, "review_requested_at"), rs.getString("review_reason"),
                json.readValue(rs.getString("late_steps"), new TypeReference<List<String>>() {}), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
