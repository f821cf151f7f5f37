package cn.zwy.cases.review;

import cn.zwy.cases.api.ReviewApi.Rectification;
import cn.zwy.cases.api.ReviewApi.Review;
import cn.zwy.cases.api.ReviewApi.Reviewer;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
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

/**
 * A review as its reader may see it (V9): the reviewer's name and phone only to a centre administrator of the tenant
 * the review is not about; never to the staff member reviewed, other staff or the province. The rectification to staff.
 */
@Component
class ReviewViews {

    static final String SELECT = """
            select r.*, o.kind, o.subject_id, o.subject_label, o.case_id, o.staff_id, o.staff_name, o.window_name, o.department_name,
                   o.line_name, x.state x_state, x.due_on, x.late_steps, x.assignee, x.assigned_at, x.finding, x.reply, x.verified_by,
                   x.verified_at, x.measures, x.rectified_by, x.rectified_at, x.satisfied, x.callback_note, x.called_back_by,
                   x.called_back_at, x.closing_note, x.closed_by, x.closed_at, x.version x_version
            from review r join review_opening o on o.id = r.opening_id left join review_rectification x on x.review_id = r.id""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ReviewViews(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inside a transaction bound to the tenant. */
    Optional<Review> byId(String tenant, UUID id, Caller caller, boolean replayed) {
        return jdbc.query(SELECT + " where r.tenant_id = ? and r.id = ?", (rs, i) -> view(rs, caller, replayed), tenant, id).stream().findFirst();
    }

    Review view(ResultSet rs, Caller caller, boolean replayed) throws SQLException {
        String tenant = rs.getString("tenant_id");
        boolean staff = caller.realm() == Realm.STAFF;
        String staffId = rs.getString("staff_id");
        // V9: the reviewer is confidential; the centre's administrators call back, unless the review is about themselves
        boolean seesReviewer = staff && caller.isCentreAdminOf(tenant) && !caller.userId().equals(staffId);
        Reviewer reviewer = seesReviewer ? new Reviewer(rs.getString("reviewer_name"), rs.getString("reviewer_phone_masked")) : null;
        String kind = rs.getString("kind");
        UUID caseId = rs.getObject("case_id", UUID.class);
        String subject = tenant + ":" + rs.getObject("subject_id", UUID.class);
        Rectification rect = null;
        String state = rs.getString("x_state");
        if (staff && state != null) {
            Date due = rs.getDate("due_on");
            LocalDate dueOn = due == null ? null : due.toLocalDate();
            Boolean satisfied = (Boolean) rs.getObject("satisfied");
            rect = new Rectification(state, dueOn, dueOn != null && !"CLOSED".equals(state) && CaseFacts.today().isAfter(dueOn),
                    json.readValue(rs.getString("late_steps"), new TypeReference<List<String>>() {}), rs.getString("assignee"),
                    instant(rs, "assigned_at"), rs.getString("finding"), rs.getString("reply"), rs.getString("verified_by"),
                    instant(rs, "verified_at"), rs.getString("measures"), rs.getString("rectified_by"), instant(rs, "rectified_at"), satisfied,
                    rs.getString("callback_note"), rs.getString("called_back_by"), instant(rs, "called_back_at"), rs.getString("closing_note"),
                    rs.getString("closed_by"), instant(rs, "closed_at"), rs.getInt("x_version"));
        }
        return new Review(tenant + ":" + rs.getObject("id", UUID.class), tenant, kind, rs.getString("subject_label"),
                caseId == null ? null : tenant + ":" + caseId, "VISIT".equals(kind) ? subject : null, rs.getString("level"), rs.getInt("score"),
                rs.getBoolean("bad"), json.readValue(rs.getString("reasons"), new TypeReference<List<String>>() {}), rs.getString("other_reason"),
                rs.getString("comment"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("after_reminder"), rs.getString("staff_name"),
                rs.getString("window_name"), rs.getString("department_name"), rs.getString("line_name"), reviewer, rect, replayed);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
