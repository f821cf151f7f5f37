package cn.zwy.cases.filing;

import static cn.zwy.cases.filing.CaseService.FRONT_DESK;
import static cn.zwy.cases.filing.CaseService.rule;

import cn.zwy.cases.api.AgencyEndReason;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.DeliveryMode;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.security.Caller;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Same-city and cross-region cases (同城通办/异地, C12) and remote agency (异地代办, C13).
 *
 * <p>C12: the receiving hall checks form and forwards the case to the owning tenant — online at once,
 * or paper by post within 1 working day of receipt with carrier and tracking number. Its form check
 * starts the clock (the application was made there); the time in the post is a TRANSIT pause on the
 * case until the owner records the arrival, so it never counts against the limit. Until then the
 * owner cannot take any acceptance decision. After completion the result goes back within 1 working
 * day by the delivery mode the applicant chose; where it goes through the receiving hall, that hall
 * records handing it over (or the post it went by). Timers flag a late forwarding and a late result.
 *
 * <p>C13: the hall takes a case into remote agency for at most 7 working days (counted as the clock
 * counts, the start day being day 1); it ends when the result is delivered, or early for one of the
 * rulebook's five reasons; a timer flags an agency that overran.
 */
@Service
class CrossRegionCases {

    private static final int AGENCY_WORKING_DAYS = 7;

    private final CaseService cases;
    private final CaseStore store;
    private final LocalCalendar calendar;
    private final CaseTimers timers;

    CrossRegionCases(CaseService cases, CaseStore store, LocalCalendar calendar, CaseTimers timers) {
        this.cases = cases;
        this.store = store;
        this.calendar = calendar;
        this.timers = timers;
    }

    // ------------------------------------------------------------------ C12, the receiving hall

    /**
     * The hall that received the case forwards it: another region's hall to the owner (C12), or the tenant's
     * own village or town station to its centre (T3, by the agent who carries it or staff posted there).
     */
    CaseView forward(Caller caller, String id, StaffActions.Forward body) {
        Long version = body == null ? null : body.version();
        String window = body == null ? null : body.window();
        if (caller.actsFor(CaseId.parse("id", id).tenantCode())) {
            return cases.staffAction(caller, id, FRONT_DESK, version, window, "REPORTED_TO_CENTRE",
                    c -> c.carriedBy(caller) ? null : ApiException.forbidden(c.stationSite == null
                            ? "只有收件大厅（通办，C12）或收件代办点（三级代理，T3）可以转交该办件"
                            : "只有 " + c.stationSite + " 代办点的代办员可以报送该办件（T3）"),
                    c -> relay(c, body));
        }
        return cases.receivingHallAction(caller, id, FRONT_DESK, version, window, "FORWARDED", c -> relay(c, body));
    }

    /** The forwarding itself, the same for both (where the case is, the due date, the post). */
    private String relay(CaseRow c, StaffActions.Forward body) {
        boolean station = c.stationSite != null;
        if (c.status != CaseStatus.SUBMITTED || !"AT_HALL".equals(c.relayState)) {
            throw rule(station ? "T3" : "C12", "status", c.status != CaseStatus.SUBMITTED ? "办件" + c.status.label() + "，不能再转交"
                    : station ? "该办件已报送中心，不能再次报送" : "该办件已转交属地（" + c.tenantId + "），不能再次转交");
        }
        Post post = post(body.carrier(), body.trackingNumber(), false);
        LocalDate today = Today.date();
        // C12: the form check at another region's hall is the day the application was taken, counting
        // starts here (C4); T3: the centre accepts a station's case (受理通知书), its clock starts then
        if (!station && c.clockStart == null) c.clockStart = today;
        c.forwardedAt = c.updatedAt;
        String late = today.isAfter(c.forwardDue) ? "（逾期：应于 " + c.forwardDue + " 前" + (station ? "报送" : "转交") + "）" : "";
        if (post == null) {
            c.relayState = "ARRIVED";
            c.arrivedAt = c.updatedAt;
            return station ? "受理报送清单及材料已线上即时报送中心" + late : "形式审查通过，线上即时推送至属地 " + c.tenantId + late;
        }
        c.relayState = "IN_TRANSIT";
        c.forwardCarrier = post.carrier();
        c.forwardTracking = post.trackingNumber();
        if (station) {
            return "受理报送清单及纸质材料经 " + post.carrier() + " 报送中心，运单号 " + post.trackingNumber() + late;
        }
        store.openPause(c, "TRANSIT", today);
        return "形式审查通过，纸质材料经 " + post.carrier() + " 寄往属地 " + c.tenantId + "，运单号 " + post.trackingNumber()
                + "；材料在途时间不计入办理时限（C12）" + late;
    }

    CaseView handOverResult(Caller caller, String id, StaffActions.HandOverResult body) {
        return cases.receivingHallAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(),
                "RESULT_HANDED_OVER", c -> {
                    if (c.status != CaseStatus.COMPLETED || !viaReceivingHall(c.deliveryMode)) {
                        throw rule("C12", "status", c.status != CaseStatus.COMPLETED ? "办件" + c.status.label() + "，没有待转交的办理结果"
                                : "该办件的结果由属地直接寄送申请人，不经本大厅转交");
                    }
                    if (c.resultSentAt == null) throw rule("C12", "status", "属地尚未寄回或推送办理结果，不能转交申请人");
                    boolean express = c.deliveryMode == DeliveryMode.RECEIVING_HALL_EXPRESS;
                    Post post = post(body.carrier(), body.trackingNumber(), express);
                    c.handedOverAt = c.updatedAt;
                    delivered(c);
                    return express ? "异地制证，经 " + post.carrier() + " 快递送达申请人，运单号 " + post.trackingNumber()
                            : (c.deliveryMode == DeliveryMode.RECEIVING_HALL_PICKUP ? "异地制证，" : "") + "申请人在本大厅现场领取办理结果";
                });
    }

    // ------------------------------------------------------------------ C12, the owning tenant

    CaseView receiveForwarded(Caller caller, String id, StaffActions.ReceiveForwarded body) {
        return cases.staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(),
                "FORWARD_RECEIVED", c -> {
                    String rule = c.stationSite == null ? "C12" : "T3";
                    if (!"IN_TRANSIT".equals(c.relayState)) {
                        throw rule(rule, "status", c.relayState == null ? "该办件不是通办件，没有转递中的材料"
                                : "AT_HALL".equals(c.relayState) ? (c.stationSite == null ? "收件大厅" : "代办点") + "尚未转交该办件"
                                : "该办件的材料已送达");
                    }
                    if (c.stationSite != null && caller.site().filter(c.stationSite::equals).isPresent()) {
                        throw rule("T3", "status", "报送的材料由中心前台接收登记，代办点不能自行确认送达");
                    }
                    LocalDate today = Today.date();
                    c.relayState = "ARRIVED";
                    c.arrivedAt = c.updatedAt;
                    if (c.stationSite != null) {
                        return new CaseService.Outcome("CENTRE_RECEIVED", "中心收到 " + c.stationSite + " 代办点报送的纸质材料（" + c.forwardCarrier
                                + " 运单号 " + c.forwardTracking + "），审核登记后受理（T3）");
                    }
                    store.closePauses(c, today);
                    LocalDate posted = c.forwardedAt.atZone(Today.ZONE).toLocalDate();
                    int inTransit = workingDaysBetween(posted, today, calendar.ofCurrentTenant());
                    return "纸质材料已送达（" + c.forwardCarrier + " 运单号 " + c.forwardTracking + "），在途 " + inTransit
                            + " 个工作日，不计入办理时限（C12）";
                });
    }

    CaseView returnResult(Caller caller, String id, StaffActions.ReturnResult body) {
        return cases.staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(),
                "RESULT_RETURNED", c -> {
                    if (c.status != CaseStatus.COMPLETED || c.relayState == null || !c.deliveryMode.crossRegionOnly()) {
                        throw rule("C12", "status", c.status != CaseStatus.COMPLETED ? "办件" + c.status.label() + "，尚无可寄回的办理结果"
                                : "该办件不是通办件，请按窗口送达（deliverCase）");
                    }
                    if (c.resultSentAt != null) throw rule("C12", "status", "办理结果已于 " + c.resultSentAt + " 寄回或推送");
                    LocalDate today = Today.date();
                    String late = c.resultDue != null && today.isAfter(c.resultDue) ? "（逾期：应于 " + c.resultDue + " 前寄回）" : "";
                    boolean ownerPosts = c.deliveryMode == DeliveryMode.OWNER_EXPRESS || c.deliveryMode == DeliveryMode.OWNER_TO_RECEIVING_HALL;
                    Post post = post(body.carrier(), body.trackingNumber(), ownerPosts);
                    c.resultSentAt = c.updatedAt;
                    if (post != null) {
                        c.resultCarrier = post.carrier();
                        c.resultTracking = post.trackingNumber();
                    }
                    return switch (c.deliveryMode) {
                        case OWNER_EXPRESS -> {
                            delivered(c);
                            yield "属地制证，经 " + post.carrier() + " 快递送达申请人，运单号 " + post.trackingNumber() + late;
                        }
                        case OWNER_TO_RECEIVING_HALL -> "属地制证，经 " + post.carrier() + " 寄往 " + c.receivingTenantId
                                + " 大厅供申请人现场领取，运单号 " + post.trackingNumber() + late;
                        default -> "办理结果已线上推送至 " + c.receivingTenantId + " 大厅，由其制证" + late;
                    };
                });
    }

    // ------------------------------------------------------------------ C13

    CaseView startAgency(Caller caller, String id, StaffActions.StartAgency body) {
        return cases.staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(),
                "AGENCY_STARTED", c -> {
                    if (c.status != CaseStatus.SUBMITTED && c.status != CaseStatus.CORRECTION_REQUIRED && c.status != CaseStatus.ACCEPTED) {
                        throw rule("C13", "status", "办件" + c.status.label() + "，不能再委托异地代办");
                    }
                    if (c.agencyState != null) throw rule("C13", "status", "该办件已委托过异地代办");
                    LocalDate today = Today.date();
                    c.agencyStartedOn = today;
                    c.agencyDue = CaseClock.deadline(new CaseClock.Facts(today, AGENCY_WORKING_DAYS, CaseClock.Unit.WORKING_DAY, List.of(), 0),
                            calendar.ofCurrentTenant(), today);
                    c.agencyState = "OPEN";
                    timers.agencyDue(c);
                    return "异地代办（免费，不收取任何代办费用）：在大厅滞留不超过 " + AGENCY_WORKING_DAYS + " 个工作日，于 " + c.agencyDue
                            + " 前办结（C13）";
                });
    }

    CaseView endAgency(Caller caller, String id, StaffActions.EndAgency body) {
        return cases.staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(),
                "AGENCY_ENDED", c -> {
                    if (!"OPEN".equals(c.agencyState)) {
                        throw rule("C13", "status", c.agencyState == null ? "该办件没有异地代办" : "该办件的异地代办已结束");
                    }
                    if (body.reason() == null) {
                        throw ApiException.validation("reason", "请说明中止异地代办的原因（材料不实、不能补正、未缴费、申请人撤销委托或政策调整）");
                    }
                    c.agencyState = "ENDED_EARLY";
                    c.agencyEndReason = body.reason().name();
                    String note = body.note() == null || body.note().isBlank() ? "" : "：" + CaseService.trimmed("note", body.note(), 200);
                    return "中止异地代办（" + label(body.reason()) + "）" + note;
                });
    }

    // ------------------------------------------------------------------ helpers

    /** The owner may take no acceptance decision while the application is still at the receiving hall or in the post. */
    static ApiException notArrived(CaseRow c) {
        if (c.stationSite != null) {
            return rule("T3", "status", "AT_HALL".equals(c.relayState)
                    ? "该办件仍在 " + c.stationSite + " 代办点，代办员报送到达中心后才能受理"
                    : "代办点报送的材料仍在途中（" + c.forwardCarrier + " " + c.forwardTracking + "），送达中心后才能受理");
        }
        return rule("C12", "status", "AT_HALL".equals(c.relayState)
                ? "该通办件仍在收件大厅（" + c.receivingTenantId + "），转交到达后才能受理"
                : "该通办件的材料仍在转递途中（" + c.forwardCarrier + " " + c.forwardTracking + "），送达后才能受理");
    }

    /** The first working day after {@code day}: "within 1 working day" of a receipt or a completion. */
    static LocalDate oneWorkingDayAfter(LocalDate day, WorkingCalendar cal) {
        return workingDaysAfter(day, 1, cal);
    }

    /** The n-th working day after {@code day}: "within n working days" of it (T3's 2 for a station's report). */
    static LocalDate workingDaysAfter(LocalDate day, int n, WorkingCalendar cal) {
        return CaseClock.deadline(new CaseClock.Facts(day.plusDays(1), n, CaseClock.Unit.WORKING_DAY, List.of(), 0), cal, day);
    }

    /** C13: the remote agency is done when the result reaches the applicant. */
    static void agencyDone(CaseRow c) {
        if ("OPEN".equals(c.agencyState)) c.agencyState = "DONE";
    }

    private static void delivered(CaseRow c) {
        agencyDone(c);
        c.status = CaseStatus.DELIVERED;
        c.deliveredAt = c.updatedAt;
        c.holder = null;
    }

    private static boolean viaReceivingHall(DeliveryMode m) {
        return m == DeliveryMode.OWNER_TO_RECEIVING_HALL || m == DeliveryMode.RECEIVING_HALL_EXPRESS || m == DeliveryMode.RECEIVING_HALL_PICKUP;
    }

    private record Post(String carrier, String trackingNumber) {}

    /** Carrier and tracking number: both or neither; required where the step is by post. */
    private static Post post(String carrier, String tracking, boolean required) {
        boolean none = (carrier == null || carrier.isBlank()) && (tracking == null || tracking.isBlank());
        if (none && !required) return null;
        String c = CaseService.required("carrier", carrier, 60);
        String t = CaseService.required("trackingNumber", tracking, 60);
        return new Post(c, t);
    }

    /** Working days in [from, to). */
    private static int workingDaysBetween(LocalDate from, LocalDate to, WorkingCalendar cal) {
        int n = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) if (cal.working(d)) n++;
        return n;
    }

    static String label(AgencyEndReason r) {
        return switch (r) {
            case FALSE_MATERIALS -> "申请材料内容不实";
            case UNCORRECTABLE_MATERIALS -> "材料不符合法定条件、标准且不能补正";
            case UNPAID_FEES -> "未能及时缴纳应缴纳的行政事业性收费";
            case APPLICANT_WITHDREW -> "申请人暂停或撤销委托";
            case POLICY_CHANGE -> "政策性调整或不可抗力";
        };
    }
}
