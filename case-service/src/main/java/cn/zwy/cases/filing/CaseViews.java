package cn.zwy.cases.filing;

import cn.zwy.cases.api.AgencyEndReason;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CaseSummary;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.OneTimeNotice;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.TimelineEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles what a case looks like to its applicant or to staff; inside the case's tenant
 * transaction. The clock is read from the facts on every call (C4). Personal data stays masked (M3).
 */
@Component
class CaseViews {

    private static final Map<String, String> ACTION_LABELS = Map.ofEntries(
            Map.entry("SUBMITTED", "提交申请（收件）"), Map.entry("ACCEPTED", "受理"), Map.entry("ONE_TIME_NOTICE", "一次性告知"),
            Map.entry("CORRECTED", "补正材料"), Map.entry("REJECTED", "不予受理"), Map.entry("COMPLETED", "办结"),
            Map.entry("DELIVERED", "送达"), Map.entry("DELIVERY_CONFIRMED", "确认收到结果"), Map.entry("WITHDRAWN", "撤回"),
            Map.entry("EXTENSION_REQUESTED", "申请延期"), Map.entry("EXTENSION_DECIDED", "延期审批"),
            Map.entry("NEAR_DEADLINE", "临近期限预警"), Map.entry("OVERDUE", "超期督办"), Map.entry("DEEMED_APPROVED", "超时默认准予"),
            Map.entry("TOLERATED_OVERDUE", "容缺材料逾期"), Map.entry("TOLERATED_SUPPLIED", "补齐容缺材料"),
            Map.entry("ENTRUSTED", "帮办代办委托"),
            Map.entry("FORWARDED", "形式审查并转交属地"), Map.entry("FORWARD_RECEIVED", "属地收到转递材料"),
            Map.entry("FORWARDING_LATE", "转交逾期"), Map.entry("RESULT_RETURNED", "寄回办理结果"),
            Map.entry("RESULT_RETURN_LATE", "结果寄回逾期"), Map.entry("RESULT_HANDED_OVER", "收件大厅交付结果"),
            Map.entry("AGENCY_STARTED", "异地代办"), Map.entry("AGENCY_ENDED", "中止异地代办"), Map.entry("AGENCY_OVERDUE", "异地代办超时"),
            Map.entry("JOINT_REVIEW_ANSWERED", "联办部门出具意见"), Map.entry("JOINT_DEEMED_AGREED", "联办部门视为同意"),
            Map.entry("JOINT_ESCALATED", "联办事项上报"), Map.entry("JOINT_ESCALATION_LATE", "联办上报逾期"),
            Map.entry("JOINT_UPPER_REPLY", "上级批复"),
            Map.entry("ASSIGNED", "分派部门审批"), Map.entry("ESCALATED_UP", "跨层级转报"), Map.entry("UPPER_LEVEL_REPLIED", "跨层联办上级批复"),
            Map.entry("REPORTED_TO_CENTRE", "代办点报送中心（受理报送清单）"), Map.entry("CENTRE_RECEIVED", "中心收到代办点报送材料"),
            Map.entry("CLAIMED_BY_APPLICANT", "申请人认领到本人账号"));

    private final CaseStore store;
    private final LocalCalendar calendar;
    private final CaseDeadlines deadlines;
    private final FilingProperties props;
    private final JsonMapper json;

    CaseViews(CaseStore store, LocalCalendar calendar, CaseDeadlines deadlines, FilingProperties props, JsonMapper json) {
        this.store = store;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.props = props;
        this.json = json;
    }

    CaseView view(CaseRow c, boolean staff) {
        List<CaseStore.Action> actions = store.actions(c.tenantId, c.id);
        List<TimelineEntry> timeline = actions.stream()
                .map(a -> new TimelineEntry(a.seq(), a.at(), a.action(), ACTION_LABELS.getOrDefault(a.action(), a.action()),
                        // the applicant sees staff by name and window only; themselves as 申请人
                        a.actorKind().equals("CITIZEN") ? "申请人" : a.actorName(), a.window(), CaseStatus.valueOf(a.status()), a.note(),
                        a.place()))
                .toList();
        OneTimeNotice notice = store.latestNotice(c.tenantId, c.id).map(n -> new OneTimeNotice(n.round(), n.issuedAt(), n.issuedBy(),
                n.window(), json.readValue(n.items(), new TypeReference<List<OneTimeNotice.Item>>() {}), n.answeredAt())).orElse(null);
        List<Receipt.ReceivedMaterial> materials = json.readValue(c.materials, new TypeReference<List<CaseService.StoredMaterial>>() {})
                .stream().map(m -> new Receipt.ReceivedMaterial(m.name(), m.copies(), m.uploadId() != null, m.reusedFromCase())).toList();
        CaseView.Extension extension = c.extensionState == null ? null
                : new CaseView.Extension(c.extensionDays, c.extensionReason, c.extensionState, c.extensionBy, c.extensionDecidedBy);
        return new CaseView(c.publicId().toString(), c.caseNumber, c.tenantId, c.receivingTenantId, c.itemId, c.itemName,
                c.guideVersion, c.caseClass, c.status, c.status.label(), c.result, c.resultReason, c.applicantKind, c.applicantName,
                c.applicantIdMasked, c.contactName, c.contactPhoneMasked, c.deliveryMode, materials, c.holder, c.submittedAt,
                c.acceptedOn, clock(c, decidedOn(c, actions)), extension, notice, nextStep(c), c.version, timeline, relay(c), agency(c), flags(c),
                station(c), c.guidance == null ? null : json.readValue(c.guidance, CaseView.Guidance.class),
                c.formValues == null ? List.of() : json.readValue(c.formValues, new tools.jackson.core.type.TypeReference<List<CaseView.FormValue>>() {}));
    }

    /** T3: the station and the agent who carries the case (their work phone is the receipt's, T8). */
    private static CaseView.Station station(CaseRow c) {
        if (c.stationSite == null) return null;
        return new CaseView.Station(c.stationSite, c.agentName, c.firstResponsibleTel, c.citizenId != null);
    }

    /** The day a decided case was completed (its COMPLETED or DEEMED_APPROVED record), for the clock as it stopped. */
    private static LocalDate decidedOn(CaseRow c, List<CaseStore.Action> actions) {
        if (c.status != CaseStatus.COMPLETED && c.status != CaseStatus.DELIVERED) return null;
        LocalDate day = null;
        for (CaseStore.Action a : actions) {
            if (a.action().equals("COMPLETED") || a.action().equals("DEEMED_APPROVED")) day = a.at().atZone(Today.ZONE).toLocalDate();
        }
        return day;
    }

    private static CaseView.Relay relay(CaseRow c) {
        if (c.relayState == null) return null;
        return new CaseView.Relay(c.relayState, c.forwardDue, c.forwardedAt, c.forwardCarrier, c.forwardTracking, c.arrivedAt,
                c.resultDue, c.resultSentAt, c.resultCarrier, c.resultTracking, c.handedOverAt);
    }

    private static CaseView.Agency agency(CaseRow c) {
        if (c.agencyState == null) return null;
        return new CaseView.Agency(c.agencyStartedOn, c.agencyDue, c.agencyState,
                c.agencyEndReason == null ? null : AgencyEndReason.valueOf(c.agencyEndReason));
    }

    /**
     * Warnings on the steps beyond the clock, derived from the due dates on every read (the timers
     * record the same lateness on the case's record, C16): FORWARDING_LATE (C12; a station's report to the
     * centre, T3) and RESULT_RETURN_LATE (C12), AGENCY_OVERDUE (C13).
     */
    static List<String> flags(CaseRow c) {
        LocalDate today = Today.date();
        List<String> flags = new ArrayList<>();
        if ("AT_HALL".equals(c.relayState) && c.status == CaseStatus.SUBMITTED && today.isAfter(c.forwardDue)) flags.add("FORWARDING_LATE");
        if (c.status == CaseStatus.COMPLETED && c.resultDue != null && c.resultSentAt == null && today.isAfter(c.resultDue)) {
            flags.add("RESULT_RETURN_LATE");
        }
        if ("OPEN".equals(c.agencyState) && today.isAfter(c.agencyDue)) flags.add("AGENCY_OVERDUE");
        return flags;
    }

    CaseView.Clock clock(CaseRow c) {
        return clock(c, null);
    }

    /**
     * The clock while it runs (from acceptance until the decision), read as of today; for a case
     * completed on {@code decidedOn}, read as of that day: the working days it took, those paused,
     * how many of the limit were left, and OVERDUE if it was completed after its deadline (C7).
     */
    private CaseView.Clock clock(CaseRow c, LocalDate decidedOn) {
        boolean stopped = decidedOn != null && c.clockStart != null;
        if (!running(c) && !stopped) {
            return new CaseView.Clock(c.clockStart, c.limitValue, c.limitUnit, c.deadline, null, null, null, "NONE", List.of());
        }
        CaseClock.Reading r = CaseClock.read(deadlines.facts(c), calendar.ofCurrentTenant(),
                stopped ? decidedOn : LocalDate.now(Today.ZONE), props.nearDeadlinePercent());
        String warning = stopped && r.warning() == CaseClock.Warning.NEAR_DEADLINE ? "NONE" : r.warning().name();
        return new CaseView.Clock(c.clockStart, c.limitValue + c.approvedExtension(), c.limitUnit, r.deadline(), r.used(), r.paused(),
                r.left(), warning, r.warnings());
    }

    CaseSummary summary(CaseRow c) {
        CaseView.Clock k = clock(c);
        return new CaseSummary(c.publicId().toString(), c.caseNumber, c.tenantId, c.itemName, c.status, c.status.label(),
                c.applicantName, c.submittedAt, k.deadline(), k.daysLeft(), k.warning(), c.version, c.receivingTenantId, flags(c),
                c.stationSite);
    }

    /**
     * The clock runs from acceptance until the decision; a same-city/cross-region case's from the
     * receiving hall's form check (C12), its time in the post paused.
     */
    private static boolean running(CaseRow c) {
        return c.clockStart != null && (c.status == CaseStatus.ACCEPTED || c.status == CaseStatus.SUBMITTED && c.relayState != null);
    }

    private static String nextStep(CaseRow c) {
        return switch (c.status) {
            case SUBMITTED -> switch (c.relayState == null ? "" : c.relayState) {
                case "AT_HALL" -> c.stationSite != null
                        ? "已由 " + c.stationSite + " 代办点收件，代办员 " + c.agentName + " 将于 " + c.forwardDue + " 前报送中心，无需操作"
                        : "已由 " + c.receivingTenantId + " 大厅收件，形式审查后转交属地办理，无需操作";
                case "IN_TRANSIT" -> c.stationSite != null ? "材料正在报送中心（" + c.forwardCarrier + " " + c.forwardTracking + "），无需操作"
                        : "材料正在寄往属地（" + c.forwardCarrier + " " + c.forwardTracking + "），在途时间不计入办理时限";
                default -> "等待窗口审查受理，无需操作；如需补正会一次性告知";
            };
            case CORRECTION_REQUIRED -> "请按一次性告知书补正全部所列材料后提交";
            case ACCEPTED -> c.toleratedMissing != null
                    ? "办理中；请于 " + c.toleratedDue + " 前补齐容缺材料，逾期将记入失信名单（C5）"
                    : "办理中，承诺于 " + c.deadline + " 前办结，请留意办结通知";
            case COMPLETED -> c.stationSite != null ? "已办结，代办员 " + c.agentName + " 将把办理结果送达您"
                    : c.relayState == null || !c.deliveryMode.crossRegionOnly() ? "已办结，等待送达或领取办理结果"
                    : switch (c.deliveryMode) {
                        case OWNER_EXPRESS -> "已办结，属地将快递送达办理结果";
                        case RECEIVING_HALL_EXPRESS -> "已办结，" + c.receivingTenantId + " 大厅制证后快递送达";
                        default -> c.resultSentAt == null ? "已办结，办理结果将转至 " + c.receivingTenantId + " 大厅"
                                : "办理结果已转至 " + c.receivingTenantId + " 大厅，请前往领取";
                    };
            case DELIVERED -> c.deliveryConfirmedAt == null ? "办理结果已送达，请确认收到" : "办件已完成，无需操作";
            case REJECTED -> "不予受理：请按决定书所列的理由和受理机关办理";
            case WITHDRAWN -> "已撤回，无需操作";
        };
    }
}
