package cn.zwy.cases.filing;

import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.PackageCaseView;
import cn.zwy.cases.api.PackageReceipt;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.SubmitCaseRequest;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.cases.api.SubmitPackageRequest;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.TenantTransactions;
import cn.zwy.tenant.api.catalog.FormField;
import cn.zwy.tenant.api.catalog.FormFields;
import cn.zwy.tenant.api.catalog.Guidance;
import cn.zwy.tenant.api.catalog.PackageGuidance;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * "One thing" package filings (G3, C10): one submission with one idempotency key files one part case per
 * item of the package, in the same transaction (all or none), each with the materials its guide lists out of
 * the one set handed in, the applicant's answers to its questionnaire (G2) and its own department and clock,
 * so the departments work in parallel. A part whose situation says the item does not apply (G2) is not filed; the
 * filing keeps which and why. The package's own form fields are given once and each part takes its own (G3, ADR
 * 0032). The applicant gets one receipt notice; the package reads as one: its parts, one combined timeline, DONE
 * when every part filed is, a refused part named with its reason, the skipped ones with why.
 */
@Service
class PackageFiling {

    private static final Logger log = LoggerFactory.getLogger(PackageFiling.class);

    private final CaseService cases;
    private final CaseStore store;
    private final CaseViews views;
    private final PackageWalks walks;
    private final MaterialUploads uploads;
    private final ApplicantNotices notices;
    private final TenantTransactions tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    PackageFiling(CaseService cases, CaseStore store, CaseViews views, PackageWalks walks, MaterialUploads uploads, ApplicantNotices notices, TenantTransactions tx, JdbcTemplate jdbc, JsonMapper json) {
        this.cases = cases;
        this.store = store;
        this.views = views;
        this.walks = walks;
        this.uploads = uploads;
        this.notices = notices;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param skipped the items not filed because they do not apply in the applicant's situation (G2) */
    record Row(UUID id, String tenantId, String citizenId, String packageId, String packageName, String reviewMode,
               String requestHash, Instant submittedAt, List<PackageCaseView.Skipped> skipped) {}

    public PackageReceipt submit(Caller caller, SubmitPackageRequest r) {
        CaseService.requireCitizen(caller);
        if (r == null) throw ApiException.validation("body", "缺少“一件事”申请内容");
        String key = CaseService.required("idempotencyKey", r.idempotencyKey(), 90);
        String packageId = CaseService.required("packageId", r.packageId(), 60);
        String tenant;
        try {
            tenant = CaseService.tenantOfItem(packageId);
        } catch (ApiException e) {
            throw ApiException.validation("packageId", "套餐编号格式不正确（应为 区划代码:UUID）: " + packageId);
        }
        String hash = CaseService.sha256(json.writeValueAsString(r));
        try {
            return tx.write(tenant, () -> find(tenant, caller.userId(), key).map(existing -> replay(existing, hash))
                    .orElseGet(() -> file(caller, r, tenant, key, hash)));
        } catch (DuplicateKeyException raced) {
            return tx.read(tenant, () -> find(tenant, caller.userId(), key).map(e -> replay(e, hash)).orElseThrow(() -> raced));
        }
    }

    private PackageReceipt file(Caller caller, SubmitPackageRequest r, String tenant, String key, String hash) {
        PackageReadModel.Package p = walks.find(r.packageId());
        List<GuideVersion> versions = walks.versions(p);
        // the materials of the parts' guides in effect today, as the catalog shows the package's form today: a county
        // that changed a part's guide since the package was announced asks what the new version asks (ADR 0035)
        Set<String> listed = new HashSet<>();
        versions.forEach(v -> v.materials().forEach(m -> listed.add(m.name())));
        List<SubmitCaseRequest.MaterialRef> handedIn = r.materials() == null ? List.of() : r.materials();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < handedIn.size(); i++) {
            SubmitCaseRequest.MaterialRef m = handedIn.get(i);
            String f = "materials[" + i + "].name";
            if (m == null || m.name() == null || !listed.contains(m.name())) {
                throw ApiException.validation(f, "套餐的材料清单中没有这项材料: " + (m == null ? null : m.name()));
            }
            // G3: one set of materials — each is handed in once and serves every item that lists it
            if (!names.add(m.name())) throw new ApiException(ErrorCode.VALIDATION, "同一项材料只需提交一次: " + m.name(), f, "G3");
        }
        List<SubmitPackageRequest.PartAnswer> answers = r.guidanceAnswers() == null ? List.of() : r.guidanceAnswers();
        for (int i = 0; i < answers.size(); i++) {
            SubmitPackageRequest.PartAnswer a = answers.get(i);
            if (a == null || p.items().stream().noneMatch(x -> x.itemId().equals(a.itemId()))) {
                throw ApiException.validation("guidanceAnswers[" + i + "].itemId", "套餐中没有这个事项: " + (a == null ? null : a.itemId()));
            }
        }
        List<SubmitCaseRequest.GuidanceAnswer> walk = r.packageAnswers() == null ? List.of() : r.packageAnswers();
        if (!walk.isEmpty() && !answers.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION, "请只用一种方式提交情形引导的回答：整个套餐的回答或各事项的回答", "packageAnswers", "G2");
        }
        List<List<SubmitCaseRequest.GuidanceAnswer>> walked = walk.isEmpty() ? null : walk(p, versions, walk, handedIn);
        // each part's own answers: from the package's walk, or given per item
        List<List<SubmitCaseRequest.GuidanceAnswer>> own = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            String itemId = p.items().get(i).itemId();
            own.add(walked != null ? walked.get(i) : answers.stream().filter(a -> a.itemId().equals(itemId))
                    .map(a -> new SubmitCaseRequest.GuidanceAnswer(a.questionId(), a.value())).toList());
        }
        // G2: a part whose situation says the item does not apply is not filed; the filing keeps which and why
        List<PackageCaseView.Skipped> skipped = new ArrayList<>();
        List<List<FormField>> fieldsOf = new ArrayList<>();
        List<Boolean> applies = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            String why = SituationGuidance.skipReason(versions.get(i), own.get(i));
            if (why != null) skipped.add(new PackageCaseView.Skipped(p.items().get(i).itemId(), p.items().get(i).name(), why));
            applies.add(why == null);
            fieldsOf.add(why != null ? null : versions.get(i).formFields());
        }
        if (skipped.size() == p.items().size()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "按您的情形，套餐中没有需要办理的事项", walked != null ? "packageAnswers" : "guidanceAnswers", "G2");
        }
        // G3: the one form's own fields, each given once for the parts filed (a part not filed asks none)
        List<FormFields.Merged> form = FormFields.merge(fieldsOf);
        Map<String, String> given = new HashMap<>();
        FormFields.fill(form.stream().map(FormFields.Merged::asked).toList(), r.formValues() == null ? null : r.formValues().stream()
                .map(v -> v == null ? null : new FormFields.Value(v.key(), v.value())).toList(), "formValues")
                .forEach(f -> given.put(f.key(), f.value()));
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("""
                insert into package_case (id, tenant_id, citizen_id, package_id, package_version, package_name, review_mode,
                    idempotency_key, request_hash, submitted_at, skipped) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, caller.userId(), p.id(), p.version(), p.name(), p.reviewMode(), key, hash, Timestamp.from(now),
                skipped.isEmpty() ? null : json.writeValueAsString(skipped));
        // the uploads are claimed once, by the package; each part refers to them
        List<String> uploadIds = handedIn.stream().map(SubmitCaseRequest.MaterialRef::uploadId).filter(Objects::nonNull).toList();
        uploads.claim(caller, tenant, uploadIds, id.toString(), "materials");
        List<Receipt> parts = new ArrayList<>();
        for (int i = 0; i < p.items().size(); i++) {
            if (!applies.get(i)) continue;
            PackageReadModel.Item item = p.items().get(i);
            GuideVersion g = versions.get(i);
            List<SubmitCaseRequest.GuidanceAnswer> ownAnswers = own.get(i);
            // the part's own field values, by its own keys
            List<SubmitCaseRequest.FormValue> values = new ArrayList<>();
            for (FormFields.Merged m : form) {
                if (m.parts().contains(i) && given.containsKey(m.key())) values.add(new SubmitCaseRequest.FormValue(m.field().key(), given.get(m.key())));
            }
            try {
                CaseView.Guidance situation = ownAnswers.isEmpty() ? null : SituationGuidance.of(g, ownAnswers, null);
                // the part takes what its guide lists (and, after guidance, what its outcome needs) out of the one set
                List<SubmitCaseRequest.MaterialRef> mine = handedIn.stream().filter(m -> g.hasMaterial(m.name()))
                        .filter(m -> situation == null || situation.materials().contains(m.name())).toList();
                SubmitCaseRequest part = new SubmitCaseRequest(key + "#" + (i + 1), item.itemId(), null, r.applicant(), r.contact(),
                        mine, r.deliveryMode(), ownAnswers.isEmpty() ? null : ownAnswers, null, values);
                parts.add(cases.file(caller, part, tenant, part.idempotencyKey(), hash, null, new CaseService.PackagePart(id, p.name())));
            } catch (ApiException e) {
                // nothing is filed (one transaction); the applicant learns which item and which field
                throw new ApiException(e.code(), "“" + item.name() + "”：" + e.getMessage(),
                        e.field() == null ? "parts[" + i + "]" : "parts[" + i + "]." + e.field(), e.rule());
            }
        }
        CaseRow first = store.find(tenant, CaseId.parse("id", parts.getFirst().caseId()).id()).orElseThrow();
        notices.tell(first, "SUBMITTED", "“" + p.name() + "”已收件：" + parts.size() + " 个事项由各部门并联办理（"
                + String.join("、", parts.stream().map(Receipt::itemName).toList()) + "），收到材料 " + handedIn.size() + " 项，每项只交一次"
                + (skipped.isEmpty() ? "" : "；按您的情形无需办理：" + String.join("；", skipped.stream()
                        .map(x -> "“" + x.itemName() + "”（" + x.reason() + "）").toList())));
        log.info("package {} filed as {} with {} part cases, {} not applying", p.id(), id, parts.size(), skipped.size());
        return new PackageReceipt(tenant + ":" + id, p.name(), now, parts, false, List.copyOf(skipped));
    }

    /**
     * G2 + G3: the package's one guidance walk, again on the versions filed under ({@link PackageWalks#complete}, as the
     * package's ticket walks it). It must be complete, and every
     * material handed in must be needed by some part after it (only what applies is handed in). Answers each part's
     * own answers (its question ids, on its path), in the package's order.
     */
    private static List<List<SubmitCaseRequest.GuidanceAnswer>> walk(PackageReadModel.Package p, List<GuideVersion> versions,
                                                                      List<SubmitCaseRequest.GuidanceAnswer> walk,
                                                                      List<SubmitCaseRequest.MaterialRef> handedIn) {
        PackageGuidance.Result r = PackageWalks.complete(p, versions,
                walk.stream().map(a -> a == null ? null : new Guidance.Answer(a.questionId(), a.value())).toList());
        Set<String> needed = new HashSet<>();
        for (int i = 0; i < versions.size(); i++) {
            Guidance.Result own = r.parts().get(i).result();
            if (own != null) needed.addAll(own.outcome().materials());
            else versions.get(i).materials().forEach(m -> needed.add(m.name()));
        }
        for (int i = 0; i < handedIn.size(); i++) {
            if (!needed.contains(handedIn.get(i).name())) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "按您的情形，套餐中没有事项需要这项材料: " + handedIn.get(i).name(),
                        "materials[" + i + "].name", "G2");
            }
        }
        return r.parts().stream().map(x -> x.answers().stream()
                .map(a -> new SubmitCaseRequest.GuidanceAnswer(a.questionId(), a.value())).toList()).toList();
    }

    private PackageReceipt replay(Row existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一份不同的申请，请为新申请使用新的幂等键");
        }
        List<Receipt> parts = store.findByPackage(existing.tenantId(), existing.id()).stream()
                .map(c -> cases.receipt(c, true)).toList();
        return new PackageReceipt(existing.tenantId() + ":" + existing.id(), existing.packageName(), existing.submittedAt(), parts, true,
                existing.skipped());
    }

    // ------------------------------------------------------------------ the package as one

    /** The applicant sees their own filing (another's is NOT_FOUND); staff their tenant's. */
    public PackageCaseView get(Caller caller, String id) {
        CaseId cid = CaseId.parse("id", id);
        boolean staff = caller.realm() == Realm.STAFF;
        if (staff && !caller.mayRead(cid.tenantCode())) throw ApiException.forbidden("只能查看本中心的办件");
        return tx.read(cid.tenantCode(), () -> {
            Row row = jdbc.query("select * from package_case where id = ?", (rs, n) -> row(rs), cid.id()).stream().findFirst()
                    .filter(x -> staff || x.citizenId().equals(caller.userId()))
                    .orElseThrow(() -> ApiException.notFound("id", "未找到该“一件事”办件: " + id));
            List<CaseView> parts = store.findByPackage(row.tenantId(), row.id()).stream().map(c -> views.view(c, staff)).toList();
            return view(row, parts);
        });
    }

    /**
     * G3 / C10 (一窗受理): the lead window accepts every part still waiting (SUBMITTED) in one action and one transaction
     * — all or none — each through the ordinary acceptance (its own department's clock starts, its checks hold), and the
     * applicant gets one acceptance notice listing every part and its deadline. The parts then run in parallel.
     */
    public PackageCaseView acceptAll(Caller caller, String id, String window) {
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() != Realm.STAFF || !caller.actsFor(cid.tenantCode())) throw ApiException.forbidden("只能受理本中心的办件");
        if (CaseService.FRONT_DESK.stream().noneMatch(caller::hasRole)) throw ApiException.forbidden("当前岗位无权执行该操作");
        String w = CaseService.required("window", window, 100);
        return tx.write(cid.tenantCode(), () -> {
            // one acceptance at a time per package: a second lead window waits and then finds nothing left
            Row row = jdbc.query("select * from package_case where id = ? for update", (rs, n) -> row(rs), cid.id()).stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("id", "未找到该“一件事”办件: " + id));
            List<CaseRow> waiting = store.findByPackage(row.tenantId(), row.id()).stream()
                    .filter(c -> c.status == CaseStatus.SUBMITTED).toList();
            if (waiting.isEmpty()) {
                throw new ApiException(ErrorCode.RULE_VIOLATION, "该“一件事”办件没有待受理的事项", "packageCaseId", "C10");
            }
            notices.acceptedTogether(row.packageName(), w, () -> {
                for (CaseRow c : waiting) {
                    try {
                        cases.accept(caller, c.publicId().toString(), new StaffActions.Accept(c.version, w, null, null, null));
                    } catch (ApiException e) {
                        throw new ApiException(e.code(), "“" + c.itemName + "”：" + e.getMessage(), e.field(), e.rule());
                    }
                }
            }, () -> store.find(row.tenantId(), waiting.getFirst().id).orElseThrow());
            List<CaseView> parts = store.findByPackage(row.tenantId(), row.id()).stream().map(c -> views.view(c, true)).toList();
            log.info("package case {} accepted at one window ({} parts)", id, waiting.size());
            return view(row, parts);
        });
    }

    static PackageCaseView view(Row row, List<CaseView> parts) {
        List<PackageCaseView.Part> out = new ArrayList<>();
        List<PackageCaseView.Refusal> refused = new ArrayList<>();
        List<PackageCaseView.Entry> timeline = new ArrayList<>();
        for (CaseView c : parts) {
            out.add(new PackageCaseView.Part(c.id(), c.caseNumber(), c.itemName(), c.status(), c.statusLabel(), c.result(), c.resultReason(),
                    c.holder(), c.clock() == null ? null : c.clock().deadline(), c.clock() == null ? null : c.clock().daysLeft()));
            if (c.status() == CaseStatus.REJECTED || c.status() == CaseStatus.WITHDRAWN || "DENIED".equals(c.result())) {
                refused.add(new PackageCaseView.Refusal(c.id(), c.itemName(), c.status() == CaseStatus.REJECTED ? "不予受理"
                        : c.status() == CaseStatus.WITHDRAWN ? "已撤回" : "不予许可", c.resultReason()));
            }
            for (var t : c.timeline()) {
                timeline.add(new PackageCaseView.Entry(c.id(), c.itemName(), t.at(), t.action(), t.actionLabel(), t.actor(), t.window(), t.note()));
            }
        }
        timeline.sort(Comparator.comparing(PackageCaseView.Entry::at));
        boolean done = !out.isEmpty() && out.stream().allMatch(p -> (p.status() == CaseStatus.COMPLETED || p.status() == CaseStatus.DELIVERED)
                && !"DENIED".equals(p.result()));
        String status = !refused.isEmpty() ? "PARTLY_REFUSED" : done ? "DONE" : "IN_PROGRESS";
        String label = switch (status) {
            case "DONE" -> "全部办结";
            case "PARTLY_REFUSED" -> "部分事项未获办理";
            default -> "各部门并联办理中";
        };
        return new PackageCaseView(row.tenantId() + ":" + row.id(), row.packageId(), row.packageName(), row.reviewMode(), status, label,
                row.submittedAt(), out, refused, timeline, row.skipped());
    }

    private Optional<Row> find(String tenant, String citizenId, String key) {
        return jdbc.query("select * from package_case where tenant_id = ? and citizen_id = ? and idempotency_key = ?",
                (rs, n) -> row(rs), tenant, citizenId, key).stream().findFirst();
    }

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String skipped = rs.getString("skipped");
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("citizen_id"), rs.getString("package_id"),
                rs.getString("package_name"), rs.getString("review_mode"), rs.getString("request_hash"),
                rs.getTimestamp("submitted_at").toInstant(), skipped == null ? List.of()
                        : json.readValue(skipped, new tools.jackson.core.type.TypeReference<List<PackageCaseView.Skipped>>() {}));
    }
}
