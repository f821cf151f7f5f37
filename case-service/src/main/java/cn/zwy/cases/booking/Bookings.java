package cn.zwy.cases.booking;

import cn.zwy.cases.api.BookingApi;
import cn.zwy.cases.api.BookingApi.Appointment;
import cn.zwy.cases.api.BookingApi.BookRequest;
import cn.zwy.cases.api.BookingApi.BookableDay;
import cn.zwy.cases.api.BookingApi.BookableHall;
import cn.zwy.cases.api.BookingApi.Slot;
import cn.zwy.cases.api.CaseApi;
import cn.zwy.cases.applicant.MobileNumber;
import cn.zwy.cases.applicant.ResidentIdNumber;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.cases.filing.WorkingCalendar;
import cn.zwy.cases.messages.AppointmentMessage;
import cn.zwy.cases.messages.CitizenMessages;
import cn.zwy.cases.privacy.BlindIndex;
import cn.zwy.cases.privacy.Masking;
import cn.zwy.cases.privacy.PersonalDataCipher;
import cn.zwy.common.api.KeysetCursor;
import cn.zwy.common.api.Page;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.ScopedId;
import cn.zwy.common.tenant.TenantTransactions;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Booking, moving and cancelling appointments (A1–A3, ADR 0014). PostgreSQL is the truth: a booking takes a place
 * with one conditional update of the slot's counter row ({@code booked = booked + 1 where booked < capacity}),
 * which row-locks it until the commit, so concurrent bookings of one slot queue on that row and each sees the
 * count the previous one committed: never more than the capacity (a check constraint says so as well). The
 * appointment row is inserted in the same transaction; a partial unique index allows one active booking per
 * person, item and day, and a unique (account, idempotency key) makes a retry answer the first booking. A failure
 * anywhere rolls back the place taken: nothing is acknowledged that is not committed.
 */
@Service
class Bookings {

    private static final Logger log = LoggerFactory.getLogger(Bookings.class);
    static final String ONE_ACTIVE_INDEX = "appointment_one_active_idx";
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final HallSchedules halls;
    private final FilingReadModels filing;
    private final BookingProperties props;
    private final BookingBars bars;
    private final BookingTimers timers;
    private final CitizenMessages messages;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final ApplicationEventPublisher events;
    private final BookingRules rules;
    private final BookingLimits limits;
    private final SlotGate gate;

    Bookings(TenantTransactions tx, JdbcTemplate jdbc, HallSchedules halls, FilingReadModels filing, BookingProperties props,
             BookingBars bars, BookingTimers timers, CitizenMessages messages, PersonalDataCipher cipher, BlindIndex index,
             ApplicationEventPublisher events, BookingRules rules, BookingLimits limits, SlotGate gate) {
        this.gate = gate;
        this.events = events;
        this.rules = rules;
        this.limits = limits;
        this.tx = tx;
        this.jdbc = jdbc;
        this.halls = halls;
        this.filing = filing;
        this.props = props;
        this.bars = bars;
        this.timers = timers;
        this.messages = messages;
        this.cipher = cipher;
        this.index = index;
    }

    // ------------------------------------------------------------------ public reads

    List<BookableDay> bookableDays(String tenantCode, String itemId, LocalDate from, LocalDate to) {
        requireTenant(tenantCode);
        if (from == null) throw ApiException.validation("from", "缺少开始日期 from");
        if (to == null) throw ApiException.validation("to", "缺少结束日期 to");
        if (to.isBefore(from)) throw ApiException.validation("to", "结束日期不能早于开始日期");
        if (ChronoUnit.DAYS.between(from, to) >= BookingApi.MAX_DAYS_PER_READ) {
            throw ApiException.validation("to", "一次最多查询 " + BookingApi.MAX_DAYS_PER_READ + " 天");
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(Schedule.ZONE);
        LocalDate first = from.isBefore(today) ? today : from;
        return tx.read(tenantCode, () -> {
            offeredItem(tenantCode, itemId, today);
            // only the days released for booking (放号): up to the horizon, the last one from its release time
            LocalDate released = rules.of(tenantCode).lastReleased(now);
            LocalDate last = to.isAfter(released) ? released : to;
            List<BookableDay> out = new ArrayList<>();
            if (last.isBefore(first)) return out;
            WorkingCalendar cal = filing.calendarOfCurrentTenant();
            List<Schedule.Hall> all = halls.halls(tenantCode);
            Map<UUID, Map<LocalDate, Schedule.SpecialDay>> special = new HashMap<>();
            Map<UUID, Integer> capacity = new HashMap<>();
            for (Schedule.Hall h : all) {
                special.put(h.id(), halls.specialDays(h.id(), first, last));
                capacity.put(h.id(), halls.capacity(h.id()));
            }
            Map<String, Integer> booked = bookedCounts(tenantCode, first, last);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                List<BookableHall> open = new ArrayList<>();
                String note = null;
                for (Schedule.Hall h : all) {
                    Schedule.SpecialDay sd = special.get(h.id()).get(d);
                    int remaining = 0;
                    for (LocalDateTime start : Schedule.starts(d, Schedule.periodsOn(d, h, sd, cal), props.slotMinutes())) {
                        if (!start.atZone(Schedule.ZONE).toInstant().isAfter(now)) continue;
                        Integer cap = booked.containsKey("c" + h.id() + start) ? booked.get("c" + h.id() + start) : capacity.get(h.id());
                        remaining += Math.max(0, cap - booked.getOrDefault(h.id() + "" + start, 0));
                    }
                    if (remaining > 0) {
                        open.add(new BookableHall(h.id().toString(), h.name(), remaining));
                        if (sd != null && note == null) note = sd.reason();
                    }
                }
                if (!open.isEmpty()) out.add(new BookableDay(d, cal.working(d), note, open));
            }
            return out;
        });
    }

    List<Slot> slots(String tenantCode, String hallIdText, String itemId, LocalDate date) {
        requireTenant(tenantCode);
        UUID hallId = uuid("hallId", hallIdText);
        if (date == null) throw ApiException.validation("date", "缺少日期 date");
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(Schedule.ZONE);
        return tx.read(tenantCode, () -> {
            Schedule.Hall hall = halls.hall(tenantCode, hallId)
                    .orElseThrow(() -> ApiException.notFound("hallId", "该租户没有这个服务大厅: " + hallId));
            offeredItem(tenantCode, itemId, today);
            // a day released for booking, or the next one to be released (listed with its release time, not bookable yet)
            BookingRules.Rules rule = rules.of(tenantCode);
            LocalDate released = rule.lastReleased(now);
            if (date.isBefore(today) || date.isAfter(released.plusDays(1))) return List.<Slot>of();
            Instant releasesAt = date.isAfter(released) ? rule.releaseOf(date) : null;
            int capacity = halls.capacity(hallId);
            Map<String, Integer> booked = bookedCounts(tenantCode, date, date);
            List<Slot> out = new ArrayList<>();
            Schedule.SpecialDay sd = halls.specialDays(hallId, date, date).get(date);
            for (LocalDateTime start : Schedule.starts(date, Schedule.periodsOn(date, hall, sd, filing.calendarOfCurrentTenant()), props.slotMinutes())) {
                Instant at = start.atZone(Schedule.ZONE).toInstant();
                if (!at.isAfter(now)) continue;
                int cap = booked.getOrDefault("c" + hallId + start, capacity);
                out.add(new Slot(new SlotId(tenantCode, hallId, start).toString(), at, at.plus(props.slotMinutes(), ChronoUnit.MINUTES),
                        cap, Math.max(0, cap - booked.getOrDefault(hallId + "" + start, 0)), releasesAt));
            }
            return out;
        });
    }

    /** Booked places ("hall+start") and the capacity kept on the row ("c"+hall+start) of the tenant's slot rows in [from, to]. */
    private Map<String, Integer> bookedCounts(String tenantCode, LocalDate from, LocalDate to) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.query("select hall_id, starts_at, capacity, booked from booking_slot where tenant_id = ? and starts_at >= ? and starts_at < ?", rs -> {
            LocalDateTime start = LocalDateTime.ofInstant(rs.getTimestamp(2).toInstant(), Schedule.ZONE);
            String key = rs.getObject(1, UUID.class) + "" + start;
            out.put(key, rs.getInt(4));
            out.put("c" + key, rs.getInt(3));
        }, tenantCode, Timestamp.from(from.atStartOfDay(Schedule.ZONE).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(Schedule.ZONE).toInstant()));
        return out;
    }

    // ------------------------------------------------------------------ the citizen's bookings

    private record Taken(Schedule.Hall hall, Instant startsAt, Instant endsAt, LocalDate day) {}

    Appointment book(Caller caller, BookRequest in) {
        requireCitizen(caller);
        if (in == null) throw ApiException.validation("input", "缺少预约内容");
        String key = in.idempotencyKey() == null ? "" : in.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw ApiException.validation("idempotencyKey", "幂等键应为 1–100 个字符");
        SlotId slot = SlotId.parse("slotId", in.slotId());
        if (in.itemId() == null || !in.itemId().startsWith(slot.tenantCode() + ":")) {
            throw ApiException.notFound("itemId", "该中心（" + slot.tenantCode() + "）没有这个事项: " + in.itemId());
        }
        // the gate first: in a burst most requests find the slot full, and hear it without a transaction; a retry of a
        // booking that was acknowledged still gets its booking back
        SlotGate.Ticket ticket = gate.enter(slot);
        try {
            if (ticket.pass == SlotGate.Pass.FULL) {
                return replay(caller, key, slot, in.itemId()).orElseThrow(() -> full(slot.start().atZone(Schedule.ZONE).toInstant()));
            }
            Appointment a = bookThroughCounter(caller, in, key, slot, ticket);
            ticket.booked = !a.replayed();
            return a;
        } finally {
            gate.settle(ticket);
        }
    }

    private Appointment bookThroughCounter(Caller caller, BookRequest in, String key, SlotId slot, SlotGate.Ticket ticket) {
        Optional<Appointment> earlier = replay(caller, key, slot, in.itemId());
        if (earlier.isPresent()) return earlier.get();
        String phone = in.contactPhone() == null || in.contactPhone().isBlank() ? null : MobileNumber.parse("contactPhone", in.contactPhone()).value();
        String ownIndex = null;
        if (in.idNumber() != null && !in.idNumber().isBlank()) {
            if (in.bookedFor() != null) throw ApiException.validation("idNumber", "代他人预约时，请在 bookedFor 中填写办事人的身份证号");
            ownIndex = index.of(ResidentIdNumber.parse("idNumber", in.idNumber()));
        }
        Person p = person(caller, in.bookedFor(), "bookedFor");
        String checkInIndex = p.idIndex() != null ? p.idIndex() : ownIndex;
        String who = p.key();
        String name = p.name();
        String idMasked = p.idMasked();
        // who comes, by name, for the hall's list of the day (masked, and its blind index for a search by the full name)
        String comer = name != null ? name : caller.displayName() == null || caller.displayName().isBlank() ? null : caller.displayName().strip();
        UUID id = UUID.randomUUID();
        try {
            return tx.write(slot.tenantCode(), () -> {
                Instant now = Instant.now();
                String itemName = offeredItem(slot.tenantCode(), in.itemId(), LocalDate.now(Schedule.ZONE));
                bars.requireNotBarred(slot.tenantCode(), List.of("sub:" + caller.userId(), who), now);
                BookingRules.Rules rule = rules.of(slot.tenantCode());
                // the slot first (the burst contends on its counter row), then the person's and the account's limits
                Taken t = take(slot, now, rule, ticket);
                List<BookingApi.Warning> warnings = limits.beforeBooking(rule, caller.userId(), who, now);
                String code = bookingCode();
                Timestamp at = Timestamp.from(now);
                jdbc.update("""
                        insert into appointment (id, tenant_id, hall_id, hall_name, starts_at, ends_at, day, item_id, item_name, citizen_id,
                            person_key, booked_for_name, booked_for_id_masked, phone_sealed, phone_masked, booking_code, idempotency_key,
                            status, created_at, updated_at, id_index, person_name_masked, person_name_index)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?, ?)""",
                        id, slot.tenantCode(), t.hall().id(), t.hall().name(), Timestamp.from(t.startsAt()), Timestamp.from(t.endsAt()),
                        Date.valueOf(t.day()), in.itemId(), itemName, caller.userId(), who, name, idMasked,
                        phone == null ? null : cipher.seal(phone), phone == null ? null : Masking.phone(phone), code, key, at, at, checkInIndex,
                        Masking.name(comer), comer == null ? null : index.ofName(comer));
                Row r = find(slot.tenantCode(), id).orElseThrow();
                timers.booked(r);
                tell(r, AppointmentMessage.Kind.APPOINTMENT_BOOKED, "您已预约" + r.hallName + "办理「" + r.itemName + "」，时间 "
                        + when(r.startsAt) + "，预约码 " + r.code + "。请按时到场，迟到超过 " + props.noShowAfter().toMinutes()
                        + " 分钟视为爽约（A2）；如需取消，请在开始前 " + hours(props.cancelBefore()) + "取消。");
                log.info("appointment {} booked at {} {} for item {}", code, slot.tenantCode(), t.startsAt(), in.itemId());
                return view(r, false, warnings);
            });
        } catch (ApiException e) {
            // copies of one request racing for a slot's last place: the first took it and committed before this
            // one found the slot full; the retry's answer is that booking, not "full"
            if (e.code() == ErrorCode.CONFLICT && "slotId".equals(e.field())) {
                Optional<Appointment> first = replay(caller, key, slot, in.itemId());
                if (first.isPresent()) return first.get();
            }
            throw e;
        } catch (DuplicateKeyException e) {
            // the same request raced itself (whichever unique index noticed first): the first one's booking is the answer
            Optional<Appointment> first = replay(caller, key, slot, in.itemId());
            if (first.isPresent()) return first.get();
            if (String.valueOf(e.getMessage()).contains(ONE_ACTIVE_INDEX)) throw onePerDay();
            throw e;
        }
    }

    Appointment reschedule(Caller caller, String appointmentId, BookingApi.RescheduleRequest in) {
        requireCitizen(caller);
        ScopedId a = scoped("appointmentId", appointmentId);
        SlotId slot = SlotId.parse("slotId", in == null ? null : in.slotId());
        if (!slot.tenantCode().equals(a.tenant())) {
            throw new ApiException(ErrorCode.VALIDATION, "只能改约到同一中心（" + a.tenant() + "）的时段", "slotId", null);
        }
        try {
            return tx.write(a.tenant(), () -> {
                Instant now = Instant.now();
                Row r = mine(caller, a).orElseThrow(() -> notFound(appointmentId));
                requireChangeable(r, now, "改约");
                BookingRules.Rules rule = rules.of(a.tenant());
                Instant oldStart = r.startsAt;
                UUID oldHall = r.hallId;
                SlotId old = new SlotId(a.tenant(), oldHall, LocalDateTime.ofInstant(oldStart, Schedule.ZONE));
                if (old.equals(slot)) return view(r, false);
                // both counter rows in one order (hall, start), whichever way the move goes: two moves crossing
                // each other never wait on each other's rows in opposite orders
                Taken t;
                if (compare(old, slot) < 0) {
                    release(old);
                    t = take(slot, now, rule, null);
                } else {
                    t = take(slot, now, rule, null);
                    release(old);
                }
                jdbc.update("""
                        update appointment set hall_id = ?, hall_name = ?, starts_at = ?, ends_at = ?, day = ?, version = version + 1,
                            updated_at = ? where tenant_id = ? and id = ?""",
                        t.hall().id(), t.hall().name(), Timestamp.from(t.startsAt()), Timestamp.from(t.endsAt()), Date.valueOf(t.day()),
                        Timestamp.from(now), a.tenant(), a.id());
                Row moved = find(a.tenant(), a.id()).orElseThrow();
                timers.booked(moved);
                tell(moved, AppointmentMessage.Kind.APPOINTMENT_BOOKED, "您的预约（预约码 " + moved.code + "）已改到 " + when(moved.startsAt)
                        + "，" + moved.hallName + "办理「" + moved.itemName + "」。");
                return view(moved, false);
            });
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).contains(ONE_ACTIVE_INDEX)) throw onePerDay();
            throw e;
        }
    }

    Appointment cancel(Caller caller, String appointmentId) {
        requireCitizen(caller);
        ScopedId a = scoped("appointmentId", appointmentId);
        return tx.write(a.tenant(), () -> {
            Instant now = Instant.now();
            Row r = mine(caller, a).orElseThrow(() -> notFound(appointmentId));
            if ("CANCELLED".equals(r.status)) return view(r, false);   // cancelling twice changes nothing
            requireChangeable(r, now, "取消");
            jdbc.update("update appointment set status = 'CANCELLED', cancelled_at = ?, updated_at = ?, version = version + 1 where tenant_id = ? and id = ?",
                    Timestamp.from(now), Timestamp.from(now), a.tenant(), a.id());
            release(new SlotId(a.tenant(), r.hallId, LocalDateTime.ofInstant(r.startsAt, Schedule.ZONE)));
            Row cancelled = find(a.tenant(), a.id()).orElseThrow();
            // counted after the cancellation: one before the month's limit warns, the limit bars booking until the month ends
            List<BookingApi.Warning> warnings = limits.afterCancelling(rules.of(a.tenant()), caller.userId(), now);
            StringBuilder body = new StringBuilder("您 " + when(r.startsAt) + " 在" + r.hallName + "办理「" + r.itemName
                    + "」的预约（预约码 " + r.code + "）已取消，该时段已释放。");
            for (BookingApi.Warning w : warnings) body.append(w.message());
            tell(cancelled, AppointmentMessage.Kind.APPOINTMENT_CANCELLED, body.toString());
            return view(cancelled, false, warnings);
        });
    }

    Page<Appointment> mine(Caller caller, Integer first, String after) {
        requireCitizen(caller);
        int n = KeysetCursor.pageSize(first, CaseApi.MAX_FIRST);
        KeysetCursor cursor = after == null ? null : KeysetCursor.decode("after", after);
        List<Row> rows = asCitizen(caller, () -> cursor == null
                ? jdbc.query("select * from appointment where citizen_id = ? order by starts_at desc, id desc limit ?", Bookings::row,
                        caller.userId(), n + 1)
                : jdbc.query("""
                        select * from appointment where citizen_id = ? and (starts_at, id) < (?, ?)
                        order by starts_at desc, id desc limit ?""", Bookings::row, caller.userId(),
                        Timestamp.from(cursor.at()), cursor.id(), n + 1));
        boolean more = rows.size() > n;
        List<Page.Item<Appointment>> items = new ArrayList<>();
        for (Row r : more ? rows.subList(0, n) : rows) items.add(new Page.Item<>(new KeysetCursor(r.startsAt, r.id).encode(), view(r, false)));
        return new Page<>(items, more, null);
    }

    // ------------------------------------------------------------------ staff at the hall

    /**
     * The tenant's staff (a kiosk's account) check a citizen in (before the no-show rule applies, A2) by the booking code
     * or by the ID card number of the person who comes (A5): then their next booking of today at the tenant.
     */
    Appointment checkIn(Caller caller, String tenantCode, String bookingCode, String idNumber) {
        requireTenant(tenantCode);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) throw ApiException.forbidden("只有本中心的工作人员可以办理预约签到");
        boolean byCode = bookingCode != null && !bookingCode.isBlank();
        boolean byId = idNumber != null && !idNumber.isBlank();
        if (byCode == byId) throw ApiException.validation(byCode ? "idNumber" : "bookingCode", "请凭预约码或身份证号（二者选一）签到");
        String code = byCode ? bookingCode.strip().toUpperCase(java.util.Locale.ROOT) : null;
        String idIndex = byId ? index.of(ResidentIdNumber.parse("idNumber", idNumber)) : null;
        String field = byCode ? "bookingCode" : "idNumber";
        return tx.write(tenantCode, () -> {
            Instant now = Instant.now();
            Row r = (byCode
                    ? jdbc.query("select * from appointment where tenant_id = ? and booking_code = ? for update", Bookings::row, tenantCode, code)
                    // the person's booking of today still to check in (the earliest not yet late), else one checked in already
                    // (answered as it is)
                    : jdbc.query("""
                            select * from appointment where tenant_id = ? and id_index = ? and day = ? and status in ('BOOKED', 'CHECKED_IN')
                            order by status = 'CHECKED_IN', starts_at < ?, starts_at limit 1 for update""", Bookings::row, tenantCode, idIndex,
                            Date.valueOf(LocalDate.now(Schedule.ZONE)), Timestamp.from(now.minus(props.noShowAfter()))))
                    .stream().findFirst().orElseThrow(() -> byCode ? ApiException.notFound("bookingCode", "本中心没有这个预约码: " + bookingCode)
                            : ApiException.notFound("idNumber", "该身份证号今天在本中心没有预约"));
            if ("CHECKED_IN".equals(r.status)) return view(r, true);
            if (!"BOOKED".equals(r.status)) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "该预约已" + statusLabel(r.status) + "，不能签到", field, null);
            }
            if (!r.day.equals(LocalDate.now(Schedule.ZONE))) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "该预约在 " + r.day + "，只能在预约当天签到", field, null);
            }
            if (now.isAfter(r.startsAt.plus(props.noShowAfter()))) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "已超过预约开始时间 " + props.noShowAfter().toMinutes()
                        + " 分钟，按爽约处理（A2），请重新取号或预约", field, "A2");
            }
            jdbc.update("update appointment set status = 'CHECKED_IN', checked_in_at = ?, updated_at = ? where tenant_id = ? and id = ?",
                    Timestamp.from(now), Timestamp.from(now), tenantCode, r.id);
            // in this transaction: the queue's ticket for the arrival (A5) commits with the check-in or not at all
            events.publishEvent(new AppointmentCheckedIn(tenantCode, r.id, r.hallId, r.code, r.startsAt, r.citizenId, props.category()));
            return view(find(tenantCode, r.id).orElseThrow(), false);
        });
    }

    // ------------------------------------------------------------------ the slot's counter

    /**
     * Takes one place of the slot, inside the tenant's writing transaction: checks the slot is one the hall
     * opens (derived from its hours, special days and the calendar), in the future and within the horizon, makes
     * its counter row if it has none yet, and takes the place with the conditional update; a full slot is a
     * CONFLICT and the caller's transaction rolls back.
     */
    private Taken take(SlotId slot, Instant now, BookingRules.Rules rule, SlotGate.Ticket ticket) {
        Schedule.Hall hall = halls.hall(slot.tenantCode(), slot.hallId())
                .orElseThrow(() -> ApiException.notFound("slotId", "该中心没有这个服务大厅: " + slot.hallId()));
        LocalDate day = slot.start().toLocalDate();
        Instant startsAt = slot.start().atZone(Schedule.ZONE).toInstant();
        if (!startsAt.isAfter(now)) {
            throw new ApiException(ErrorCode.VALIDATION, "该时段（" + when(startsAt) + "）已开始或已过去，请选择以后的时段", "slotId", null);
        }
        if (day.isAfter(rule.lastReleased(now))) {
            throw new ApiException(ErrorCode.VALIDATION, "只能预约已放号的 " + rule.horizonDays() + " 天以内的时段；" + day + " 的号将于 "
                    + when(rule.releaseOf(day)) + " 放出", "slotId", null);
        }
        Schedule.SpecialDay sd = halls.specialDays(hall.id(), day, day).get(day);
        if (!Schedule.starts(day, Schedule.periodsOn(day, hall, sd, filing.calendarOfCurrentTenant()), props.slotMinutes()).contains(slot.start())) {
            throw ApiException.notFound("slotId", hall.name() + "在 " + when(startsAt) + " 没有可预约的时段");
        }
        Instant endsAt = startsAt.plus(props.slotMinutes(), ChronoUnit.MINUTES);
        jdbc.update("""
                insert into booking_slot (tenant_id, hall_id, starts_at, ends_at, capacity) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, hall_id, starts_at) do nothing""",
                slot.tenantCode(), hall.id(), Timestamp.from(startsAt), Timestamp.from(endsAt), halls.capacity(hall.id()));
        List<Integer> left = jdbc.queryForList("""
                update booking_slot set booked = booked + 1 where hall_id = ? and starts_at = ? and booked < capacity
                returning capacity - booked""", Integer.class, hall.id(), Timestamp.from(startsAt));
        if (left.isEmpty()) {
            if (ticket != null) ticket.refusedFull = true;
            throw full(startsAt);
        }
        if (ticket != null) ticket.left = left.getFirst();
        return new Taken(hall, startsAt, endsAt, day);
    }

    private static ApiException full(Instant startsAt) {
        return new ApiException(ErrorCode.CONFLICT, "该时段（" + when(startsAt) + "）已约满，请选择其他时段", "slotId", null);
    }

    /** Frees a place of the slot's counter row, inside the transaction; the gate hears of it after the commit. */
    private void release(SlotId slot) {
        jdbc.update("update booking_slot set booked = booked - 1 where hall_id = ? and starts_at = ? and booked > 0",
                slot.hallId(), Timestamp.from(slot.start().atZone(Schedule.ZONE).toInstant()));
        gate.freedOnCommit(slot);
    }

    private static int compare(SlotId a, SlotId b) {
        int c = a.hallId().compareTo(b.hallId());
        return c != 0 ? c : a.start().compareTo(b.start());
    }

    // ------------------------------------------------------------------ rows and views

    /** An appointment row as booking reads it. */
    static final class Row {
        UUID id;
        String tenantId;
        UUID hallId;
        String hallName;
        Instant startsAt;
        Instant endsAt;
        LocalDate day;
        String itemId;
        String itemName;
        String citizenId;
        String personKey;
        String bookedForName;
        String bookedForIdMasked;
        String phoneSealed;
        String phoneMasked;
        String code;
        String idempotencyKey;
        String status;
        int version;
        Instant createdAt;
        Instant checkedInAt;
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        Row r = new Row();
        r.id = rs.getObject("id", UUID.class);
        r.tenantId = rs.getString("tenant_id");
        r.hallId = rs.getObject("hall_id", UUID.class);
        r.hallName = rs.getString("hall_name");
        r.startsAt = rs.getTimestamp("starts_at").toInstant();
        r.endsAt = rs.getTimestamp("ends_at").toInstant();
        r.day = rs.getDate("day").toLocalDate();
        r.itemId = rs.getString("item_id");
        r.itemName = rs.getString("item_name");
        r.citizenId = rs.getString("citizen_id");
        r.personKey = rs.getString("person_key");
        r.bookedForName = rs.getString("booked_for_name");
        r.bookedForIdMasked = rs.getString("booked_for_id_masked");
        r.phoneSealed = rs.getString("phone_sealed");
        r.phoneMasked = rs.getString("phone_masked");
        r.code = rs.getString("booking_code");
        r.idempotencyKey = rs.getString("idempotency_key");
        r.status = rs.getString("status");
        r.version = rs.getInt("version");
        r.createdAt = rs.getTimestamp("created_at").toInstant();
        Timestamp in = rs.getTimestamp("checked_in_at");
        r.checkedInAt = in == null ? null : in.toInstant();
        return r;
    }

    Optional<Row> find(String tenant, UUID id) {
        return jdbc.query("select * from appointment where tenant_id = ? and id = ?", Bookings::row, tenant, id).stream().findFirst();
    }

    private Optional<Row> mine(Caller caller, ScopedId a) {
        return jdbc.query("select * from appointment where tenant_id = ? and id = ? and citizen_id = ? for update", Bookings::row,
                a.tenant(), a.id(), caller.userId()).stream().findFirst();
    }

    Appointment view(Row r, boolean replayed) {
        return view(r, replayed, List.of());
    }

    Appointment view(Row r, boolean replayed, List<BookingApi.Warning> warnings) {
        return new Appointment(r.tenantId + ":" + r.id, r.code, r.status, r.tenantId, r.hallId.toString(), r.hallName, r.itemId, r.itemName,
                r.startsAt, r.endsAt, r.bookedForName, r.bookedForIdMasked, r.phoneMasked, r.startsAt.minus(props.cancelBefore()),
                r.createdAt, r.checkedInAt, QrCodes.svg(QrCodes.content(r.tenantId, r.code)), replayed, warnings);
    }

    /** The booking an earlier request with this key made (the same slot and item), or a CONFLICT when the key served another. */
    private Optional<Appointment> replay(Caller caller, String key, SlotId slot, String itemId) {
        Optional<Row> r = asCitizen(caller, () -> jdbc.query("select * from appointment where citizen_id = ? and idempotency_key = ?",
                Bookings::row, caller.userId(), key).stream().findFirst());
        if (r.isEmpty()) return Optional.empty();
        Row row = r.get();
        if (!row.itemId.equals(itemId) || !row.tenantId.equals(slot.tenantCode())) {
            throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一个预约（预约码 " + row.code + "），新的预约请使用新的幂等键");
        }
        return Optional.of(view(row, true));
    }

    private void requireChangeable(Row r, Instant now, String what) {
        if (!"BOOKED".equals(r.status)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "该预约已" + statusLabel(r.status) + "，不能" + what, "appointmentId", null);
        }
        Instant until = r.startsAt.minus(props.cancelBefore());
        if (now.isAfter(until)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "预约开始前 " + hours(props.cancelBefore()) + " 内不能" + what
                    + "（截止 " + when(until) + "）", "appointmentId", null);
        }
    }

    void tell(Row r, AppointmentMessage.Kind kind, String body) {
        messages.send(new AppointmentMessage(r.tenantId, r.id, r.code, r.citizenId, r.phoneSealed, r.phoneMasked, kind, body, Instant.now()));
    }

    /** The item's name when the tenant offers it (a published guide in effect); NOT_FOUND otherwise. Inside the tenant's transaction. */
    String offeredItem(String tenantCode, String itemId, LocalDate day) {
        if (itemId == null || !itemId.startsWith(tenantCode + ":")) {
            throw ApiException.notFound("itemId", "该中心（" + tenantCode + "）没有这个事项: " + itemId);
        }
        return filing.offeredItemName(itemId, day)
                .orElseThrow(() -> ApiException.notFound("itemId", "该中心（" + tenantCode + "）没有在办的这个事项: " + itemId));
    }

    <T> T asCitizen(Caller caller, Supplier<T> work) {
        return tx.platform(() -> {
            jdbc.queryForObject("select set_config('app.citizen_id', ?, true)", String.class, caller.userId());
            return work.get();
        });
    }

    private static ApiException onePerDay() {
        return new ApiException(ErrorCode.RULE_VIOLATION, "同一事项同一天只能有一个有效预约；如需换时间，请改约或先取消原预约", "itemId", "A1");
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("appointmentId", "未找到该预约: " + id);
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "BOOKED" -> "预约成功";
            case "CHECKED_IN" -> "签到";
            case "CANCELLED" -> "取消";
            case "NO_SHOW" -> "记为爽约";
            default -> status;
        };
    }

    static String when(Instant at) {
        return LocalDateTime.ofInstant(at, Schedule.ZONE).format(WHEN);
    }

    private static String hours(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " 小时" : d.toMinutes() + " 分钟";
    }

    private static String bookingCode() {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        return s.toString();
    }

    /**
     * Who comes (C14/A7): the account itself ({@code sub:<subject>}) or the person it acts for, named with their ID
     * number (checked, GB 11643), known by its blind index ({@code id:<hmac>}) and kept masked (M3).
     */
    record Person(String key, String name, String idMasked, String idIndex) {}

    Person person(Caller caller, BookingApi.Person forPerson, String field) {
        if (forPerson == null) return new Person("sub:" + caller.userId(), null, null, null);
        String name = forPerson.name() == null ? "" : forPerson.name().strip();
        if (name.isEmpty() || name.length() > 50) throw ApiException.validation(field + ".name", "须写明办事人姓名（1–50 个字）");
        ResidentIdNumber id = ResidentIdNumber.parse(field + ".idNumber", forPerson.idNumber());
        String idIndex = index.of(id);
        return new Person("id:" + idIndex, name, Masking.idNumber(id.value()), idIndex);
    }

    static ScopedId scoped(String field, String id) {
        return ScopedId.parse(field, id);
    }

    static UUID uuid(String field, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value)) return id;
        } catch (IllegalArgumentException | NullPointerException ignored) {
            // below
        }
        throw ApiException.validation(field, "参数 " + field + " 格式不正确: " + value);
    }

    static void requireTenant(String tenantCode) {
        if (tenantCode == null || !DivisionCodes.isTenant(tenantCode)) {
            throw ApiException.validation("tenantCode", "租户代码应为 6、9 或 12 位区划代码: " + tenantCode);
        }
    }

    static void requireCitizen(Caller caller) {
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("预约由办事群众本人（公众账号）办理");
    }


}
