package cn.zwy.cases.complaint;

import cn.zwy.cases.api.ComplaintApi.Clock;
import cn.zwy.cases.api.ComplaintApi.Complainant;
import cn.zwy.cases.api.ComplaintApi.Complaint;
import cn.zwy.cases.api.ComplaintApi.Refusal;
import cn.zwy.cases.booking.BookingHalls;
import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A complaint as its reader may see it. The complainant (name, masked phone and email) is shown to the complainant, and
 * to the tenant's staff unless the complainant asked for confidentiality: then only to the centre's administrators and
 * supervisors (who handle complaints) who are neither the staff member complained about nor a holder of the window
 * complained about (P1; as the reviewer is hidden from the staff reviewed, V9). A province's administrator reads the
 * figures, never the complainant. Internal fields (who recorded it, the handler, the late steps) are staff only.
 */
@Component
class ComplaintViews {

    /** The role that, with the centre administrator, handles complaints (the 政务服务管理机构's 督查). */
    static final String SUPERVISOR = "supervisor";

    private final FilingReadModels readModels;
    private final BookingHalls halls;

    ComplaintViews(FilingReadModels readModels, BookingHalls halls) {
        this.readModels = readModels;
        this.halls = halls;
    }

    /** Whether the caller handles the tenant's complaints: its centre administrator or supervisor. */
    static boolean handles(Caller caller, String tenant) {
        return caller.isCentreAdminOf(tenant) || (caller.actsFor(tenant) && caller.hasRole(SUPERVISOR));
    }

    /** A reader of one tenant's complaints, inside a transaction bound to it: the calendar and the windows' holders once per page. */
    final class Reader {
        private final Caller caller;
        private final LocalDate today = CaseFacts.today();
        private final LocalDate nextWorkingDay;
        private final Map<UUID, Set<String>> holders = new HashMap<>();

        Reader(Caller caller) {
            this.caller = caller;
            this.nextWorkingDay = readModels.workingDaysAfter(today, 1);
        }

        Complaint view(ComplaintRows.Row r, boolean replayed) {
            return ComplaintViews.view(r, caller, replayed, today, nextWorkingDay, r.windowId() == null ? Set.of()
                    : holders.computeIfAbsent(r.windowId(), w -> {
                        Set<String> s = new HashSet<>();
                        halls.holders(w).ifPresent(h -> {
                            if (h.a() != null) s.add(h.a());
                            if (h.b() != null) s.add(h.b());
                        });
                        return s;
                    }));
        }
    }

    /** Inside a transaction bound to the complaint's tenant. */
    Reader reader(Caller caller) {
        return new Reader(caller);
    }

    /** The next working day after today on the current tenant's calendar (call inside a transaction bound to it). */
    LocalDate nextWorkingDay() {
        return readModels.workingDaysAfter(CaseFacts.today(), 1);
    }

    static Complaint view(ComplaintRows.Row r, Caller caller, boolean replayed, LocalDate today, LocalDate nextWorkingDay, Set<String> windowHolders) {
        boolean owner = caller.realm() == Realm.CITIZEN && caller.userId().equals(r.citizenId());
        boolean staff = caller.realm() == Realm.STAFF && caller.mayRead(r.tenant());
        boolean seesComplainant;
        if (owner) {
            seesComplainant = true;
        } else if (caller.realm() != Realm.STAFF || !caller.actsFor(r.tenant())) {
            seesComplainant = false; // the province reads figures, not complainants
        } else {
            boolean about = caller.username().equals(r.staffUsername()) || windowHolders.contains(caller.username());
            seesComplainant = r.confidential() ? !about && handles(caller, r.tenant()) : true;
        }
        Complainant complainant = seesComplainant ? new Complainant(r.complainantName(), r.phoneMasked(), r.emailMasked(), r.citizenId() != null) : null;
        Refusal refusal = r.refusedAt() == null ? null
                : new Refusal(r.refusalReason(), r.refusalChannel(), r.refusalGuidance(), r.refusedAt(), staff ? r.refusedBy() : null);
        return new Complaint(r.publicId(), r.tenant(), r.channel(), r.hotlineTicket(), r.state(), complainant, !seesComplainant, r.confidential(),
                r.hallId() == null ? null : r.hallId().toString(), r.windowId() == null ? null : r.windowId().toString(), r.windowName(),
                staff ? r.staffUsername() : null, r.staffName(), r.reason(), r.expectation(), r.filedAt(), staff ? r.recordedBy() : null,
                r.acceptDueOn(), r.acceptedAt(), r.acceptedOnSpot(), refusal, r.handlingMode(), r.complexity(), r.department(),
                staff ? r.handler() : null, r.handleDueOn(), r.delayNotice(), r.delayedAt(), r.result(), r.verified(), r.resultAt(),
                r.reviewClosesOn(), r.satisfied(), r.satisfactionComment(), r.answeredAt(), r.reviewRequestedAt(), r.reviewReason(),
                clock(r, today, nextWorkingDay), staff ? r.lateSteps() : List.of(), r.version(), replayed);
    }

    /** The current step's deadline and its colour: RED past it, YELLOW when it is today or the next working day. */
    static Clock clock(ComplaintRows.Row r, LocalDate today, LocalDate nextWorkingDay) {
        String step;
        LocalDate due;
        switch (r.state()) {
            case "FILED" -> { step = "ACCEPTANCE"; due = r.acceptDueOn(); }
            case "ACCEPTED" -> { step = "HANDLING"; due = r.handleDueOn(); }
            case "RESULT_GIVEN" -> {
                if (r.reviewRequestedAt() != null) return null;
                step = "REVIEW";
                due = r.reviewClosesOn();
            }
            default -> { return null; }
        }
        if (due == null) return null;
        String colour = today.isAfter(due) ? "RED" : !nextWorkingDay.isBefore(due) ? "YELLOW" : "GREEN";
        return new Clock(step, due, colour);
    }
}
