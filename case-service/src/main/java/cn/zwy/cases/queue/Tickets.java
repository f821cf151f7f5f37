package cn.zwy.cases.queue;

import cn.zwy.cases.api.QueueApi.CallResult;
import cn.zwy.cases.api.QueueApi.GuidanceAnswer;
import cn.zwy.cases.api.QueueApi.TakeTicketRequest;
import cn.zwy.cases.api.QueueApi.Ticket;
import cn.zwy.cases.api.QueueApi.Visit;
import cn.zwy.cases.api.QueueApi.VisitAnswer;
import cn.zwy.cases.api.QueueApi.VisitPart;
import cn.zwy.cases.api.QueueApi.VisitSkipped;
import cn.zwy.cases.booking.AppointmentCheckedIn;
import cn.zwy.cases.booking.BookingHalls;
import cn.zwy.cases.booking.BookingHalls.HallWindow;
import cn.zwy.cases.filing.GuidedVisits;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.api.catalog.Questionnaire.Channel;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets and the calls of the windows (A5, A3, T6; ADR 0017). A number is taken with one upsert of the hall's
 * counter row for the category and day; a window takes the next ticket with one statement that row-locks it
 * {@code FOR UPDATE SKIP LOCKED} and marks it called: a concurrent call of another window skips the locked row (or,
 * when the first committed meanwhile, re-checks it as no longer waiting) and takes the next, so no ticket is ever
 * called by two windows. Who may act at a window: any staff member of the tenant (the A/B holders of T6 are kept by
 * tenant-service and not announced to case-service; a gap recorded in the ADR).
 */
@Service
class Tickets {

    private static final Logger log = LoggerFactory.getLogger(Tickets.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String FINISHED_EVENT = "queue.ticket.finished";
    /**
     * Who may issue a ticket from the guidance for a citizen (G1): the hall's guides (引导员), the front desk, the window
     * lead and the centre administrator of the tenant; an approver or a department's back office does not guide.
     */
    static final Set<String> GUIDES = Set.of("guide", "clerk", "window_lead", Caller.CENTRE_ADMIN);
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9]{0,5}");
    /**
     * The order a window calls in (A5): a booking whose slot is due (from {@code lead} before its start), then the green
     * channel, then everyone else by the time they took their ticket — a booking that arrived early waits like a walk-in
     * until its slot is due. The second parameter is "now + lead".
     */
    static final String RANK = "(case when %1$s.priority = 0 and %1$s.due_at <= ? then 0 when %1$s.priority = 0 then 2 else %1$s.priority end)";

    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final BookingHalls halls;
    private final OutboxPublisher outbox;
    private final Duration lead;
    private final Duration defaultService;
    private final WindowPosts posts;
    private final GuidedVisits visits;
    private final JsonMapper json;

    Tickets(TenantTransactions tx, JdbcTemplate jdbc, BookingHalls halls, OutboxPublisher outbox, WindowPosts posts, GuidedVisits visits,
            JsonMapper json, @Value("${zwy.queue.booking-lead:PT10M}") Duration lead,
            @Value("${zwy.queue.default-service:PT5M}") Duration defaultService) {
        this.visits = visits;
        this.json = json;
        this.tx = tx;
        this.jdbc = jdbc;
        this.halls = halls;
        this.outbox = outbox;
        this.lead = lead;
        this.defaultService = defaultService;
        this.posts = posts;
    }

    // ------------------------------------------------------------------ taking a ticket

    /**
     * A walk-in ticket (A5): the tenant's staff (a kiosk's account) or a citizen for themselves. With an item (G1, ADR
     * 0036): a ticket from the guidance — issued for the citizen by the tenant's {@link #GUIDES} or taken by the citizen —
     * under the category of the windows serving the item (the given category, if any, must be it), refused when the
     * guidance sends the citizen to the self-service area or online, or when no window of the hall serves the item
     * (RULE_VIOLATION G1, saying where to go instead); the ticket keeps what the guidance found for the window calling it.
     */
    Ticket take(Caller caller, String tenantCode, String hallIdText, TakeTicketRequest in) {
        requireTenant(tenantCode);
        UUID hallId = uuid("hallId", hallIdText);
        if (caller.realm() == Realm.STAFF && !caller.actsFor(tenantCode)) throw ApiException.forbidden("只有本中心的工作人员或办事群众本人可以取号");
        if (in == null) throw ApiException.validation("input", "缺少取号内容");
        String key = in.idempotencyKey() == null ? "" : in.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw ApiException.validation("idempotencyKey", "幂等键应为 1–100 个字符");
        String itemId = in.itemId() == null || in.itemId().isBlank() ? null : in.itemId().strip();
        String packageId = in.packageId() == null || in.packageId().isBlank() ? null : in.packageId().strip();
        if (itemId != null && packageId != null) {
            throw new ApiException(ErrorCode.VALIDATION, "请只给出所办事项（itemId）或“一件事”套餐（packageId）之一", "packageId", "G3");
        }
        if ((itemId != null || packageId != null) && caller.realm() == Realm.STAFF && GUIDES.stream().noneMatch(caller::hasRole)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "只有本中心的引导员、收件人员、窗口负责人或中心管理员可以按导办结果为办事群众取号（G1）",
                    packageId != null ? "packageId" : "itemId", "G1");
        }
        boolean answered = in.guidanceAnswers() != null && !in.guidanceAnswers().isEmpty();
        if (itemId == null && answered) throw ApiException.validation("guidanceAnswers", "情形引导的回答须与所办事项（itemId）一起提交");
        boolean packageAnswered = in.packageAnswers() != null && !in.packageAnswers().isEmpty();
        if (packageId == null && packageAnswered) {
            throw ApiException.validation("packageAnswers", "套餐情形引导的回答须与“一件事”套餐（packageId）一起提交");
        }
        String given = in.businessCategory() == null || in.businessCategory().isBlank() ? null : in.businessCategory().strip();
        if (given == null && itemId == null && packageId == null) {
            throw ApiException.validation("businessCategory", "缺少业务类别（或所办事项 itemId、“一件事”套餐 packageId）");
        }
        if (given != null && !CATEGORY.matcher(given).matches()) {
            throw ApiException.validation("businessCategory", "业务类别代码应为 1–6 个大写字母或数字，以字母开头: " + in.businessCategory());
        }
        List<GuidedVisits.Answer> answers = answers(answered ? in.guidanceAnswers() : null);
        List<GuidedVisits.Answer> packageAnswers = answers(packageAnswered ? in.packageAnswers() : null);
        boolean green = Boolean.TRUE.equals(in.greenChannel());
        String takenBy = caller.realm() + ":" + caller.userId();
        try {
            return tx.write(tenantCode, () -> {
                Optional<Ticket> earlier = replay(tenantCode, takenBy, key, hallId, given, itemId, packageId);
                if (earlier.isPresent()) return earlier.get();
                requireHall(tenantCode, hallId);
                List<HallWindow> windows = halls.windows(hallId);
                String category = given;
                String visit = null;
                if (itemId != null) {
                    GuidedVisits.Visit v = visits.resolve(tenantCode, itemId, answers);
                    category = routed(tenantCode, hallId, v, given, windows);
                    visit = json.writeValueAsString(new Visit(v.itemId(), v.itemName(), v.outcome(), v.subItem(), v.materials(),
                            v.answers().stream().map(x -> new VisitAnswer(x.questionId(), x.question(), x.value(), x.label())).toList()));
                } else if (packageId != null) {
                    GuidedVisits.PackageVisit v = visits.resolvePackage(tenantCode, packageId, packageAnswers);
                    category = oneWindow(tenantCode, hallId, v, given, windows);
                    visit = json.writeValueAsString(new Visit(v.packageId(), v.packageName(), null, null, v.materials(),
                            v.answers().stream().map(x -> new VisitAnswer(x.questionId(), x.question(), x.value(), x.label())).toList(),
                            v.packageId(), v.parts().stream().map(x -> new VisitPart(x.itemId(), x.itemName(), x.channel().name(), x.outcome(),
                                    x.subItem(), x.materials())).toList(),
                            v.skipped().stream().map(x -> new VisitSkipped(x.itemId(), x.itemName(), x.reason())).toList()));
                } else if (!served(windows).contains(category)) {
                    throw ApiException.notFound("businessCategory", "本大厅没有办理该业务类别（" + category + "）的窗口，可选: "
                            + String.join("、", served(windows)));
                }
                Instant now = Instant.now();
                UUID id = UUID.randomUUID();
                insert(id, tenantCode, hallId, category, green ? 1 : 2, green ? "GREEN" : "WALK_IN", null, null,
                        caller.realm() == Realm.CITIZEN ? caller.userId() : null, takenBy, key, now, itemId, packageId, visit);
                Ticket t = view(find(tenantCode, id).orElseThrow(), false);
                log.info("ticket {} taken at {} hall {}{}", t.number(), tenantCode, hallId, itemId != null ? " for item " + itemId
                        : packageId != null ? " for package " + packageId : "");
                return t;
            });
        } catch (DuplicateKeyException e) {
            // the same request raced itself: the first one's ticket is the answer
            return tx.read(tenantCode, () -> replay(tenantCode, takenBy, key, hallId, given, itemId, packageId)).orElseThrow(() -> e);
        }
    }

    private static List<GuidedVisits.Answer> answers(List<GuidanceAnswer> given) {
        return given == null ? List.of() : given.stream().map(a -> a == null ? null : new GuidedVisits.Answer(a.questionId(), a.value())).toList();
    }

    /**
     * T4: the category the hall's comprehensive windows (综合受理窗口) are called under — the one most of them serve, other than
     * the bookings' (A5), the first in the windows' order on a tie (连山: A 综合受理, not the 出件 window's C); null when the
     * hall has no comprehensive window with a category.
     */
    private String comprehensiveCategory(List<HallWindow> windows) {
        Map<String, Integer> count = new LinkedHashMap<>();
        windows.stream().filter(w -> "COMPREHENSIVE".equals(w.kind()))
                .sorted(Comparator.comparing((HallWindow w) -> w.number() == null ? Integer.MAX_VALUE : w.number().length())
                        .thenComparing(w -> w.number() == null ? "" : w.number()))
                .forEach(w -> w.categories().stream().filter(c -> !c.isEmpty() && !c.equals(halls.bookingCategory()))
                        .forEach(c -> count.merge(c, 1, Integer::sum)));
        return count.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * G3 (一窗受理 at the hall, ADR 0037): the category of one ticket for a whole package — the hall's comprehensive windows'
     * (T4; a given category must be it) — unless no applying part needs a window (the self-service area or the
     * online hall, RULE_VIOLATION G1) or the hall has no comprehensive window (RULE_VIOLATION G3, naming the tenant's other
     * halls' comprehensive windows).
     */
    private String oneWindow(String tenant, UUID hallId, GuidedVisits.PackageVisit v, String given, List<HallWindow> windows) {
        if (v.parts().stream().noneMatch(p -> p.channel() == Channel.WINDOW)) {
            boolean kiosk = v.parts().stream().anyMatch(p -> p.channel() == Channel.KIOSK);
            throw new ApiException(ErrorCode.RULE_VIOLATION, "按办事群众的情形，“" + v.packageName() + "”需办理的事项（"
                    + String.join("、", v.parts().stream().map(GuidedVisits.Part::itemName).toList()) + "）"
                    + (kiosk ? "可在自助终端或网上办理：请到自助服务区办理" : "可网上办理：请通过网上办事大厅或政务服务 App 办理") + "，无需到窗口排队取号",
                    "packageId", "G1");
        }
        String category = comprehensiveCategory(windows);
        if (category != null) {
            if (given == null || given.equals(category)) return category;
            throw new ApiException(ErrorCode.RULE_VIOLATION, "“" + v.packageName() + "”在综合受理窗口一窗受理，请取“" + category + "”号，不是“"
                    + given + "”", "businessCategory", "G3");
        }
        List<String> elsewhere = new ArrayList<>();
        for (HallWindow w : halls.comprehensiveWindows()) {
            if (w.hallId().equals(hallId) || w.categories().stream().allMatch(c -> c.equals(halls.bookingCategory()))) continue;
            elsewhere.add(halls.hallName(tenant, w.hallId()).orElse("") + w.label() + (w.name() == null ? "" : "（" + w.name() + "）"));
        }
        throw new ApiException(ErrorCode.RULE_VIOLATION, "本大厅没有综合受理窗口，“" + v.packageName() + "”须在综合受理窗口一窗受理"
                + (elsewhere.isEmpty() ? "，请咨询大厅引导员" : "；请到" + String.join("、", elsewhere) + "办理"), "packageId", "G3");
    }

    /**
     * G1: the category a guided citizen's ticket is taken for — the item's (the given one must be it; an item stating none
     * takes the given one, else the hall's comprehensive windows' first, T4) — when the outcome is a window's and a window
     * of the hall serves it; else RULE_VIOLATION G1 saying where to go instead.
     */
    private String routed(String tenant, UUID hallId, GuidedVisits.Visit v, String given, List<HallWindow> windows) {
        String situation = v.outcome() == null ? "" : "按办事群众的情形（" + v.outcome() + "），";
        switch (v.channel()) {
            case KIOSK -> throw new ApiException(ErrorCode.RULE_VIOLATION, situation + "“" + v.itemName()
                    + "”可在自助终端办理：请到自助服务区办理，无需到窗口排队取号", "itemId", "G1");
            case ONLINE -> throw new ApiException(ErrorCode.RULE_VIOLATION, situation + "“" + v.itemName()
                    + "”可网上办理：请通过网上办事大厅或政务服务 App 办理，无需到窗口排队取号", "itemId", "G1");
            case WINDOW -> { }
        }
        String category = v.queueCategory();
        if (category != null && given != null && !given.equals(category)) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "“" + v.itemName() + "”由办理“" + category + "”号的窗口受理，不是“" + given + "”",
                    "businessCategory", "G1");
        }
        if (category == null) {
            category = given != null ? given : comprehensiveCategory(windows);
        }
        String wanted = category;
        if (wanted != null && served(windows).contains(wanted)) return wanted;
        String name = wanted == null ? null : halls.categoryNames(hallId).get(wanted);
        StringBuilder m = new StringBuilder("本大厅没有办理“" + v.itemName() + "”的窗口");
        if (wanted != null) m.append("（“").append(wanted).append("”号").append(name == null ? "" : name).append("）");
        List<String> elsewhere = new ArrayList<>();
        if (wanted != null) {
            for (HallWindow w : halls.windowsServing(wanted)) {
                if (w.hallId().equals(hallId)) continue;
                elsewhere.add(halls.hallName(tenant, w.hallId()).orElse("") + w.label() + (w.name() == null ? "" : "（" + w.name() + "）"));
            }
        }
        m.append(elsewhere.isEmpty() ? "，请咨询大厅引导员或综合受理窗口" : "；请到" + String.join("、", elsewhere) + "办理");
        throw new ApiException(ErrorCode.RULE_VIOLATION, m.toString(), "itemId", "G1");
    }

    /**
     * A booking checked in (A5): its ticket, in the check-in's transaction. Served under the booking category when a
     * window of the hall serves it, else under the first category of the hall's comprehensive windows (T4).
     */
    @EventListener
    void checkedIn(AppointmentCheckedIn e) {
        List<HallWindow> windows = halls.windows(e.hallId());
        String category = e.category();
        if (!served(windows).contains(category)) {
            category = windows.stream().filter(w -> "COMPREHENSIVE".equals(w.kind()) && !w.categories().isEmpty())
                    .map(w -> w.categories().getFirst()).findFirst().orElse(category);
        }
        if (!jdbc.queryForList("select id from queue_ticket where appointment_id = ?", UUID.class, e.appointmentId()).isEmpty()) return;
        insert(UUID.randomUUID(), e.tenantId(), e.hallId(), category, 0, "BOOKED", e.startsAt(), e.appointmentId(), e.citizenId(),
                "booking:" + e.bookingCode(), null, Instant.now(), null, null, null);
    }

    private void insert(UUID id, String tenant, UUID hallId, String category, int priority, String kind, Instant dueAt, UUID appointmentId,
                        String citizenId, String takenBy, String key, Instant now, String itemId, String packageId, String visit) {
        LocalDate day = LocalDate.ofInstant(now, ZONE);
        int seq = jdbc.queryForObject("""
                insert into queue_counter (tenant_id, hall_id, category, day, last) values (?, ?, ?, ?, 1)
                on conflict (tenant_id, hall_id, category, day) do update set last = queue_counter.last + 1 returning last""",
                Integer.class, tenant, hallId, category, Date.valueOf(day));
        jdbc.update("""
                insert into queue_ticket (id, tenant_id, hall_id, category, day, seq, number, priority, kind, due_at, appointment_id,
                    citizen_id, taken_by, idempotency_key, status, taken_at, item_id, package_id, visit)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?, cast(? as jsonb))""",
                id, tenant, hallId, category, Date.valueOf(day), seq, category + String.format("%03d", seq), priority, kind,
                dueAt == null ? null : Timestamp.from(dueAt), appointmentId, citizenId, takenBy, key, Timestamp.from(now), itemId, packageId, visit);
    }

    /** The ticket taken earlier with the key; CONFLICT when it was for another hall, category (when given), item or package. */
    private Optional<Ticket> replay(String tenant, String takenBy, String key, UUID hallId, String category, String itemId, String packageId) {
        Optional<Row> r = jdbc.query("select * from queue_ticket where taken_by = ? and idempotency_key = ?", Tickets::row, takenBy, key)
                .stream().findFirst();
        if (r.isEmpty()) return Optional.empty();
        if (!r.get().tenant.equals(tenant) || !r.get().hallId.equals(hallId) || (category != null && !r.get().category.equals(category))
                || !java.util.Objects.equals(r.get().itemId, itemId) || !java.util.Objects.equals(r.get().packageId, packageId)) {
            throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一张号（" + r.get().number + "），新的取号请使用新的幂等键");
        }
        return Optional.of(view(r.get(), true));
    }

    // ------------------------------------------------------------------ the window

    /** The next ticket the window serves, called by it (A5); null when nobody waits for it. */
    CallResult callNext(Caller caller, String tenantCode, String windowIdText) {
        requireTenant(tenantCode);
        UUID windowId = uuid("windowId", windowIdText);
        requireStaff(caller, tenantCode);
        return tx.write(tenantCode, () -> {
            HallWindow w = halls.window(windowId).orElseThrow(() -> ApiException.notFound("windowId", "本中心没有这个窗口: " + windowId));
            Instant now = Instant.now();
            posts.requireMayServe(caller, w, now);
            List<Row> called = jdbc.query("""
                    with next as (
                        select id from queue_ticket q
                        where q.hall_id = ? and q.status = 'WAITING' and q.day = ?
                          and (q.target_window = ? or (q.target_window is null and q.category = any (string_to_array(?, ','))))
                        order by %s, q.taken_at, q.seq
                        limit 1
                        for update skip locked)
                    update queue_ticket t set status = 'CALLED', window_id = ?, window_name = ?, called_by = ?, calls = t.calls + 1,
                        called_at = ?, target_window = null, version = t.version + 1
                    from next where t.id = next.id and t.status = 'WAITING'
                    returning t.*""".formatted(RANK.formatted("q")), Tickets::row,
                    w.hallId(), Date.valueOf(LocalDate.ofInstant(now, ZONE)), windowId, String.join(",", w.categories()),
                    Timestamp.from(now.plus(lead)), windowId, w.label(), caller.username(), Timestamp.from(now));
            if (called.isEmpty()) return new CallResult(null);
            log.info("ticket {} called to {} at {}", called.getFirst().number, w.label(), tenantCode);
            return new CallResult(view(called.getFirst(), false));
        });
    }

    /** Calls the ticket once more (the citizen did not come yet). */
    Ticket recall(Caller caller, String ticketId) {
        return act(caller, ticketId, (r, now) -> {
            requireCalled(r, "重新呼叫");
            jdbc.update("update queue_ticket set calls = calls + 1, called_at = ?, version = version + 1 where id = ?", Timestamp.from(now), r.id);
        });
    }

    /** Sends the ticket to another window of the hall (A5): number, priority and its place by time are kept. */
    Ticket transfer(Caller caller, String ticketId, String windowIdText) {
        UUID windowId = uuid("windowId", windowIdText);
        return act(caller, ticketId, (r, now) -> {
            requireCalled(r, "转窗");
            HallWindow w = halls.window(windowId).filter(x -> x.hallId().equals(r.hallId))
                    .orElseThrow(() -> ApiException.notFound("windowId", "本大厅没有这个窗口: " + windowId));
            if (w.id().equals(r.windowId)) throw ApiException.validation("windowId", "该号已在这个窗口，请转到另一个窗口");
            jdbc.update("""
                    update queue_ticket set status = 'WAITING', target_window = ?, transfers = transfers + 1, version = version + 1
                    where id = ?""", windowId, r.id);
        });
    }

    /** A missed call ends the ticket (A5): the citizen must take a new one. */
    Ticket miss(Caller caller, String ticketId) {
        return act(caller, ticketId, (r, now) -> {
            requireCalled(r, "过号");
            jdbc.update("update queue_ticket set status = 'MISSED', missed_at = ?, version = version + 1 where id = ?", Timestamp.from(now), r.id);
        });
    }

    /**
     * The visit is done: linked to the case it created or continued (A5), its review opened by the event
     * {@code queue.ticket.finished} (一次一评, V2), and service past the hall's closing time logged with its duration
     * (延时, A3).
     */
    Ticket finish(Caller caller, String ticketId, String caseId) {
        String linked = caseId == null || caseId.isBlank() ? null : caseId.strip();
        return act(caller, ticketId, (r, now) -> {
            requireCalled(r, "办结");
            if (linked != null) {
                int colon = linked.indexOf(':');
                try {
                    if (colon < 0 || !linked.substring(0, colon).equals(r.tenant)) throw new IllegalArgumentException();
                    UUID.fromString(linked.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    throw ApiException.validation("caseId", "办件编号应为本中心的 区划代码:UUID（" + r.tenant + ":…）: " + caseId);
                }
            }
            Optional<Instant> closing = halls.closingTime(r.tenant, r.hallId, r.day);
            Integer extended = null;
            if (closing.isPresent() && now.isAfter(closing.get())) {
                Instant from = r.calledAt != null && r.calledAt.isAfter(closing.get()) ? r.calledAt : closing.get();
                extended = (int) Duration.between(from, now).toSeconds();
                log.info("extended service (A3) at {}: ticket {} finished {} s after closing time {}", r.tenant, r.number, extended, closing.get());
            }
            jdbc.update("""
                    update queue_ticket set status = 'FINISHED', finished_at = ?, case_id = ?, closing_at = ?, extended_seconds = ?,
                        version = version + 1 where id = ?""",
                    Timestamp.from(now), linked, closing.map(Timestamp::from).orElse(null), extended, r.id);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("ticketId", r.tenant + ":" + r.id);
            payload.put("tenantCode", r.tenant);
            payload.put("hallId", r.hallId.toString());
            payload.put("number", r.number);
            payload.put("businessCategory", r.category);
            payload.put("windowId", r.windowId == null ? null : r.windowId.toString());
            payload.put("windowName", r.windowName);
            payload.put("servedBy", caller.username());
            payload.put("servedById", caller.userId());
            payload.put("servedByName", caller.displayName());
            payload.put("citizenId", r.citizenId);
            payload.put("caseId", linked);
            payload.put("calledAt", r.calledAt == null ? null : r.calledAt.toString());
            payload.put("finishedAt", now.toString());
            payload.put("extendedSeconds", extended);
            outbox.publish(FINISHED_EVENT, r.tenant, "queue_ticket", r.tenant + ":" + r.id, payload);
        });
    }

    private interface Action {
        void apply(Row r, Instant now);
    }

    private Ticket act(Caller caller, String ticketId, Action action) {
        Scoped s = scoped(ticketId);
        requireStaff(caller, s.tenant());
        return tx.write(s.tenant(), () -> {
            Row r = jdbc.query("select * from queue_ticket where tenant_id = ? and id = ? for update", Tickets::row, s.tenant(), s.id())
                    .stream().findFirst().orElseThrow(() -> ApiException.notFound("ticketId", "本中心没有这张号: " + ticketId));
            Instant now = Instant.now();
            // AB岗 (T6): the ticket is handled at the window that called it, by whoever holds that post now
            if (r.windowId != null) {
                Optional<HallWindow> at = halls.window(r.windowId);
                if (at.isPresent()) posts.requireMayServe(caller, at.get(), now);
            }
            action.apply(r, now);
            return view(find(s.tenant(), s.id()).orElseThrow(), false);
        });
    }

    private static void requireCalled(Row r, String what) {
        switch (r.status) {
            case "CALLED" -> { }
            case "MISSED" -> throw new ApiException(ErrorCode.RULE_VIOLATION, "该号（" + r.number + "）已过号作废，不能" + what
                    + "；请办事群众重新取号（A5）", "ticketId", "A5");
            case "FINISHED" -> throw new ApiException(ErrorCode.RULE_VIOLATION, "该号（" + r.number + "）已办结，不能" + what, "ticketId", "A5");
            default -> throw new ApiException(ErrorCode.RULE_VIOLATION, "该号（" + r.number + "）还在等候、尚未叫到窗口，不能" + what, "ticketId", "A5");
        }
    }

    // ------------------------------------------------------------------ reading tickets

    /**
     * Public: the ticket by its id (the id printed on it), with its place in the queue while it waits; what a guided
     * citizen comes for without the answered path unless {@code caller} reads the tenant's records (G1).
     */
    Ticket ticket(String ticketId, Optional<Caller> caller) {
        Scoped s = scoped(ticketId);
        Ticket t = tx.read(s.tenant(), () -> find(s.tenant(), s.id()).map(r -> view(r, false))
                .orElseThrow(() -> ApiException.notFound("id", "没有这张号: " + ticketId)));
        return caller.filter(c -> c.realm() == Realm.STAFF && c.mayRead(s.tenant())).isPresent() ? t : t.withoutAnswers();
    }

    Optional<Row> find(String tenant, UUID id) {
        return jdbc.query("select * from queue_ticket where tenant_id = ? and id = ?", Tickets::row, tenant, id).stream().findFirst();
    }

    /**
     * The ticket as shown; while it waits: the tickets that a window would call before it (same category, or the same
     * window after a transfer, ahead in the calling order), and the expected wait — those people times the average
     * service time of the category (the last 7 days, else {@code default-service}) over the windows serving it.
     */
    Ticket view(Row r, boolean replayed) {
        Integer position = null;
        Integer ahead = null;
        Integer wait = null;
        if ("WAITING".equals(r.status)) {
            Timestamp due = Timestamp.from(Instant.now().plus(lead));
            // the windows serving the ticket's category also call the other categories they serve
            List<HallWindow> serving = halls.windows(r.hallId).stream().filter(w -> w.categories().contains(r.category)).toList();
            Set<String> alongside = served(serving);
            alongside.add(r.category);
            ahead = jdbc.queryForObject("""
                    select count(*) from queue_ticket o, queue_ticket t
                    where t.id = ? and o.hall_id = t.hall_id and o.day = t.day and o.status = 'WAITING' and o.id <> t.id
                      and (case when t.target_window is not null then o.target_window = t.target_window
                                else o.target_window is null and o.category = any (string_to_array(?, ',')) end)
                      and (%s, o.taken_at, o.seq) < (%s, t.taken_at, t.seq)""".formatted(RANK.formatted("o"), RANK.formatted("t")),
                    Integer.class, r.id, String.join(",", alongside), due, due);
            position = ahead + 1;
            Double avg = jdbc.queryForObject("""
                    select avg(extract(epoch from finished_at - called_at)) from queue_ticket
                    where hall_id = ? and category = ? and status = 'FINISHED' and finished_at > ?""",
                    Double.class, r.hallId, r.category, Timestamp.from(Instant.now().minus(Duration.ofDays(7))));
            double minutes = avg == null ? defaultService.toSeconds() / 60.0 : avg / 60.0;
            long windows = r.targetWindow != null ? 1 : serving.size();
            wait = (int) Math.ceil(ahead * minutes / Math.max(1, windows));
        }
        return new cn.zwy.cases.api.QueueApi.Ticket(r.tenant + ":" + r.id, r.tenant, r.hallId.toString(), r.number, r.category, r.kind,
                r.status, r.windowId == null ? null : r.windowId.toString(), r.windowName, r.calls, r.takenAt, r.calledAt, r.finishedAt,
                r.caseId, position, ahead, wait, r.extendedSeconds == null ? null : (int) Math.ceil(r.extendedSeconds / 60.0), replayed,
                r.visit == null ? null : json.readValue(r.visit, Visit.class));
    }

    /** A ticket row as the queue reads it. */
    static final class Row {
        UUID id;
        String tenant;
        UUID hallId;
        String category;
        LocalDate day;
        String number;
        String kind;
        String status;
        UUID targetWindow;
        UUID windowId;
        String windowName;
        String citizenId;
        int calls;
        Instant takenAt;
        Instant calledAt;
        Instant finishedAt;
        String caseId;
        Integer extendedSeconds;
        String itemId;
        String packageId;
        String visit;
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        Row r = new Row();
        r.id = rs.getObject("id", UUID.class);
        r.tenant = rs.getString("tenant_id");
        r.hallId = rs.getObject("hall_id", UUID.class);
        r.category = rs.getString("category");
        r.day = rs.getDate("day").toLocalDate();
        r.number = rs.getString("number");
        r.kind = rs.getString("kind");
        r.status = rs.getString("status");
        r.targetWindow = rs.getObject("target_window", UUID.class);
        r.windowId = rs.getObject("window_id", UUID.class);
        r.windowName = rs.getString("window_name");
        r.citizenId = rs.getString("citizen_id");
        r.calls = rs.getInt("calls");
        r.takenAt = instant(rs, "taken_at");
        r.calledAt = instant(rs, "called_at");
        r.finishedAt = instant(rs, "finished_at");
        r.caseId = rs.getString("case_id");
        int ext = rs.getInt("extended_seconds");
        r.extendedSeconds = rs.wasNull() ? null : ext;
        r.itemId = rs.getString("item_id");
        r.packageId = rs.getString("package_id");
        r.visit = rs.getString("visit");
        return r;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // ------------------------------------------------------------------ checks

    void requireHall(String tenant, UUID hallId) {
        if (halls.hallName(tenant, hallId).isEmpty()) throw ApiException.notFound("hallId", "该中心没有这个服务大厅: " + hallId);
    }

    static Set<String> served(List<HallWindow> windows) {
        Set<String> out = new LinkedHashSet<>();
        for (HallWindow w : windows) out.addAll(w.categories());
        return out;
    }

    static void requireStaff(Caller caller, String tenantCode) {
        if (caller.realm() != Realm.STAFF || !caller.actsFor(tenantCode)) throw ApiException.forbidden("只有本中心的窗口工作人员可以叫号");
    }

    record Scoped(String tenant, UUID id) {}

    static Scoped scoped(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        try {
            if (colon < 0 || !DivisionCodes.isTenant(id.substring(0, colon))) throw new IllegalArgumentException();
            return new Scoped(id.substring(0, colon), UUID.fromString(id.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("ticketId", "号的编号格式不正确（应为 区划代码:UUID）: " + id);
        }
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
}
