package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseStatus;
import cn.zwy.common.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules of case-service may know of a case without reading filing's tables (reviews: whose case it is,
 * whether and when it was completed, who accepted it at which window, its department and item): read as the caller
 * may see the case ({@link CaseQueries#read}), or by id inside a transaction bound to the case's tenant.
 */
@Component
public class CaseFacts {

    /**
     * A case as reviews see it. {@code citizenId}: the applicant's account (null for a station submission, T3);
     * {@code completedAt}: when it was completed (also deemed approved), else null; {@code staffId}, {@code staffName},
     * {@code window}: who accepted it and where (the window staff the applicant dealt with; null before acceptance);
     * {@code overdue}: accepted, unfinished and past its deadline (C7).
     */
    public record Facts(String tenantId, UUID id, String caseNumber, String citizenId, String status, Instant completedAt,
                        boolean overdue, String itemId, String itemName, UUID departmentId, String departmentName,
                        String staffId, String staffName, String window, String applicantName, String contactName,
                        String contactPhoneMasked) {

        public String publicId() { return tenantId + ":" + id; }
    }

    private final CaseQueries queries;
    private final CaseStore store;
    private final JdbcTemplate jdbc;

    CaseFacts(CaseQueries queries, CaseStore store, JdbcTemplate jdbc) {
        this.queries = queries;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** The case as the caller may see it (a citizen only their own, staff their tenant's); NOT_FOUND otherwise. */
    public Facts forCaller(Caller caller, String caseId) {
        return queries.read(caller, caseId, (c, staff) -> facts(c));
    }

    /** Inside a transaction bound to the case's tenant. */
    public Optional<Facts> of(String tenant, UUID id) {
        return store.find(tenant, id).map(this::facts);
    }

    private Facts facts(CaseRow c) {
        List<Map<String, Object>> accepted = jdbc.queryForList("""
                select actor_id, actor_name, window_name from case_action
                where case_id = ? and action = 'ACCEPTED' and actor_kind = 'STAFF' order by seq limit 1""", c.id);
        List<java.sql.Timestamp> completed = jdbc.queryForList("""
                select at from case_action where case_id = ? and action in ('COMPLETED', 'DEEMED_APPROVED') order by seq desc limit 1""",
                java.sql.Timestamp.class, c.id);
        boolean done = c.status == CaseStatus.COMPLETED || c.status == CaseStatus.DELIVERED;
        boolean overdue = c.status == CaseStatus.ACCEPTED && c.deadline != null && Today.date().isAfter(c.deadline);
        Map<String, Object> a = accepted.isEmpty() ? Map.of() : accepted.getFirst();
        String department = c.departmentId == null ? null : store.departmentName(c.departmentId).orElse(null);
        return new Facts(c.tenantId, c.id, c.caseNumber, c.citizenId, c.status.name(),
                done && !completed.isEmpty() ? completed.getFirst().toInstant() : done ? c.updatedAt : null, overdue,
                c.itemId, c.itemName, c.departmentId, department, (String) a.get("actor_id"), (String) a.get("actor_name"),
                (String) a.get("window_name"), c.applicantName, c.contactName, c.contactPhoneMasked);
    }

    /**
     * The "one thing" package a case was filed in (G3), with whether each of its part cases is done (completed,
     * delivered or deemed approved); empty for a case filed on its own. Inside a transaction bound to the case's tenant,
     * and it locks the package's filing until that transaction ends: two parts finishing at once are looked at one
     * after the other, so exactly one of them sees the whole package done (V3: one review for the package).
     */
    public Optional<PackageParts> packageOf(String tenant, UUID caseId) {
        List<Map<String, Object>> pkg = jdbc.queryForList("""
                select p.id, p.package_id, p.package_name, p.review_mode from package_case p
                join case_file f on f.package_case_id = p.id and f.tenant_id = p.tenant_id
                where f.tenant_id = ? and f.id = ? for update of p""", tenant, caseId);
        if (pkg.isEmpty()) return Optional.empty();
        Map<String, Object> p = pkg.getFirst();
        UUID packageCaseId = (UUID) p.get("id");
        List<PackageParts.Part> parts = jdbc.query("""
                select id, status in ('COMPLETED', 'DELIVERED') as done from case_file
                where tenant_id = ? and package_case_id = ? order by case_number""",
                (rs, i) -> new PackageParts.Part(rs.getObject("id", UUID.class), rs.getBoolean("done")), tenant, packageCaseId);
        return Optional.of(new PackageParts(packageCaseId, (String) p.get("package_id"), (String) p.get("package_name"),
                (String) p.get("review_mode"), parts));
    }

    /** A package filing's parts (G3) and how it is reviewed (V3: PACKAGE, one review for all; PER_ITEM, one per part). */
    public record PackageParts(UUID packageCaseId, String packageId, String name, String reviewMode, List<Part> parts) {
        public record Part(UUID caseId, boolean done) {}

        public boolean reviewedAsOne() { return "PACKAGE".equals(reviewMode); }

        public boolean allDone() { return parts.stream().allMatch(Part::done); }
    }

    /** Today in the halls' time zone (C4). */
    public static LocalDate today() {
        return Today.date();
    }
}
