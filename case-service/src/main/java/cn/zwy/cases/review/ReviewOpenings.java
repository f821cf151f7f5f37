package cn.zwy.cases.review;

import cn.zwy.cases.filing.CaseFacts;
import cn.zwy.cases.filing.FilingReadModels;
import cn.zwy.common.events.DomainEvent;
import cn.zwy.common.events.EventHandler;
import cn.zwy.common.tenant.TenantTransactions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a service for its one review (V2) from the event path: a case completed (or deemed approved) — 一事一评 — and a
 * visit finished at a window — 一次一评 (the queue's {@code queue.ticket.finished}, ADR 0017). A visit is reviewable by
 * the citizen who took the ticket or booked it; a ticket taken at a kiosk under staff's account has nobody to review it
 * online (the hall's review device is not built). A station's case (T3) has no account behind it either. A repeated
 * event opens nothing twice (unique per service).
 */
@Component
class ReviewOpenings implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ReviewOpenings.class);
    static final String VISIT_FINISHED = "queue.ticket.finished";
    private static final Set<String> TYPES = Set.of("case.completed", "case.deemed_approved", VISIT_FINISHED);

    private final TenantTransactions tx;
    private final Openings openings;
    private final ReviewTimers timers;
    private final CaseFacts cases;
    private final FilingReadModels readModels;
    private final ReviewProperties props;
    private final JsonMapper json;

    ReviewOpenings(TenantTransactions tx, Openings openings, ReviewTimers timers, CaseFacts cases, FilingReadModels readModels,
                   ReviewProperties props, JsonMapper json) {
        this.tx = tx;
        this.openings = openings;
        this.timers = timers;
        this.cases = cases;
        this.readModels = readModels;
        this.props = props;
        this.json = json;
    }

    @Override
    public String group() {
        return "case-reviews";
    }

    @Override
    public boolean accepts(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public void handle(DomainEvent event) {
        JsonNode p = json.readTree(event.payload());
        String tenant = p.get("tenantCode").asString();
        tx.write(tenant, () -> {
            if (VISIT_FINISHED.equals(event.type())) visit(tenant, p);
            else {
                String caseId = p.get("caseId").asString();
                cases.of(tenant, UUID.fromString(caseId.substring(caseId.indexOf(':') + 1))).ifPresent(this::completed);
            }
            return null;
        });
    }

    /** Inside a transaction bound to the case's tenant: the completed case's opening, unless it has one. */
    Optional<Openings.Row> completed(CaseFacts.Facts f) {
        if (f.citizenId() == null || f.completedAt() == null) return Optional.empty();
        Optional<CaseFacts.PackageParts> pkg = cases.packageOf(f.tenantId(), f.id());
        if (pkg.isPresent() && pkg.get().reviewedAsOne()) return packageCompleted(f, pkg.get());
        return open(f, f.itemId(), f.itemName());
    }

    /**
     * V3, a package reviewed as a whole: one opening once its last part is done, on that part's case and named after the
     * package (its business line is the package); none before, and none for the other parts. The package's filing is
     * locked (CaseFacts.packageOf), so a second part finishing at the same moment finds this opening.
     */
    private Optional<Openings.Row> packageCompleted(CaseFacts.Facts f, CaseFacts.PackageParts pkg) {
        for (CaseFacts.PackageParts.Part part : pkg.parts()) {
            Optional<Openings.Row> existing = openings.find(f.tenantId(), "CASE", part.caseId());
            if (existing.isPresent()) return existing;
        }
        if (!pkg.allDone()) return Optional.empty();
        return open(f, pkg.packageId(), pkg.name() + "（一件事整体评价）");
    }

    private Optional<Openings.Row> open(CaseFacts.Facts f, String lineKey, String lineName) {
        Openings.Row r = new Openings.Row(UUID.randomUUID(), f.tenantId(), "CASE", f.id(), f.caseNumber(), f.id(), f.citizenId(), f.staffId(),
                f.staffName(), null, f.window(), f.departmentId(), f.departmentName(), lineKey, lineName, f.completedAt(),
                readModels.workingDaysAfter(f.completedAt().atZone(Openings.ZONE).toLocalDate(), props.openWorkingDays()), "OPEN", null);
        if (openings.insert(r)) {
            timers.opened(r);
            log.info("case {} of {} open for review until {}", f.caseNumber(), f.tenantId(), r.closesOn());
        }
        return openings.find(f.tenantId(), "CASE", f.id());
    }

    private void visit(String tenant, JsonNode p) {
        String citizen = text(p, "citizenId");
        if (citizen == null) return;
        String ticket = p.get("ticketId").asString();
        UUID ticketId = UUID.fromString(ticket.substring(ticket.indexOf(':') + 1));
        String linked = text(p, "caseId");
        CaseFacts.Facts c = linked == null ? null : cases.of(tenant, UUID.fromString(linked.substring(linked.indexOf(':') + 1))).orElse(null);
        String category = text(p, "businessCategory");
        Instant done = Instant.parse(p.get("finishedAt").asString());
        String window = text(p, "windowId");
        String staffName = text(p, "servedByName");
        Openings.Row r = new Openings.Row(UUID.randomUUID(), tenant, "VISIT", ticketId, text(p, "number"), c == null ? null : c.id(), citizen,
                text(p, "servedById"), staffName == null ? text(p, "servedBy") : staffName, window == null ? null : UUID.fromString(window),
                text(p, "windowName"), c == null ? null : c.departmentId(), c == null ? null : c.departmentName(),
                c == null ? "category:" + category : c.itemId(), c == null ? "业务类别 " + category : c.itemName(), done,
                readModels.workingDaysAfter(done.atZone(Openings.ZONE).toLocalDate(), props.openWorkingDays()), "OPEN", null);
        if (openings.insert(r)) {
            timers.opened(r);
            log.info("visit {} of {} open for review until {}", r.label(), tenant, r.closesOn());
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
