package cn.zwy.cases.filing;

import cn.zwy.cases.api.ApplicantKind;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.DeliveryMode;
import cn.zwy.common.error.ApiException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * case_file, case_action, case_notice and case_pause through JDBC, inside a transaction bound to the
 * case's tenant (RLS applies; every statement also names the tenant). A case is written back only
 * under the version it was read at: two staff members acting at once, the second is a CONFLICT.
 */
@Component
class CaseStore {

    private final JdbcTemplate jdbc;

    CaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseRow> find(String tenant, UUID id) {
        return jdbc.query("select * from case_file where tenant_id = ? and id = ?", CaseStore::row, tenant, id).stream().findFirst();
    }

    Optional<CaseRow> findByKey(String tenant, String citizenId, String key) {
        return jdbc.query("select * from case_file where tenant_id = ? and citizen_id = ? and idempotency_key = ?",
                CaseStore::row, tenant, citizenId, key).stream().findFirst();
    }

    /** T3: a station submission of an applicant without an account, by the agent's idempotency key. */
    Optional<CaseRow> findByAgentKey(String tenant, String agentId, String key) {
        // by the station's key whether or not the applicant claimed it since (T3): a retry never files twice
        return jdbc.query("select * from case_file where tenant_id = ? and station_site is not null and agent_id = ? and idempotency_key = ?",
                CaseStore::row, tenant, agentId, key).stream().findFirst();
    }

    /** G3: the part cases of a package filing, in the order they were filed. */
    List<CaseRow> findByPackage(String tenant, UUID packageCaseId) {
        return jdbc.query("select * from case_file where tenant_id = ? and package_case_id = ? order by case_number",
                CaseStore::row, tenant, packageCaseId);
    }

    void insert(CaseRow c) {
        jdbc.update("""
                insert into case_file (id, tenant_id, case_number, citizen_id, idempotency_key, request_hash, receiving_tenant_id,
                    item_id, guide_version_id, guide_version, item_name, case_class, limit_value, limit_unit, tolerated_allowed,
                    applicant_kind, applicant_name, applicant_id_sealed, applicant_id_index, applicant_id_masked, contact_name,
                    contact_phone_sealed, contact_phone_masked, delivery_mode, materials, status, holder, first_responsible,
                    first_responsible_tel, submitted_at, version, updated_at, relay_state, forward_due, station_site, agent_id, agent_name,
                    guidance, package_case_id, form_values)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id, c.tenantId, c.caseNumber, c.citizenId, c.idempotencyKey, c.requestHash, c.receivingTenantId, c.itemId,
                c.guideVersionId, c.guideVersion, c.itemName, c.caseClass, c.limitValue, c.limitUnit, c.toleratedAllowed,
                c.applicantKind.name(), c.applicantName, c.applicantIdSealed, c.applicantIdIndex, c.applicantIdMasked,
                c.contactName, c.contactPhoneSealed, c.contactPhoneMasked, c.deliveryMode.name(), c.materials, c.status.name(),
                c.holder, c.firstResponsible, c.firstResponsibleTel, ts(c.submittedAt), ts(c.updatedAt), c.relayState, date(c.forwardDue),
                c.stationSite, c.agentId, c.agentName, c.guidance, c.packageCaseId, c.formValues);
        // the applicant's list (myCases); an applicant without an account has none (T3)
        if (c.citizenId != null) {
            jdbc.update("insert into citizen_case (case_id, citizen_id, tenant_id, submitted_at) values (?, ?, ?, ?)",
                    c.id, c.citizenId, c.tenantId, ts(c.submittedAt));
        }
    }

    /** Writes the mutable part back if nobody changed the case since {@code c.version}; the row's version moves on. */
    void update(CaseRow c) {
        int n = jdbc.update("""
                update case_file set materials = ?, status = ?, result = ?, result_reason = ?, holder = ?, accepted_on = ?,
                    clock_start = ?, deadline = ?, tolerated_missing = ?, tolerated_due = ?, notice_round = ?, extension_days = ?,
                    extension_reason = ?, extension_state = ?, extension_by = ?, extension_decided_by = ?, delivered_at = ?,
                    delivery_confirmed_at = ?, relay_state = ?, forwarded_at = ?, forward_carrier = ?, forward_tracking = ?,
                    arrived_at = ?, result_due = ?, result_sent_at = ?, result_carrier = ?, result_tracking = ?, handed_over_at = ?,
                    agency_started_on = ?, agency_due = ?, agency_state = ?, agency_end_reason = ?, escalated_to = ?, department_id = ?::uuid,
                    version = version + 1, updated_at = ?
                where tenant_id = ? and id = ? and version = ?""",
                text(c.materials), text(c.status.name()), text(c.result), text(c.resultReason), text(c.holder), day(c.acceptedOn),
                day(c.clockStart), day(c.deadline), text(c.toleratedMissing), day(c.toleratedDue), integer(c.noticeRound),
                integer(c.extensionDays), text(c.extensionReason), text(c.extensionState), text(c.extensionBy),
                text(c.extensionDecidedBy), instant(c.deliveredAt), instant(c.deliveryConfirmedAt), text(c.relayState),
                instant(c.forwardedAt), text(c.forwardCarrier), text(c.forwardTracking), instant(c.arrivedAt), day(c.resultDue),
                instant(c.resultSentAt), text(c.resultCarrier), text(c.resultTracking), instant(c.handedOverAt),
                day(c.agencyStartedOn), day(c.agencyDue), text(c.agencyState), text(c.agencyEndReason), text(c.escalatedTo),
                text(c.departmentId == null ? null : c.departmentId.toString()), instant(c.updatedAt), text(c.tenantId), c.id,
                new SqlParameterValue(Types.BIGINT, c.version));
        if (n != 1) throw stale();
        c.version++;
    }

    /** One of the current tenant's departments (T5), from the read model. */
    Optional<String> departmentName(UUID id) {
        return jdbc.queryForList("select name from department_model where id = ?", String.class, id).stream().findFirst();
    }

    static ApiException stale() {
        return ApiException.conflict("version", "办件已被他人处理（版本已变化），请刷新后重试");
    }

    /**
     * C16: appends one record of an action; nothing ever updates or deletes it. It happened where the
     * transaction is bound (the owner's hall, or the receiving hall acting on a case received there).
     */
    void record(CaseRow c, Actor actor, String action, String note) {
        record(c, actor, action, note, null);
    }

    /** As {@link #record(CaseRow, Actor, String, String)}, at a named place (e.g. a filing at the receiving hall). */
    void record(CaseRow c, Actor actor, String action, String note, String place) {
        jdbc.update("""
                insert into case_action (tenant_id, case_id, at, actor_kind, actor_id, actor_name, window_name, action, status, note, place)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, current_setting('app.tenant_id', true)))""",
                c.tenantId, c.id, ts(c.updatedAt), actor.kind(), actor.id(), actor.name(), actor.window(), action, c.status.name(), note,
                place);
    }

    record Action(long seq, Instant at, String actorKind, String actorName, String window, String action, String status, String note,
                  String place) {}

    List<Action> actions(String tenant, UUID caseId) {
        return jdbc.query("select * from case_action where tenant_id = ? and case_id = ? order by seq",
                (rs, i) -> new Action(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor_kind"),
                        rs.getString("actor_name"), rs.getString("window_name"), rs.getString("action"), rs.getString("status"),
                        rs.getString("note"), rs.getString("place")), tenant, caseId);
    }

    record Notice(int round, String items, Instant issuedAt, String issuedBy, String window, Instant answeredAt) {}

    void insertNotice(CaseRow c, String items, String issuedBy, String window) {
        jdbc.update("insert into case_notice (tenant_id, case_id, round, items, issued_at, issued_by, window_name) values (?, ?, ?, ?, ?, ?, ?)",
                c.tenantId, c.id, c.noticeRound, items, ts(c.updatedAt), issuedBy, window);
    }

    void answerNotice(CaseRow c) {
        jdbc.update("update case_notice set answered_at = ? where tenant_id = ? and case_id = ? and round = ? and answered_at is null",
                ts(c.updatedAt), c.tenantId, c.id, c.noticeRound);
    }

    Optional<Notice> latestNotice(String tenant, UUID caseId) {
        return jdbc.query("select * from case_notice where tenant_id = ? and case_id = ? order by round desc limit 1",
                (rs, i) -> new Notice(rs.getInt("round"), rs.getString("items"), rs.getTimestamp("issued_at").toInstant(),
                        rs.getString("issued_by"), rs.getString("window_name"),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()),
                tenant, caseId).stream().findFirst();
    }

    void openPause(CaseRow c, String kind, LocalDate from) {
        jdbc.update("insert into case_pause (tenant_id, case_id, kind, from_date) values (?, ?, ?, ?)", c.tenantId, c.id, kind, date(from));
    }

    void closePauses(CaseRow c, LocalDate to) {
        jdbc.update("update case_pause set to_date = greatest(from_date, ?) where tenant_id = ? and case_id = ? and to_date is null",
                date(to), c.tenantId, c.id);
    }

    List<CaseClock.Pause> pauses(String tenant, UUID caseId) {
        return jdbc.query("select from_date, to_date from case_pause where tenant_id = ? and case_id = ? order by id",
                (rs, i) -> new CaseClock.Pause(rs.getDate(1).toLocalDate(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()),
                tenant, caseId);
    }

    static CaseRow row(ResultSet rs, int i) throws SQLException {
        CaseRow c = new CaseRow();
        c.id = rs.getObject("id", UUID.class);
        c.tenantId = rs.getString("tenant_id");
        c.caseNumber = rs.getString("case_number");
        c.citizenId = rs.getString("citizen_id");
        c.idempotencyKey = rs.getString("idempotency_key");
        c.requestHash = rs.getString("request_hash");
        c.receivingTenantId = rs.getString("receiving_tenant_id");
        c.escalatedTo = rs.getString("escalated_to");
        c.departmentId = rs.getObject("department_id", UUID.class);
        c.itemId = rs.getString("item_id");
        c.guideVersionId = rs.getString("guide_version_id");
        c.guideVersion = rs.getInt("guide_version");
        c.itemName = rs.getString("item_name");
        c.caseClass = rs.getString("case_class");
        c.limitValue = rs.getInt("limit_value");
        c.limitUnit = rs.getString("limit_unit");
        c.toleratedAllowed = rs.getBoolean("tolerated_allowed");
        c.applicantKind = ApplicantKind.valueOf(rs.getString("applicant_kind"));
        c.applicantName = rs.getString("applicant_name");
        c.applicantIdSealed = rs.getString("applicant_id_sealed");
        c.applicantIdIndex = rs.getString("applicant_id_index");
        c.applicantIdMasked = rs.getString("applicant_id_masked");
        c.contactName = rs.getString("contact_name");
        c.contactPhoneSealed = rs.getString("contact_phone_sealed");
        c.contactPhoneMasked = rs.getString("contact_phone_masked");
        c.deliveryMode = DeliveryMode.valueOf(rs.getString("delivery_mode"));
        c.materials = rs.getString("materials");
        c.guidance = rs.getString("guidance");
        c.formValues = rs.getString("form_values");
        c.packageCaseId = rs.getObject("package_case_id", UUID.class);
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.result = rs.getString("result");
        c.resultReason = rs.getString("result_reason");
        c.holder = rs.getString("holder");
        c.firstResponsible = rs.getString("first_responsible");
        c.firstResponsibleTel = rs.getString("first_responsible_tel");
        c.submittedAt = rs.getTimestamp("submitted_at").toInstant();
        c.acceptedOn = localDate(rs, "accepted_on");
        c.clockStart = localDate(rs, "clock_start");
        c.deadline = localDate(rs, "deadline");
        c.toleratedMissing = rs.getString("tolerated_missing");
        c.toleratedDue = localDate(rs, "tolerated_due");
        c.noticeRound = rs.getInt("notice_round");
        c.extensionDays = (Integer) rs.getObject("extension_days");
        c.extensionReason = rs.getString("extension_reason");
        c.extensionState = rs.getString("extension_state");
        c.extensionBy = rs.getString("extension_by");
        c.extensionDecidedBy = rs.getString("extension_decided_by");
        c.deliveredAt = instant(rs, "delivered_at");
        c.deliveryConfirmedAt = instant(rs, "delivery_confirmed_at");
        c.version = rs.getLong("version");
        c.updatedAt = rs.getTimestamp("updated_at").toInstant();
        c.relayState = rs.getString("relay_state");
        c.forwardDue = localDate(rs, "forward_due");
        c.forwardedAt = instant(rs, "forwarded_at");
        c.forwardCarrier = rs.getString("forward_carrier");
        c.forwardTracking = rs.getString("forward_tracking");
        c.arrivedAt = instant(rs, "arrived_at");
        c.resultDue = localDate(rs, "result_due");
        c.resultSentAt = instant(rs, "result_sent_at");
        c.resultCarrier = rs.getString("result_carrier");
        c.resultTracking = rs.getString("result_tracking");
        c.handedOverAt = instant(rs, "handed_over_at");
        c.agencyStartedOn = localDate(rs, "agency_started_on");
        c.agencyDue = localDate(rs, "agency_due");
        c.agencyState = rs.getString("agency_state");
        c.agencyEndReason = rs.getString("agency_end_reason");
        c.stationSite = rs.getString("station_site");
        c.agentId = rs.getString("agent_id");
        c.agentName = rs.getString("agent_name");
        return c;
    }

    private static LocalDate localDate(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }

    // Parameters of one SQL type whether null or not, for the case's update, which every step runs with other columns
    // null. A null sent untyped, then a value (or the reverse), made the driver prepare the statement again on that
    // connection, and PostgreSQL planned each new one (≈ 10 ms over case_file's 16 partitions and their policies):
    // one step in three paid it (docs/benchmarks/cases.md, 2026-12-04). A nullable id goes as text with a cast: a null of
    // type OTHER is sent untyped too.
    private static SqlParameterValue text(String s) { return new SqlParameterValue(Types.VARCHAR, s); }

    private static SqlParameterValue day(LocalDate d) { return new SqlParameterValue(Types.DATE, d); }

    private static SqlParameterValue instant(Instant i) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, i == null ? null : i.atOffset(ZoneOffset.UTC));
    }

    private static SqlParameterValue integer(Integer n) { return new SqlParameterValue(Types.INTEGER, n); }

    static Date date(LocalDate d) { return d == null ? null : Date.valueOf(d); }
}
