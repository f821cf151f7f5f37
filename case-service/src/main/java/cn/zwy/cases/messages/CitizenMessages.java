package cn.zwy.cases.messages;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.api.CitizenMessage;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's in-app messages. Written by filing inside the case's transaction (with the SMS of the
 * outbox); read and marked by their citizen only: the transaction binds {@code app.citizen_id} to the
 * token's subject, and row-level security shows that citizen's rows and no other's (the query's own
 * filter says the same).
 */
@Service
public class CitizenMessages {

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final SmsDispatch sms;

    CitizenMessages(TenantTransactions tx, JdbcTemplate jdbc, SmsDispatch sms) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.sms = sms;
    }

    /** Inside the case's (tenant-bound, writing) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(CaseMessage m) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(m.at());
        jdbc.update("""
                insert into citizen_message (id, tenant_id, citizen_id, case_id, case_number, kind, title, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, m.tenantId(), m.citizenId(), m.caseId(), m.caseNumber(), m.kind().name(), m.kind().title, m.body(), at);
        jdbc.update("""
                insert into sms_outbox (message_id, tenant_id, case_id, phone_masked, text, created_at)
                values (?, ?, ?, ?, ?, ?)""", id, m.tenantId(), m.caseId(), m.phoneMasked(), m.body(), at);
        sms.schedule(m.tenantId(), id);
    }

    /**
     * A message about an appointment (booking's reminders, no-show, bar), inside the appointment's (tenant-bound,
     * writing) transaction; the SMS goes out after the commit when the appointment has a phone number.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(AppointmentMessage m) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(m.at());
        jdbc.update("""
                insert into citizen_message (id, tenant_id, citizen_id, appointment_id, booking_code, kind, title, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, m.tenantId(), m.citizenId(), m.appointmentId(), m.bookingCode(), m.kind().name(), m.kind().title, m.body(), at);
        if (m.phoneSealed() != null) smsToSealedPhone(id, m.tenantId(), m.phoneSealed(), m.phoneMasked(), m.body(), at);
    }

    /**
     * A message of reviews (V4 reminder, V6 reply), inside the review's (tenant-bound, writing) transaction: about the
     * case with its SMS to the case's contact phone, or about the opening of a visit without a case, in-app only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(ReviewMessage m) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(m.at());
        jdbc.update("""
                insert into citizen_message (id, tenant_id, citizen_id, case_id, case_number, review_opening_id, kind, title, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, m.tenantId(), m.citizenId(), m.caseId(), m.caseNumber(), m.caseId() == null ? m.openingId() : null,
                m.kind().name(), m.kind().title, m.body(), at);
        if (m.caseId() == null || m.phoneMasked() == null) return;
        jdbc.update("""
                insert into sms_outbox (message_id, tenant_id, case_id, phone_masked, text, created_at)
                values (?, ?, ?, ?, ?, ?)""", id, m.tenantId(), m.caseId(), m.phoneMasked(), m.body(), at);
        sms.schedule(m.tenantId(), id);
    }

    /**
     * The centre's answer to a home visit or urgent handling request (A7), inside the request's (tenant-bound, writing)
     * transaction; the SMS goes out after the commit to the phone the request gave.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(SpecialServiceMessage m) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(m.at());
        jdbc.update("""
                insert into citizen_message (id, tenant_id, citizen_id, special_service_id, kind, title, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, m.tenantId(), m.citizenId(), m.requestId(), m.kind().name(), m.kind().title, m.body(), at);
        smsToSealedPhone(id, m.tenantId(), m.phoneSealed(), m.phoneMasked(), m.body(), at);
    }

    /** The SMS of a message to a phone kept sealed (M3) on a booking or a request; sent by the SMS port after the commit. */
    private void smsToSealedPhone(UUID messageId, String tenantId, String phoneSealed, String phoneMasked, String text, Timestamp at) {
        jdbc.update("""
                insert into sms_outbox (message_id, tenant_id, phone_sealed, phone_masked, text, created_at)
                values (?, ?, ?, ?, ?, ?)""", messageId, tenantId, phoneSealed, phoneMasked, text, at);
        sms.schedule(tenantId, messageId);
    }

    /** A message of complaints (P2–P4) to a complainant with an account, inside the complaint's (tenant-bound, writing) transaction; in-app only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(ComplaintMessage m) {
        jdbc.update("""
                insert into citizen_message (id, tenant_id, citizen_id, complaint_id, kind, title, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), m.tenantId(), m.citizenId(), m.complaintId(), m.kind().name(), m.kind().title, m.body(), Timestamp.from(m.at()));
    }

    /** The calling citizen's messages, newest first (keyset paging on created_at, id). */
    public Page<CitizenMessage> mine(Caller caller, Integer first, String after) {
        requireCitizen(caller);
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<CitizenMessage> rows = asCitizen(caller, () -> cursor == null
                ? jdbc.query("""
                        select * from citizen_message where citizen_id = ?
                        order by created_at desc, id desc limit ?""", CitizenMessages::row, caller.userId(), n + 1)
                : jdbc.query("""
                        select * from citizen_message where citizen_id = ? and (created_at, id) < (?, ?)
                        order by created_at desc, id desc limit ?""", CitizenMessages::row, caller.userId(),
                        Timestamp.from(cursor.at()), cursor.id(), n + 1));
        boolean more = rows.size() > n;
        List<Page.Item<CitizenMessage>> items = new ArrayList<>();
        for (CitizenMessage m : more ? rows.subList(0, n) : rows) {
            items.add(new Page.Item<>(new KeysetCursor(m.createdAt(), UUID.fromString(uuidOf(m.id()))).encode(), m));
        }
        return new Page<>(items, more, null);
    }

    /**
     * T3: the messages of the tenant's cases whose applicant has no account (received at a station, its agent
     * answers them), newest first; of one station's cases when {@code site} is given. The caller's access is
     * the filing's to check; the transaction is bound to the tenant.
     */
    public Page<CitizenMessage> withoutAccount(String tenant, String site, Integer first, String after) {
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<Object> args = new ArrayList<>(List.of(tenant));
        String where = "m.tenant_id = ? and m.citizen_id is null";
        if (site != null) {
            where += " and f.station_site = ?";
            args.add(site);
        }
        if (cursor != null) {
            where += " and (m.created_at, m.id) < (?, ?)";
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        args.add(n + 1);
        String sql = "select m.* from citizen_message m join case_file f on f.tenant_id = m.tenant_id and f.id = m.case_id where " + where
                + " order by m.created_at desc, m.id desc limit ?";
        List<CitizenMessage> rows = tx.read(tenant, () -> jdbc.query(sql, CitizenMessages::row, args.toArray()));
        boolean more = rows.size() > n;
        List<Page.Item<CitizenMessage>> items = new ArrayList<>();
        for (CitizenMessage m : more ? rows.subList(0, n) : rows) {
            items.add(new Page.Item<>(new KeysetCursor(m.createdAt(), UUID.fromString(uuidOf(m.id()))).encode(), m));
        }
        return new Page<>(items, more, null);
    }

    /** Marks one of the caller's own messages read (again: answers it unchanged); another's is NOT_FOUND. */
    public CitizenMessage markRead(Caller caller, String id) {
        requireCitizen(caller);
        UUID uuid = parse(id);
        return asCitizen(caller, () -> {
            jdbc.update("update citizen_message set read_at = now() where id = ? and citizen_id = ? and read_at is null",
                    uuid, caller.userId());
            return jdbc.query("select * from citizen_message where id = ? and citizen_id = ?", CitizenMessages::row,
                    uuid, caller.userId()).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("id", "未找到该消息: " + id));
        });
    }

    /** A platform transaction bound to the citizen: RLS shows their messages only. */
    private <T> T asCitizen(Caller caller, java.util.function.Supplier<T> work) {
        return tx.platform(() -> {
            jdbc.queryForObject("select set_config('app.citizen_id', ?, true)", String.class, caller.userId());
            return work.get();
        });
    }

    private static CitizenMessage row(ResultSet rs, int i) throws SQLException {
        String tenant = rs.getString("tenant_id");
        Timestamp read = rs.getTimestamp("read_at");
        UUID caseId = rs.getObject("case_id", UUID.class);
        UUID appointmentId = rs.getObject("appointment_id", UUID.class);
        UUID specialServiceId = rs.getObject("special_service_id", UUID.class);
        return new CitizenMessage(tenant + ":" + rs.getObject("id", UUID.class), caseId == null ? null : tenant + ":" + caseId,
                rs.getString("case_number"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant(),
                appointmentId == null ? null : tenant + ":" + appointmentId, rs.getString("booking_code"),
                specialServiceId == null ? null : tenant + ":" + specialServiceId);
    }

    private static void requireCitizen(Caller caller) {
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("消息仅供申请人本人（公众账号）查看");
    }

    private static UUID parse(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        try {
            if (colon < 0 || !DivisionCodes.isTenant(id.substring(0, colon))) throw new IllegalArgumentException();
            return UUID.fromString(id.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("id", "编号格式不正确（应为 区划代码:UUID）: " + id);
        }
    }

    private static String uuidOf(String id) {
        return id.substring(id.indexOf(':') + 1);
    }



}
