package cn.zwy.cases.booking;

import cn.zwy.cases.api.CaseApi;
import cn.zwy.common.tenant.ScopedId;
import cn.zwy.cases.api.SpecialServiceApi;
import cn.zwy.cases.api.SpecialServiceApi.SpecialServiceRequest;
import cn.zwy.cases.applicant.MobileNumber;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.cases.messages.SpecialServiceMessage;
import cn.zwy.cases.privacy.Masking;
import cn.zwy.cases.privacy.PersonalDataCipher;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A7 (上门/急办): home visits for the elderly and disabled, and urgent handling on a non-working day. Recorded and
 * scheduled as a booking is, but the time is the centre's to give: the citizen asks for a day, the tenant's staff
 * schedule it with a time and the staff member who comes (or decline it with a reason), the citizen sees it in
 * their list. Personal data as for bookings (M3): the ID number of a person asked for is kept masked with a blind
 * index, the phone sealed and masked.
 */
@Service
class SpecialServices {

    private static final Logger log = LoggerFactory.getLogger(SpecialServices.class);
    private static final Set<String> STATUSES = Set.of("REQUESTED", "SCHEDULED", "DECLINED", "CANCELLED");
    private static final Pattern WORK_PHONE = Pattern.compile("[0-9][0-9-]{4,19}");
    static final String OPEN_INDEX = "special_service_open_idx";
    /** How far ahead a day may be asked for or a visit scheduled. */
    static final int AHEAD_DAYS = 60;

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final FilingReadModels filing;
    private final Bookings bookings;
    private final PersonalDataCipher cipher;
    private final CitizenMessages messages;
    private final BookingTimers timers;

    SpecialServices(TenantTransactions tx, JdbcTemplate jdbc, FilingReadModels filing, Bookings bookings, PersonalDataCipher cipher,
                    CitizenMessages messages, BookingTimers timers) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.filing = filing;
        this.bookings = bookings;
        this.cipher = cipher;
        this.messages = messages;
        this.timers = timers;
    }

    SpecialServiceRequest request(Caller caller, SpecialServiceApi.Request in) {
        Bookings.requireCitizen(caller);
        if (in == null) throw ApiException.validation("input", "缺少申请内容");
        String key = in.idempotencyKey() == null ? "" : in.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw ApiException.validation("idempotencyKey", "幂等键应为 1–100 个字符");
        ScopedId item = Bookings.scoped("itemId", in.itemId());
        Optional<Row> earlier = bookings.asCitizen(caller, () -> jdbc.query(
                "select * from special_service_request where citizen_id = ? and idempotency_key = ?", SpecialServices::row,
                caller.userId(), key).stream().findFirst());
        if (earlier.isPresent()) {
            if (!earlier.get().itemId.equals(in.itemId())) {
                throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一个申请，新的申请请使用新的幂等键");
            }
            return view(earlier.get(), true);
        }
        String kind = in.kind() == null ? "" : in.kind();
        String reason = in.reason() == null ? "" : in.reason();
        String address = in.address() == null ? null : in.address().strip();
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        switch (kind) {
            case "HOME_VISIT" -> {
                if (!reason.equals("ELDERLY") && !reason.equals("DISABLED")) {
                    throw new ApiException(ErrorCode.RULE_VIOLATION, "上门服务面向老年人和残疾人（reason 应为 ELDERLY 或 DISABLED）", "reason", "A7");
                }
                if (address == null || address.length() < 5 || address.length() > 200) {
                    throw ApiException.validation("address", "上门服务须写明地址（5–200 个字）");
                }
            }
            case "URGENT" -> {
                if (!reason.equals("URGENT")) throw ApiException.validation("reason", "急办的 reason 应为 URGENT");
                if (note == null) throw ApiException.validation("note", "急办须说明紧急的原因");
                address = null;
            }
            default -> throw ApiException.validation("kind", "kind 应为 HOME_VISIT（上门）或 URGENT（节假日急办）: " + in.kind());
        }
        if (note != null && note.length() > 500) throw ApiException.validation("note", "说明最多 500 个字");
        String phone = MobileNumber.parse("contactPhone", in.contactPhone()).value();
        LocalDate today = LocalDate.now(Schedule.ZONE);
        LocalDate day = in.preferredDate();
        if (day == null) throw ApiException.validation("preferredDate", "缺少希望办理的日期 preferredDate");
        if (day.isBefore(today) || day.isAfter(today.plusDays(AHEAD_DAYS))) {
            throw ApiException.validation("preferredDate", "希望办理的日期应在今天到 " + AHEAD_DAYS + " 天以内: " + day);
        }
        Bookings.Person p = bookings.person(caller, in.forPerson(), "forPerson");
        String who = p.key();
        String personName = p.name();
        String personIdMasked = p.idMasked();
        String addr = address;
        UUID id = UUID.randomUUID();
        try {
            return tx.write(item.tenant(), () -> {
                String itemName = bookings.offeredItem(item.tenant(), in.itemId(), today);
                boolean working = filing.calendarOfCurrentTenant().working(day);
                if (kind.equals("URGENT") && working) {
                    throw new ApiException(ErrorCode.RULE_VIOLATION, day + " 是工作日，请预约或到大厅办理；急办用于节假日（A7）",
                            "preferredDate", "A7");
                }
                Timestamp now = Timestamp.from(Instant.now());
                jdbc.update("""
                        insert into special_service_request (id, tenant_id, kind, reason, item_id, item_name, citizen_id, person_key, person_name,
                            person_id_masked, address, phone_sealed, phone_masked, preferred_date, preferred_working, note, status,
                            idempotency_key, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)""",
                        id, item.tenant(), kind, reason, in.itemId(), itemName, caller.userId(), who, personName, personIdMasked, addr,
                        cipher.seal(phone), Masking.phone(phone), Date.valueOf(day), working, note, key, now, now);
                log.info("special service {} ({}) requested at {} for {}", id, kind, item.tenant(), day);
                return view(find(item.tenant(), id).orElseThrow(), false);
            });
        } catch (DuplicateKeyException e) {
            Optional<Row> first = bookings.asCitizen(caller, () -> jdbc.query(
                    "select * from special_service_request where citizen_id = ? and idempotency_key = ?", SpecialServices::row,
                    caller.userId(), key).stream().findFirst());
            if (first.isPresent()) return view(first.get(), true);
            if (String.valueOf(e.getMessage()).contains(OPEN_INDEX)) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "同一办事人同一事项已有一个未办结的" + label(kind) + "申请", "itemId", "A7");
            }
            throw e;
        }
    }

    Page<SpecialServiceRequest> mine(Caller caller, Integer first, String after) {
        Bookings.requireCitizen(caller);
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<Row> rows = bookings.asCitizen(caller, () -> cursor == null
                ? jdbc.query("select * from special_service_request where citizen_id = ? order by created_at desc, id desc limit ?",
                        SpecialServices::row, caller.userId(), n + 1)
                : jdbc.query("""
                        select * from special_service_request where citizen_id = ? and (created_at, id) < (?, ?)
                        order by created_at desc, id desc limit ?""", SpecialServices::row, caller.userId(),
                        Timestamp.from(cursor.at()), cursor.id(), n + 1));
        return page(rows, n);
    }

    SpecialServiceRequest cancel(Caller caller, String requestId) {
        Bookings.requireCitizen(caller);
        ScopedId s = Bookings.scoped("requestId", requestId);
        return tx.write(s.tenant(), () -> {
            Row r = jdbc.query("select * from special_service_request where tenant_id = ? and id = ? and citizen_id = ? for update",
                    SpecialServices::row, s.tenant(), s.id(), caller.userId()).stream().findFirst()
                    .orElseThrow(() -> notFound(requestId));
            if ("CANCELLED".equals(r.status)) return view(r, false);
            requireOpen(r, "撤回");
            jdbc.update("update special_service_request set status = 'CANCELLED', version = version + 1, updated_at = now() where id = ?", r.id);
            return view(find(s.tenant(), r.id).orElseThrow(), false);
        });
    }

    Page<SpecialServiceRequest> ofTenant(Caller caller, String tenantCode, String status, Integer first, String after) {
        Bookings.requireTenant(tenantCode);
        if (caller.realm() != Realm.STAFF || !caller.mayRead(tenantCode)) throw ApiException.forbidden("只能查看本中心的上门、急办申请");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.validation("status", "status 应为 REQUESTED、SCHEDULED、DECLINED 或 CANCELLED: " + status);
        }
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        String where = "select * from special_service_request where tenant_id = ?" + (status == null ? "" : " and status = ?");
        List<Object> args = new ArrayList<>(List.of(tenantCode));
        if (status != null) args.add(status);
        if (cursor != null) {
            where += " and (created_at, id) < (?, ?)";
            args.add(Timestamp.from(cursor.at()));
            args.add(cursor.id());
        }
        args.add(n + 1);
        String sql = where + " order by created_at desc, id desc limit ?";
        List<Row> rows = tx.read(tenantCode, () -> jdbc.query(sql, SpecialServices::row, args.toArray()));
        return page(rows, n);
    }

    SpecialServiceRequest schedule(Caller caller, String requestId, SpecialServiceApi.Schedule in) {
        ScopedId s = Bookings.scoped("requestId", requestId);
        staffOf(caller, s.tenant());
        if (in == null || in.scheduledAt() == null) throw ApiException.validation("scheduledAt", "缺少上门或办理的时间 scheduledAt");
        Instant now = Instant.now();
        if (!in.scheduledAt().isAfter(now) || in.scheduledAt().isAfter(now.plus(java.time.Duration.ofDays(AHEAD_DAYS)))) {
            throw ApiException.validation("scheduledAt", "安排的时间应在现在到 " + AHEAD_DAYS + " 天以内");
        }
        String staffName = in.staffName() == null ? "" : in.staffName().strip();
        if (staffName.isEmpty() || staffName.length() > 50) throw ApiException.validation("staffName", "须写明负责的工作人员（1–50 个字）");
        String staffPhone = in.staffPhone() == null || in.staffPhone().isBlank() ? null : in.staffPhone().strip();
        if (staffPhone != null && !WORK_PHONE.matcher(staffPhone).matches()) {
            throw ApiException.validation("staffPhone", "工作电话格式不正确: " + staffPhone);
        }
        String by = caller.displayName() == null ? caller.username() : caller.displayName();
        return tx.write(s.tenant(), () -> {
            Row r = forUpdate(s, requestId);
            requireOpen(r, "安排");
            jdbc.update("""
                    update special_service_request set status = 'SCHEDULED', scheduled_at = ?, staff_name = ?, staff_phone = ?, scheduled_by = ?,
                        version = version + 1, updated_at = now() where id = ?""",
                    Timestamp.from(in.scheduledAt()), staffName, staffPhone, by, r.id);
            log.info("special service {} of {} scheduled for {}", r.id, s.tenant(), in.scheduledAt());
            Row scheduled = find(s.tenant(), r.id).orElseThrow();
            // told as a booking's citizen is (A7 "scheduled like bookings"); a move of a scheduled one is told again
            tell(scheduled, SpecialServiceMessage.Kind.SPECIAL_SERVICE_SCHEDULED, "您申请的" + label(r.kind) + "（「" + r.itemName + "」"
                    + (r.personName == null ? "" : "，为" + r.personName + "办理") + "）" + ("SCHEDULED".equals(r.status) ? "已改为 " : "已安排在 ")
                    + Bookings.when(scheduled.scheduledAt) + "，" + arrangement(scheduled) + "。");
            timers.visitScheduled(scheduled.tenantId, scheduled.id, scheduled.version, scheduled.scheduledAt);
            return view(scheduled, false);
        });
    }

    SpecialServiceRequest decline(Caller caller, String requestId, SpecialServiceApi.Decline in) {
        ScopedId s = Bookings.scoped("requestId", requestId);
        staffOf(caller, s.tenant());
        String reason = in == null || in.reason() == null ? "" : in.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) throw ApiException.validation("reason", "须写明不能安排的理由（1–500 个字）");
        String by = caller.displayName() == null ? caller.username() : caller.displayName();
        return tx.write(s.tenant(), () -> {
            Row r = forUpdate(s, requestId);
            requireOpen(r, "答复");
            jdbc.update("""
                    update special_service_request set status = 'DECLINED', decline_reason = ?, scheduled_by = ?, version = version + 1,
                        updated_at = now() where id = ?""", reason, by, r.id);
            tell(r, SpecialServiceMessage.Kind.SPECIAL_SERVICE_DECLINED, "您申请的" + label(r.kind) + "（「" + r.itemName + "」）不能安排："
                    + reason + "。您可以预约到大厅办理，或致电中心咨询。");
            return view(find(s.tenant(), r.id).orElseThrow(), false);
        });
    }

    /**
     * A due reminder of a scheduled visit (A7, as a booking's the day and the hour before), in a transaction bound to the
     * request's tenant with its row locked: only for the version it was set for (a move or an end makes it stale) and
     * before the time.
     */
    void remind(BookingTimers.TimerId t) {
        tx.write(t.tenant(), () -> {
            Row r = jdbc.query("select * from special_service_request where tenant_id = ? and id = ? for update", SpecialServices::row,
                    t.tenant(), t.subjectId()).stream().findFirst().orElse(null);
            if (r == null || r.version != t.version() || !"SCHEDULED".equals(r.status) || !Instant.now().isBefore(r.scheduledAt)) return null;
            tell(r, SpecialServiceMessage.Kind.SPECIAL_SERVICE_REMINDER, "提醒：" + (t.kind() == BookingTimers.Kind.VISIT_REMIND_DAY ? "明天 " : "今天 ")
                    + Bookings.when(r.scheduledAt) + " 的" + label(r.kind) + "（「" + r.itemName + "」），" + arrangement(r) + "。如需取消，请在应用中撤回申请。");
            return null;
        });
    }

    /** Who comes or serves, and where and how to reach them: "由黄志明上门办理，地址：…，联系电话 …" (a scheduled request). */
    private static String arrangement(Row r) {
        return "由" + r.staffName + ("HOME_VISIT".equals(r.kind) ? "上门办理，地址：" + r.address : "为您办理")
                + (r.staffPhone == null ? "" : "，联系电话 " + r.staffPhone);
    }

    /** The answer to the citizen who asked, in the request's transaction (in-app, and by SMS to the request's phone). */
    private void tell(Row r, SpecialServiceMessage.Kind kind, String body) {
        messages.send(new SpecialServiceMessage(r.tenantId, r.id, r.citizenId, r.phoneSealed, r.phoneMasked, kind, body, Instant.now()));
    }

    // ------------------------------------------------------------------ rows

    private static void staffOf(Caller caller, String tenant) {
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenant)) throw ApiException.forbidden("只有本中心的工作人员可以安排上门、急办");
    }

    private Row forUpdate(ScopedId s, String requestId) {
        return jdbc.query("select * from special_service_request where tenant_id = ? and id = ? for update", SpecialServices::row,
                s.tenant(), s.id()).stream().findFirst().orElseThrow(() -> notFound(requestId));
    }

    private static void requireOpen(Row r, String what) {
        if (!"REQUESTED".equals(r.status) && !"SCHEDULED".equals(r.status)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "该申请已" + statusLabel(r.status) + "，不能" + what, "requestId", null);
        }
    }

    private Optional<Row> find(String tenant, UUID id) {
        return jdbc.query("select * from special_service_request where tenant_id = ? and id = ?", SpecialServices::row, tenant, id)
                .stream().findFirst();
    }

    private Page<SpecialServiceRequest> page(List<Row> rows, int n) {
        boolean more = rows.size() > n;
        List<Page.Item<SpecialServiceRequest>> items = new ArrayList<>();
        for (Row r : more ? rows.subList(0, n) : rows) items.add(new Page.Item<>(new KeysetCursor(r.createdAt, r.id).encode(), view(r, false)));
        return new Page<>(items, more, null);
    }

    private static final class Row {
        UUID id;
        String tenantId;
        String kind;
        String reason;
        String itemId;
        String itemName;
        String personName;
        String personIdMasked;
        String address;
        String citizenId;
        String phoneSealed;
        String phoneMasked;
        LocalDate preferredDate;
        boolean preferredWorking;
        String note;
        String status;
        Instant scheduledAt;
        String staffName;
        String staffPhone;
        String scheduledBy;
        String declineReason;
        int version;
        Instant createdAt;
        Instant updatedAt;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Row r = new Row();
        r.id = rs.getObject("id", UUID.class);
        r.tenantId = rs.getString("tenant_id");
        r.kind = rs.getString("kind");
        r.reason = rs.getString("reason");
        r.itemId = rs.getString("item_id");
        r.itemName = rs.getString("item_name");
        r.personName = rs.getString("person_name");
        r.personIdMasked = rs.getString("person_id_masked");
        r.address = rs.getString("address");
        r.citizenId = rs.getString("citizen_id");
        r.phoneSealed = rs.getString("phone_sealed");
        r.phoneMasked = rs.getString("phone_masked");
        r.preferredDate = rs.getDate("preferred_date").toLocalDate();
        r.preferredWorking = rs.getBoolean("preferred_working");
        r.note = rs.getString("note");
        r.status = rs.getString("status");
        Timestamp at = rs.getTimestamp("scheduled_at");
        r.scheduledAt = at == null ? null : at.toInstant();
        r.staffName = rs.getString("staff_name");
        r.staffPhone = rs.getString("staff_phone");
        r.scheduledBy = rs.getString("scheduled_by");
        r.declineReason = rs.getString("decline_reason");
        r.version = rs.getInt("version");
        r.createdAt = rs.getTimestamp("created_at").toInstant();
        r.updatedAt = rs.getTimestamp("updated_at").toInstant();
        return r;
    }

    private static SpecialServiceRequest view(Row r, boolean replayed) {
        return new SpecialServiceRequest(r.tenantId + ":" + r.id, r.tenantId, r.kind, r.reason, r.status, r.itemId, r.itemName, r.personName,
                r.personIdMasked, r.address, r.phoneMasked, r.preferredDate, r.preferredWorking, r.note, r.scheduledAt, r.staffName,
                r.staffPhone, r.scheduledBy, r.declineReason, r.createdAt, r.updatedAt, replayed);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("requestId", "未找到该上门、急办申请: " + id);
    }

    private static String label(String kind) {
        return "HOME_VISIT".equals(kind) ? "上门服务" : "急办";
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "DECLINED" -> "答复不能安排";
            case "CANCELLED" -> "撤回";
            default -> status;
        };
    }
}
