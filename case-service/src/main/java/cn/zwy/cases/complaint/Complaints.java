package cn.zwy.cases.complaint;

import cn.zwy.cases.api.ComplaintApi;
import cn.zwy.cases.api.ComplaintApi.Complaint;
import cn.zwy.cases.api.ComplaintApi.ComplaintRequest;
import cn.zwy.cases.booking.BookingHalls;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.cases.privacy.Masking;
import cn.zwy.cases.privacy.PersonalDataCipher;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How a complaint comes in (P1): the complainant files it from their account (app, mini-program, website); the tenant's
 * staff record one received on site, by phone, letter or email on the complainant's behalf; the centre's administrator
 * or supervisor (or the 12345 connector under such an account) imports a hotline ticket. Each names the complainant and
 * their contact, what it is about (a window, a staff member, a hall) and the reason; everything is checked before the
 * transaction, so bad input stores nothing. The same idempotency key (for the hotline: the ticket number) answers the
 * first complaint again: of two submissions at once one inserts, the other's unique violation is answered with it.
 * The acceptance deadline (P2: 3 working days) is set and its timer written in the same transaction.
 */
@Service
class Complaints {

    private static final Logger log = LoggerFactory.getLogger(Complaints.class);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final ComplaintRows rows;
    private final ComplaintViews views;
    private final ComplaintTimers timers;
    private final ComplaintEvents events;
    private final FilingReadModels readModels;
    private final BookingHalls halls;
    private final PersonalDataCipher cipher;
    private final ComplaintProperties props;

    Complaints(TenantTransactions tx, JdbcTemplate jdbc, ComplaintRows rows, ComplaintViews views, ComplaintTimers timers, ComplaintEvents events,
               FilingReadModels readModels, BookingHalls halls, PersonalDataCipher cipher, ComplaintProperties props) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.rows = rows;
        this.views = views;
        this.timers = timers;
        this.events = events;
        this.readModels = readModels;
        this.halls = halls;
        this.cipher = cipher;
        this.props = props;
    }

    /** What a valid request says. */
    private record Valid(String key, String name, String phone, String email, boolean confidential, UUID hallId, UUID windowId,
                         String windowName, String staffName, String staffUsername, String reason, String expectation) {}

    /** The complainant files from their own account: APP, MINI_PROGRAM or WEBSITE. */
    Complaint file(Caller caller, ComplaintRequest in) {
        if (caller.realm() != Realm.CITIZEN) {
            throw ApiException.forbidden("工作人员代投诉人登记现场、电话、信函或邮件投诉，请使用 recordComplaint");
        }
        if (in == null) throw ApiException.validation("input", "缺少投诉内容");
        String tenant = tenantCode(in.tenantCode());
        String channel = channel(in.channel(), ComplaintApi.CITIZEN_CHANNELS, "群众自行投诉的渠道应为 APP、MINI_PROGRAM 或 WEBSITE（P1）");
        Valid v = validate(in, caller.displayName(), false);
        if (v.windowId() == null && v.hallId() == null) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "请选择所投诉的服务大厅或窗口（P1：投诉应写明所投诉的办事窗口）", "windowId", "P1");
        }
        return store(caller, tenant, channel, null, "c:" + caller.userId(), v.key(), caller.userId(), null, v);
    }

    /** The tenant's staff record a complaint received on site, by phone, letter or email (首问负责). */
    Complaint record(Caller caller, String tenantCode, ComplaintRequest in) {
        String tenant = tenantCode(tenantCode);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenant)) throw ApiException.forbidden("只能登记本中心收到的投诉");
        if (in == null) throw ApiException.validation("input", "缺少投诉内容");
        String channel = channel(in.channel(), ComplaintApi.STAFF_CHANNELS, "代为登记的投诉渠道应为 ON_SITE、PHONE、LETTER 或 EMAIL（P1）");
        Valid v = validate(in, null, true);
        return store(caller, tenant, channel, null, "s:" + tenant + ":" + caller.username(), v.key(), null, caller.username(), v);
    }

    /** 12345: a hotline ticket imported once; the same ticket again answers the same complaint (replayed). */
    Complaint importHotline(Caller caller, String tenantCode, ComplaintRequest in) {
        String tenant = tenantCode(tenantCode);
        if (caller.realm() != Realm.STAFF || !ComplaintViews.handles(caller, tenant)) {
            throw ApiException.forbidden("12345 热线工单只能由本中心管理员或督查（或以其账号接入的热线系统）导入");
        }
        if (in == null) throw ApiException.validation("input", "缺少工单内容");
        String ticket = in.hotlineTicket() == null ? "" : in.hotlineTicket().strip();
        if (!TICKET.matcher(ticket).matches()) throw ApiException.validation("hotlineTicket", "12345 工单号应为 1–40 位字母、数字或连字符");
        ComplaintRequest keyed = new ComplaintRequest(ticket, in.tenantCode(), in.channel(), ticket, in.complainantName(), in.contactPhone(),
                in.contactEmail(), in.confidential(), in.hallId(), in.windowId(), in.windowName(), in.staffName(), in.staffUsername(), in.reason(),
                in.expectation());
        Valid v = validate(keyed, null, true);
        return store(caller, tenant, "HOTLINE_12345", ticket, "h:" + tenant, ticket, null, caller.username(), v);
    }

    private Complaint store(Caller caller, String tenant, String channel, String ticket, String owner, String key, String citizenId,
                            String recordedBy, Valid v) {
        try {
            return tx.write(tenant, () -> {
                Optional<Complaint> earlier = replay(caller, tenant, owner, key);
                if (earlier.isPresent()) return earlier.get();
                UUID hallId = v.hallId();
                String windowName = v.windowName();
                if (v.windowId() != null) {
                    BookingHalls.HallWindow w = halls.window(v.windowId())
                            .orElseThrow(() -> ApiException.validation("windowId", "本中心没有这个窗口: " + v.windowId()));
                    if (hallId != null && !hallId.equals(w.hallId())) throw ApiException.validation("hallId", "该窗口不在所选大厅");
                    hallId = w.hallId();
                    if (windowName == null) windowName = w.label();
                }
                if (hallId != null && halls.hallName(tenant, hallId).isEmpty()) {
                    throw ApiException.validation("hallId", "本中心没有这个服务大厅: " + hallId);
                }
                UUID id = UUID.randomUUID();
                Instant now = Instant.now();
                LocalDate due = readModels.workingDaysAfter(CaseFacts.today(), props.acceptDays());
                jdbc.update("""
                        insert into complaint (id, tenant_id, channel, hotline_ticket, idem_owner, idempotency_key, citizen_id, complainant_name,
                            contact_phone_masked, contact_phone_sealed, contact_email_masked, contact_email_sealed, confidential, hall_id, window_id,
                            window_name, staff_username, staff_name, reason, expectation, filed_at, recorded_by, state, accept_due_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', ?)""",
                        id, tenant, channel, ticket, owner, key, citizenId, v.name(), v.phone() == null ? null : Masking.phone(v.phone()),
                        v.phone() == null ? null : cipher.seal(v.phone()), v.email() == null ? null : maskEmail(v.email()),
                        v.email() == null ? null : cipher.seal(v.email()), v.confidential(), hallId, v.windowId(), windowName, v.staffUsername(),
                        v.staffName(), v.reason(), v.expectation(), Timestamp.from(now), recordedBy, Date.valueOf(due));
                timers.due(ComplaintTimers.Step.ACCEPTANCE, tenant, id, due);
                ComplaintRows.Row r = rows.byId(tenant, id).orElseThrow();
                events.publish("filed", r, now, Map.of("confidential", r.confidential()));
                log.info("complaint {} of {} filed by {}; to decide by {}", id, tenant, channel, due);
                return views.reader(caller).view(r, false);
            });
        } catch (DuplicateKeyException raced) {
            // the same complaint sent twice at once: one stored, the same key answers it
            return tx.read(tenant, () -> replay(caller, tenant, owner, key))
                    .orElseThrow(() -> ApiException.conflict("idempotencyKey", "该幂等键已用于另一件投诉，新的投诉请使用新的幂等键"));
        }
    }

    /** The complaint made earlier with this key, answered again. */
    private Optional<Complaint> replay(Caller caller, String tenant, String owner, String key) {
        return jdbc.query("select * from complaint where idem_owner = ? and idempotency_key = ?", rows::row, owner, key).stream().findFirst()
                .map(r -> {
                    if (!tenant.equals(r.tenant())) throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一件投诉，新的投诉请使用新的幂等键");
                    return views.reader(caller).view(r, true);
                });
    }

    private Valid validate(ComplaintRequest in, String defaultName, boolean staff) {
        String key = in.idempotencyKey() == null ? "" : in.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw ApiException.validation("idempotencyKey", "幂等键应为 1–100 个字符");
        String name = trimmed("complainantName", in.complainantName(), 100);
        if (name == null) name = defaultName == null || defaultName.isBlank() ? null : defaultName.strip();
        if (name == null) throw new ApiException(ErrorCode.RULE_VIOLATION, "投诉应写明投诉人姓名（P1）", "complainantName", "P1");
        String phone = in.contactPhone() == null ? null : in.contactPhone().replaceAll("[\\s-]", "");
        if (phone != null && phone.isEmpty()) phone = null;
        if (phone != null && !PHONE.matcher(phone).matches()) throw ApiException.validation("contactPhone", "联系电话应为 7–15 位数字");
        String email = trimmed("contactEmail", in.contactEmail(), 200);
        if (email != null && !EMAIL.matcher(email).matches()) throw ApiException.validation("contactEmail", "电子邮箱格式不正确");
        if (phone == null && email == null) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "投诉应写明投诉人的联系方式（电话或电子邮箱，P1）", "contactPhone", "P1");
        }
        UUID hallId = uuid("hallId", in.hallId());
        UUID windowId = uuid("windowId", in.windowId());
        String windowName = trimmed("windowName", in.windowName(), 100);
        String staffName = trimmed("staffName", in.staffName(), 100);
        String staffUsername = trimmed("staffUsername", in.staffUsername(), 100);
        if (staffUsername != null && !staff) throw ApiException.validation("staffUsername", "工作人员账号由受理人员核实后填写；请填写被投诉人姓名或工号（staffName）");
        if (windowId == null && windowName == null && staffName == null && staffUsername == null && hallId == null) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "投诉应写明所投诉的办事窗口（或工作人员、服务大厅，P1）", "windowId", "P1");
        }
        String reason = trimmed("reason", in.reason(), 2000);
        if (reason == null) throw new ApiException(ErrorCode.RULE_VIOLATION, "投诉应写明投诉理由（P1）", "reason", "P1");
        return new Valid(key, name, phone, email, Boolean.TRUE.equals(in.confidential()), hallId, windowId, windowName, staffName, staffUsername,
                reason, trimmed("expectation", in.expectation(), 1000));
    }

    private static String channel(String channel, java.util.List<String> allowed, String message) {
        if (channel == null || !allowed.contains(channel)) throw ApiException.validation("channel", message);
        return channel;
    }

    static String tenantCode(String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
        return tenantCode;
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, field + " 格式不正确: " + value);
        }
    }

    static String trimmed(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > max) throw ApiException.validation(field, field + " 不能超过 " + max + " 个字符");
        return v;
    }

    /** {@code zhang.san@example.com} → {@code z***@example.com}. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }
}
