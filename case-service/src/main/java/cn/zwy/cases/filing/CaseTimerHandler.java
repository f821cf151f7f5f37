package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseStatus;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.tenant.TenantTransactions;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a due timer does, in a transaction bound to its case's tenant. It re-reads the case and the
 * clock: a case decided, withdrawn or given another deadline since the timer was set is left alone.
 * A repeated run (the scheduler runs a timer again when an instance died mid-run) adds nothing twice.
 */
@Component
class CaseTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseTimerHandler.class);
    static final Actor PLATFORM = new Actor("SYSTEM", "case-timers", "系统（时限监察）", null);
    /** How long a missed 容缺 due date keeps an applicant on the dishonesty list. */
    static final int DISHONESTY_YEARS = 1;

    private final TenantTransactions tx;
    private final CaseStore store;
    private final CaseDeadlines deadlines;
    private final LocalCalendar calendar;
    private final FilingProperties props;
    private final OutboxPublisher outbox;
    private final JdbcTemplate jdbc;
    private final DeemedApproval deemedApproval;
    private final JointReviews jointReviews;
    private final Supervision supervision;

    private final ApplicantNotices notices;
    /** The timers of a case; looked up when needed, as the scheduler's task (which calls this handler) makes them. */
    private final ObjectProvider<CaseTimers> timers;

    CaseTimerHandler(TenantTransactions tx, CaseStore store, CaseDeadlines deadlines, LocalCalendar calendar,
                     FilingProperties props, OutboxPublisher outbox, JdbcTemplate jdbc, DeemedApproval deemedApproval,
                     ApplicantNotices notices, ObjectProvider<CaseTimers> timers, JointReviews jointReviews,
                     Supervision supervision) {
        this.supervision = supervision;
        this.timers = timers;
        this.jointReviews = jointReviews;
        this.deemedApproval = deemedApproval;
        this.notices = notices;
        this.tx = tx;
        this.store = store;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.props = props;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    void fire(String instance) {
        CaseTimers.TimerId t = CaseTimers.TimerId.parse(instance);
        String tenant = t.caseId().tenantCode();
        tx.write(tenant, () -> {
            CaseRow c = store.find(tenant, t.caseId().id()).orElse(null);
            if (c == null) return null;
            LocalDate today = Today.date();
            switch (t.kind()) {
                case NEAR, OVERDUE -> {
                    if (c.status != CaseStatus.ACCEPTED || !t.day().equals(c.deadline)) return null;
                    CaseClock.Reading r = CaseClock.read(deadlines.facts(c), calendar.ofCurrentTenant(), today, props.nearDeadlinePercent());
                    boolean overdue = t.kind() == CaseTimers.Kind.OVERDUE;
                    if (overdue ? r.warning() != CaseClock.Warning.OVERDUE : r.warning() == CaseClock.Warning.NONE) return null;
                    if (overdue && deemedApproval.promised(c)) {
                        // C9: no decision by the deadline of a case accepted under deemed approval: approved
                        c.status = CaseStatus.COMPLETED;
                        c.result = "APPROVED";
                        c.resultReason = DeemedApproval.DEEMED_REASON;
                        c.holder = null;
                        c.updatedAt = Instant.now();
                        String note = "承诺期限 " + c.deadline + " 届满未作出决定，视为准予（C9）" + supervision.push(c);
                        boolean sendBack = c.relayState != null && c.deliveryMode.crossRegionOnly();
                        if (sendBack) {
                            // C12: as after any completion, the result goes back within 1 working day
                            c.resultDue = CrossRegionCases.oneWorkingDayAfter(today, calendar.ofCurrentTenant());
                            note += "；结果须于 " + c.resultDue + " 前按所选方式寄回或转交（C12）";
                        }
                        store.update(c);
                        if (sendBack) timers.getObject().resultDue(c);
                        if (record(c, "DEEMED_APPROVED", note, null)) notices.tell(c, "DEEMED_APPROVED", note);
                        return null;
                    }
                    String action = overdue ? "OVERDUE" : "NEAR_DEADLINE";
                    String note = overdue ? "已超过承诺期限 " + c.deadline + "（C7），列入督办"
                            : "临近期限预警：已用 " + r.used() + " 个工作日，期限 " + c.deadline + "（C8）";
                    record(c, action, note, null);
                }
                case TOLERATED -> {
                    if (c.toleratedMissing == null || !t.day().equals(c.toleratedDue) || c.status == CaseStatus.WITHDRAWN) return null;
                    LocalDate expires = today.plusYears(DISHONESTY_YEARS);
                    String reason = "容缺受理的材料逾期（" + c.toleratedDue + "）未补齐（C5）";
                    int added = jdbc.update("""
                            insert into dishonesty_entry (id, tenant_id, case_id, applicant_id_index, applicant_name, reason, listed_on, expires_on)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, case_id) do nothing""",
                            UUID.randomUUID(), tenant, c.id, c.applicantIdIndex, c.applicantName, reason, Date.valueOf(today), Date.valueOf(expires));
                    if (added == 1) record(c, "TOLERATED_OVERDUE", reason + "，记入失信名单至 " + expires, null);
                }
                case FORWARD -> {
                    if (!"AT_HALL".equals(c.relayState) || c.status != CaseStatus.SUBMITTED || !t.day().equals(c.forwardDue)
                            || !today.isAfter(c.forwardDue)) return null;
                    if (c.stationSite != null) {
                        record(c, "FORWARDING_LATE", c.stationSite + " 代办点未在收件后 " + VillageAgency.FORWARD_WORKING_DAYS + " 个工作日内（"
                                + c.forwardDue + " 前）报送中心（T3），列入督办", c.stationSite);
                        return null;
                    }
                    record(c, "FORWARDING_LATE", "通办件未在收件后 1 个工作日内（" + c.forwardDue + " 前）转交属地（C12），列入督办",
                            c.receivingTenantId);
                }
                case RESULT -> {
                    if (c.status != CaseStatus.COMPLETED || c.resultSentAt != null || !t.day().equals(c.resultDue)
                            || !today.isAfter(c.resultDue)) return null;
                    record(c, "RESULT_RETURN_LATE", "办结后 1 个工作日内（" + c.resultDue + " 前）未寄回办理结果（C12），列入督办", null);
                }
                case JOINT -> {
                    String note = jointReviews.deemAgreement(c, t.day());
                    if (note != null) record(c, "JOINT_DEEMED_AGREED", note, null);
                }
                case ESCALATE -> {
                    String note = jointReviews.lateEscalations(c, t.day());
                    if (note != null) record(c, "JOINT_ESCALATION_LATE", note, null);
                }
                case AGENCY -> {
                    if (!"OPEN".equals(c.agencyState) || !t.day().equals(c.agencyDue) || !today.isAfter(c.agencyDue)) return null;
                    record(c, "AGENCY_OVERDUE", "异地代办在大厅滞留超过 7 个工作日（应于 " + c.agencyDue + " 前办结，C13），列入督办", null);
                }
            }
            return null;
        });
    }

    /** Records the action (at {@code place}, null: the owner's) unless it is on record already (a timer that fired twice); whether it recorded it. */
    private boolean record(CaseRow c, String action, String note, String place) {
        Integer seen = jdbc.queryForObject("select count(*) from case_action where tenant_id = ? and case_id = ? and action = ? and note = ?",
                Integer.class, c.tenantId, c.id, action, note);
        if (seen != null && seen > 0) return false;
        c.updatedAt = Instant.now();
        store.record(c, PLATFORM, action, note, place);
        outbox.publish(CaseService.EVENT_PREFIX + action.toLowerCase(Locale.ROOT), c.tenantId, "case", c.publicId().toString(),
                Map.of("caseId", c.publicId().toString(), "caseNumber", c.caseNumber, "tenantCode", c.tenantId,
                        "deadline", String.valueOf(c.deadline)));
        log.info("case {}: {}", c.caseNumber, action);
        return true;
    }
}
