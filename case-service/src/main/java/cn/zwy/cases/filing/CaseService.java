package cn.zwy.cases.filing;

import cn.zwy.tenant.api.catalog.FormFields;
import cn.zwy.cases.api.ApplicantKind;
import cn.zwy.cases.api.CaseStatus;
import cn.zwy.cases.api.CaseView;
import cn.zwy.cases.api.CrossLevelApi;
import cn.zwy.cases.api.EntrustmentApi;
import cn.zwy.cases.api.JointReviewApi;
import cn.zwy.cases.api.CitizenActions;
import cn.zwy.cases.api.DeliveryMode;
import cn.zwy.cases.api.OneTimeNotice;
import cn.zwy.cases.api.Receipt;
import cn.zwy.cases.api.StaffActions;
import cn.zwy.cases.api.StationApi;
import cn.zwy.cases.api.SubmitCaseRequest;
import cn.zwy.common.error.ApiException;
import cn.zwy.common.error.ErrorCode;
import cn.zwy.common.events.OutboxPublisher;
import cn.zwy.common.security.Caller;
import cn.zwy.common.security.Realm;
import cn.zwy.common.tenant.DivisionCodes;
import cn.zwy.common.tenant.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Filing and handling of cases (C1–C6, C16). Every operation checks the caller here as well as in
 * the gateway: a citizen acts only on their own cases, staff only in their own tenant (and by role);
 * the transaction is bound to the case's tenant, so row-level security backs both. Each action is
 * appended to the case's record (C16) and published on the event path (no personal data in events).
 */
@Service
public class CaseService {

    static final String EVENT_PREFIX = "case.";
    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    /** Who may decide acceptance (C2) and deliver: the tenant's acceptance clerks, agents and its centre administrator. */
    static final Set<String> FRONT_DESK = Set.of("clerk", "agent", Caller.CENTRE_ADMIN);
    /** Who may approve or deny (back office, T5) */
    private static final Set<String> APPROVERS = Set.of("approver", Caller.CENTRE_ADMIN);
    private static final Set<String> ANY_STAFF = Set.of("clerk", "agent", "approver", Caller.CENTRE_ADMIN);
    private static final int MAX_MATERIALS = 50;

    private final TenantTransactions tx;
    private final CaseStore store;
    private final GuideVersions guides;
    private final CaseNumbers numbers;
    private final LocalCalendar calendar;
    private final CaseDeadlines deadlines;
    private final ApplicantPrivacy privacy;
    private final MaterialUploads uploads;
    private final OutboxPublisher outbox;
    private final CaseViews views;
    private final CaseTimers timers;
    private final DeemedApproval deemedApproval;
    private final Entrustments entrustments;
    private final JointReviews jointReviews;
    private final CrossLevel crossLevel;
    private final Supervision supervision;
    private final JsonMapper json;
    private final ApplicantNotices notices;
    private final DocumentWallet wallet;

    CaseService(ApplicantNotices notices, TenantTransactions tx, CaseStore store, GuideVersions guides, CaseNumbers numbers, LocalCalendar calendar,
                CaseDeadlines deadlines, ApplicantPrivacy privacy, MaterialUploads uploads, OutboxPublisher outbox,
                CaseViews views, CaseTimers timers, DeemedApproval deemedApproval, Entrustments entrustments, JointReviews jointReviews,
                CrossLevel crossLevel, Supervision supervision, JsonMapper json, DocumentWallet wallet) {
        this.wallet = wallet;
        this.notices = notices;
        this.supervision = supervision;
        this.crossLevel = crossLevel;
        this.jointReviews = jointReviews;
        this.timers = timers;
        this.entrustments = entrustments;
        this.deemedApproval = deemedApproval;
        this.tx = tx;
        this.store = store;
        this.guides = guides;
        this.numbers = numbers;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.privacy = privacy;
        this.uploads = uploads;
        this.outbox = outbox;
        this.views = views;
        this.json = json;
    }

    /** {@code walletDocumentId}, {@code reusedFromCase}: G4, a wallet document attached instead of an upload, and its case. */
    record StoredMaterial(String name, int copies, String uploadId, String walletDocumentId, String reusedFromCase) {}

    // ------------------------------------------------------------------ citizen

    /**
     * Files a case (C1) under the guide version in effect today and answers the receipt. A retried
     * submission (same idempotency key, same request) answers the same receipt; the same key with a
     * different request is a CONFLICT.
     */
    public Receipt submit(Caller caller, SubmitCaseRequest r) {
        requireCitizen(caller);
        if (r == null) throw ApiException.validation("body", "缺少办件申请内容");
        String key = required("idempotencyKey", r.idempotencyKey(), 100);
        String itemId = required("itemId", r.itemId(), 60);
        String tenant = tenantOfItem(itemId);
        String hash = sha256(json.writeValueAsString(r));
        try {
            return tx.write(tenant, () -> store.findByKey(tenant, caller.userId(), key)
                    .map(existing -> replay(existing, hash))
                    .orElseGet(() -> file(caller, r, tenant, key, hash, null)));
        } catch (DuplicateKeyException raced) {
            // the same submission sent twice at once: the other one made the case
            return tx.read(tenant, () -> store.findByKey(tenant, caller.userId(), key).map(e -> replay(e, hash))
                    .orElseThrow(() -> raced));
        }
    }

    /** T3: the station a submission was recorded at and the agent who carries it (their phone for the receipt, T8). */
    record Station(String site, String agentId, String agentName, String agentPhone) {}

    /** Who may record a station submission (T3): the tenant's agents (代办员), posted at a station. */
    static final String AGENT = "agent";

    /**
     * T3: an agent records an application at their village or town station for an applicant who may have
     * no account. Checked as submit (the same validation, the guide in effect today), and first who records
     * it: staff of the item's tenant, in the agent role, posted at a station of that tenant (a 9-digit town
     * or 12-digit village code under it). A retry with the same agent's idempotency key answers the same receipt.
     */
    public Receipt submitAtStation(Caller caller, StationApi.StationSubmission s) {
        if (caller.realm() != Realm.STAFF) {
            throw new ApiException(ErrorCode.FORBIDDEN, "代办点收件只能由代办员办理；申请人本人请直接提交申请（submitCase）", null, "T3");
        }
        if (s == null) throw ApiException.validation("body", "缺少办件申请内容");
        String itemId = required("itemId", s.itemId(), 60);
        String tenant = tenantOfItem(itemId);
        if (!caller.actsFor(tenant)) throw ApiException.forbidden("只能为本中心（" + tenant + "）的事项代为收件");
        if (!caller.hasRole(AGENT)) throw new ApiException(ErrorCode.FORBIDDEN, "只有代办员（agent）可以在代办点代为收件（T3）", null, "T3");
        String site = caller.site().filter(x -> !x.isBlank())
                .orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "您的账号没有所属代办点（site），不能代为收件（T3）", "site", "T3"));
        if (!site.startsWith(tenant) || (site.length() != 9 && site.length() != 12)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "所属代办点 " + site + " 不是本中心（" + tenant + "）下的乡镇或村（社区）代办点（T3）", "site", "T3");
        }
        String key = required("idempotencyKey", s.idempotencyKey(), 100);
        String phone = required("agentPhone", s.agentPhone(), 30);
        if (!phone.matches("[0-9+\\- ]{7,20}")) throw ApiException.validation("agentPhone", "代办员联系电话格式不正确: " + phone);
        Station station = new Station(site, caller.userId(), caller.displayName() == null ? caller.username() : caller.displayName(), phone);
        SubmitCaseRequest r = new SubmitCaseRequest(key, itemId, null, s.applicant(), s.contact(), s.materials(), s.deliveryMode(), null, null,
                s.formValues());
        String hash = sha256(json.writeValueAsString(s));
        try {
            return tx.write(tenant, () -> store.findByAgentKey(tenant, caller.userId(), key)
                    .map(existing -> replay(existing, hash))
                    .orElseGet(() -> file(caller, r, tenant, key, hash, station)));
        } catch (DuplicateKeyException raced) {
            return tx.read(tenant, () -> store.findByAgentKey(tenant, caller.userId(), key).map(e -> replay(e, hash))
                    .orElseThrow(() -> raced));
        }
    }

    private Receipt replay(CaseRow existing, String hash) {
        if (!existing.requestHash.equals(hash)) {
            throw ApiException.conflict("idempotencyKey", "该幂等键已用于另一份不同的申请，请为新申请使用新的幂等键");
        }
        return receipt(existing, true);
    }

    /** G3: a part case of a package filing: its uploads were claimed by the package, and the applicant hears once, from the package. */
    record PackagePart(UUID packageCaseId, String packageName) {}

    private Receipt file(Caller caller, SubmitCaseRequest r, String tenant, String key, String hash, Station station) {
        return file(caller, r, tenant, key, hash, station, null);
    }

    Receipt file(Caller caller, SubmitCaseRequest r, String tenant, String key, String hash, Station station, PackagePart part) {
        LocalDate today = Today.date();
        GuideVersion g = guides.inEffect(r.itemId(), today)
                .orElseThrow(() -> ApiException.notFound("itemId", "未找到该事项已发布的办事指南: " + r.itemId()));
        if (!g.offered()) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "该事项自 " + g.effectiveFrom() + " 起已停止办理（S6）", "itemId", "S6");
        }
        String receiving = receivingTenant(r, tenant, g);
        DeliveryMode mode = r.deliveryMode() == null ? DeliveryMode.WINDOW_PICKUP : r.deliveryMode();
        if (mode.crossRegionOnly() && receiving == null) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "该送达方式只适用于在其他地区大厅提交的办件（C12）", "deliveryMode", "C12");
        }
        SubmitCaseRequest.Applicant a = r.applicant();
        if (a == null) throw ApiException.validation("applicant", "缺少申请人信息");
        if (a.kind() == null) throw ApiException.validation("applicant.kind", "请说明申请人是个人（INDIVIDUAL）还是企业（ENTERPRISE）");
        String name = required("applicant.name", a.name(), 100);
        ApplicantPrivacy.Protected id = privacy.idNumber(a.kind(), "applicant.idNumber", a.idNumber());
        SubmitCaseRequest.Contact contact = r.contact();
        if (contact == null) throw ApiException.validation("contact", "缺少联系人信息");
        String contactName = required("contact.name", contact.name(), 100);
        ApplicantPrivacy.Protected phone = privacy.phone("contact.phone", contact.phone());
        UUID caseId = UUID.randomUUID();
        CaseView.Guidance guidance = SituationGuidance.of(g, r.guidanceAnswers(), r.materials());
        // G3: the item's own form fields, checked against the version filed under (field formValues…, rule G3)
        List<FormFields.Filled> filled = FormFields.fill(g.formFields(), r.formValues() == null ? null : r.formValues().stream()
                .map(v -> v == null ? null : new FormFields.Value(v.key(), v.value())).toList(), "formValues");
        List<StoredMaterial> materials = materials("materials", r.materials(), g, caller, tenant, caseId, part == null, r.walletConsent());

        Instant now = Instant.now();
        CaseRow c = new CaseRow();
        c.id = caseId;
        c.tenantId = tenant;
        c.caseNumber = numbers.next(tenant, today.getYear());
        // T3: a station submission has no citizen account behind it; the agent carries it
        c.citizenId = station == null ? caller.userId() : null;
        c.idempotencyKey = key;
        c.requestHash = hash;
        c.receivingTenantId = receiving;
        c.itemId = g.itemId();
        c.guideVersionId = g.versionId();
        c.guideVersion = g.number();
        c.itemName = g.name();
        c.caseClass = g.caseClass() == null ? "PROMISED" : g.caseClass();
        c.limitValue = g.promisedValue() == null ? 0 : g.promisedValue();
        c.limitUnit = g.promisedUnit() == null ? "WORKING_DAY" : g.promisedUnit();
        c.toleratedAllowed = g.toleratedMissing();
        c.applicantKind = a.kind();
        c.applicantName = name;
        c.applicantIdSealed = id.sealed();
        c.applicantIdIndex = id.index();
        c.applicantIdMasked = id.masked();
        c.contactName = contactName;
        c.contactPhoneSealed = phone.sealed();
        c.contactPhoneMasked = phone.masked();
        c.deliveryMode = mode;
        c.materials = json.writeValueAsString(materials);
        c.guidance = guidance == null ? null : json.writeValueAsString(guidance);
        c.formValues = filled.isEmpty() ? null : json.writeValueAsString(filled.stream()
                .map(f -> new CaseView.FormValue(f.key(), f.label(), f.value())).toList());
        c.packageCaseId = part == null ? null : part.packageCaseId();
        c.status = CaseStatus.SUBMITTED;
        // T8: the hall's acceptance window answers for the case until a clerk takes it
        c.firstResponsible = g.windowName() == null ? g.tenantName() + "综合受理窗口" : g.windowName();
        c.firstResponsibleTel = g.consultPhone() == null ? "" : g.consultPhone();
        if (station != null) {
            // T3, T8: the agent who takes it at the station answers for it to the end
            c.stationSite = station.site();
            c.agentId = station.agentId();
            c.agentName = station.agentName();
            c.firstResponsible = station.agentName() + "（代办员，" + station.site() + " 代办点）";
            c.firstResponsibleTel = station.agentPhone();
        }
        c.holder = c.firstResponsible;
        c.submittedAt = now;
        c.updatedAt = now;
        if (receiving != null) {
            // C12: received at another region's hall, which checks form and posts paper within 1 working day
            c.relayState = "AT_HALL";
            c.forwardDue = CrossRegionCases.oneWorkingDayAfter(today, calendar.ofCurrentTenant());
        } else if (station != null) {
            // T3: the station reports it to the centre within 2 working days (受理报送清单), by the same relay
            c.relayState = "AT_HALL";
            c.forwardDue = CrossRegionCases.workingDaysAfter(today, VillageAgency.FORWARD_WORKING_DAYS, calendar.ofCurrentTenant());
        }
        store.insert(c);
        String where = receiving != null ? "（通办：由 " + receiving + " 大厅收件，" + c.forwardDue + " 前转交属地）"
                : station != null ? "（三级代理：" + station.site() + " 代办点代办员 " + station.agentName() + " 收件，出具受理报送清单，"
                        + c.forwardDue + " 前报送中心）" : "";
        store.record(c, Actor.of(caller, station == null ? null : station.site() + " 代办点"), "SUBMITTED",
                "收件：" + materials.size() + " 项材料" + where + (guidance == null ? "" : "；情形引导：" + guidance.outcome())
                        + (part == null ? "" : "；“" + part.packageName() + "”并联办理的一项"), receiving != null ? receiving : station != null ? station.site() : null);
        if (c.relayState != null) timers.forwardDue(c);
        publish(c, "submitted");
        // G3: a package's applicant gets one receipt notice for all its parts (PackageFiling), not one per part
        if (part == null) notices.tell(c, "SUBMITTED", "已收件，收到材料 " + materials.size() + " 项；首问负责：" + c.firstResponsible
                + (c.firstResponsibleTel.isBlank() ? "" : "（电话 " + c.firstResponsibleTel + "）"));
        log.info("case {} filed under {} v{}", c.caseNumber, g.itemId(), g.number());
        return receipt(c, false);
    }

    private String receivingTenant(SubmitCaseRequest r, String owner, GuideVersion g) {
        String receiving = r.receivingTenantCode();
        if (receiving == null || receiving.isBlank() || receiving.equals(owner)) return null;
        if (!DivisionCodes.isTenant(receiving)) {
            throw ApiException.validation("receivingTenantCode", "受理地区代码格式不正确: " + receiving);
        }
        boolean allowed = switch (g.crossRegion()) {
            case "SAME_CITY" -> receiving.substring(0, 4).equals(owner.substring(0, 4));
            case "PROVINCE" -> receiving.substring(0, 2).equals(owner.substring(0, 2));
            case "NATIONWIDE" -> true;
            default -> false;
        };
        if (!allowed) {
            throw new ApiException(ErrorCode.RULE_VIOLATION, "该事项的办事指南不允许在 " + receiving + " 异地受理（通办范围："
                    + scopeLabel(g.crossRegion()) + "，S7/C12）", "receivingTenantCode", "C12");
        }
        return receiving;
    }

    private static String scopeLabel(String scope) {
        return switch (scope) {
            case "SAME_CITY" -> "同城通办";
            case "PROVINCE" -> "全省通办";
            case "NATIONWIDE" -> "跨省通办";
            default -> "仅本地受理";
        };
    }

    /**
     * The materials a submission or correction lists, checked against the guide; the uploads they
     * name become case {@code caseId}'s in this transaction (the caller's own, unexpired ones only).
     */
    private List<StoredMaterial> materials(String field, List<SubmitCaseRequest.MaterialRef> refs, GuideVersion g, Caller caller,
                                           String tenantId, UUID caseId) {
        return materials(field, refs, g, caller, tenantId, caseId, true, null);
    }

    /** {@code claim}: false for a package's part, whose uploads the package claimed once for all its parts (G3). */
    private List<StoredMaterial> materials(String field, List<SubmitCaseRequest.MaterialRef> refs, GuideVersion g, Caller caller,
                                           String tenantId, UUID caseId, boolean claim, Boolean walletConsent) {
        if (refs == null || refs.isEmpty()) throw ApiException.validation(field, "请至少提交一项申请材料");
        if (refs.size() > MAX_MATERIALS) throw ApiException.validation(field, "材料不能超过 " + MAX_MATERIALS + " 项");
        List<StoredMaterial> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            SubmitCaseRequest.MaterialRef m = refs.get(i);
            String f = field + "[" + i + "]";
            if (m == null || m.name() == null || !g.hasMaterial(m.name())) {
                throw ApiException.validation(f + ".name", "办事指南中没有这项材料: " + (m == null ? null : m.name()));
            }
            int copies = m.copies() == null ? 1 : m.copies();
            if (copies < 1 || copies > 20) throw ApiException.validation(f + ".copies", "份数应在 1 到 20 之间");
            if (m.walletDocumentId() == null) {
                out.add(new StoredMaterial(m.name(), copies, m.uploadId(), null, null));
                continue;
            }
            // G4: a document of the applicant's wallet instead of an upload, with their consent; never an expired one
            if (m.uploadId() != null) {
                throw ApiException.validation(f + ".walletDocumentId", "一项材料要么上传文件，要么引用证照夹中的文件，不能两者都有");
            }
            if (!Boolean.TRUE.equals(walletConsent)) {
                throw rule("G4", "walletConsent", "引用证照夹中的材料须经申请人同意（walletConsent: true）");
            }
            DocumentWallet.Held held = wallet.reuse(caller, m.walletDocumentId(), m.name(), f + ".walletDocumentId",
                    new CaseId(tenantId, caseId).toString(), Today.date());
            out.add(new StoredMaterial(m.name(), copies, held.uploadId(), m.walletDocumentId(), held.sourceCaseNumber()));
        }
        // the wallet's files are another case's already; only new uploads are claimed
        List<String> uploadIds = out.stream().filter(x -> x.walletDocumentId() == null).map(StoredMaterial::uploadId)
                .filter(java.util.Objects::nonNull).toList();
        if (claim) uploads.claim(caller, tenantId, uploadIds, caseId.toString(), field);
        return out;
    }

    public CaseView correct(Caller caller, String id, CitizenActions.Correct body) {
        requireCitizen(caller);
        return ownCase(caller, id, null, "CORRECTED", c -> {
            if (c.status == CaseStatus.ACCEPTED && c.toleratedMissing != null) {
                // C5: the materials accepted as missing arrive; the due-date timer finds nothing left to do
                GuideVersion g = guides.byId(c.guideVersionId).orElseThrow();
                List<StoredMaterial> added = materials("materials", body == null ? null : body.materials(), g, caller, c.tenantId, c.id);
                List<StoredMaterial> all = new ArrayList<>(readMaterials(c));
                all.addAll(added);
                c.materials = json.writeValueAsString(all);
                c.toleratedMissing = null;
                return new Outcome("TOLERATED_SUPPLIED", "补齐容缺材料 " + added.size() + " 项");
            }
            if (c.status != CaseStatus.CORRECTION_REQUIRED) {
                throw rule("C2", "status", "该办件没有待补正的一次性告知书");
            }
            GuideVersion g = guides.byId(c.guideVersionId).orElseThrow();
            List<StoredMaterial> added = materials("materials", body == null ? null : body.materials(), g, caller, c.tenantId, c.id);
            List<StoredMaterial> all = new ArrayList<>(readMaterials(c));
            all.addAll(added);
            c.materials = json.writeValueAsString(all);
            LocalDate today = Today.date();
            store.answerNotice(c);
            store.closePauses(c, today);
            // C4: counting restarts from the day the corrected materials arrive
            c.clockStart = today;
            c.status = CaseStatus.SUBMITTED;
            return "补正材料 " + added.size() + " 项，期限自 " + today + " 起重新计算";
        });
    }

    public CaseView withdraw(Caller caller, String id, CitizenActions.Withdraw body) {
        requireCitizen(caller);
        return ownCase(caller, id, null, "WITHDRAWN", c -> {
            if (c.status != CaseStatus.SUBMITTED && c.status != CaseStatus.CORRECTION_REQUIRED && c.status != CaseStatus.ACCEPTED) {
                throw rule("C13", "status", "办件" + c.status.label() + "，不能再撤回");
            }
            store.closePauses(c, Today.date());
            if ("OPEN".equals(c.agencyState)) {
                // C13: the applicant's withdrawal ends the remote agency early
                c.agencyState = "ENDED_EARLY";
                c.agencyEndReason = "APPLICANT_WITHDREW";
            }
            c.status = CaseStatus.WITHDRAWN;
            c.deadline = null;
            String reason = body == null || body.reason() == null || body.reason().isBlank() ? "申请人撤回" : trimmed("reason", body.reason(), 500);
            return reason;
        });
    }

    public CaseView confirmDelivery(Caller caller, String id) {
        requireCitizen(caller);
        return ownCase(caller, id, null, "DELIVERY_CONFIRMED", c -> {
            if (c.status != CaseStatus.DELIVERED || c.deliveryConfirmedAt != null) {
                throw rule(null, "status", c.status == CaseStatus.DELIVERED ? "已确认收到办理结果" : "办理结果尚未送达，不能确认");
            }
            c.deliveryConfirmedAt = c.updatedAt;
            return "申请人确认收到办理结果";
        });
    }

    // ------------------------------------------------------------------ staff

    public CaseView accept(Caller caller, String id, StaffActions.Accept body) {
        return staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(), "ACCEPTED", c -> {
            if (c.notYetArrived()) throw CrossRegionCases.notArrived(c);
            if (c.status == CaseStatus.CORRECTION_REQUIRED) {
                throw rule("C2", "status", "一次性告知的材料尚未补正，不能受理");
            }
            if (c.status != CaseStatus.SUBMITTED) throw rule("C2", "status", "办件" + c.status.label() + "，不能受理");
            LocalDate today = Today.date();
            List<String> missing = body.toleratedMissing() == null ? List.of() : body.toleratedMissing();
            if (!missing.isEmpty()) {
                if (!c.toleratedAllowed) throw rule("C5", "toleratedMissing", "该事项不在容缺受理目录中，材料不全不能受理");
                GuideVersion g = guides.byId(c.guideVersionId).orElseThrow();
                for (int i = 0; i < missing.size(); i++) {
                    if (!g.toleratesMissing(missing.get(i))) {
                        throw rule("C5", "toleratedMissing[" + i + "]", "该材料不允许容缺（须为办事指南标明可容缺的次要材料）: " + missing.get(i));
                    }
                }
                if (body.toleratedDue() == null || !body.toleratedDue().isAfter(today)) {
                    throw ApiException.validation("toleratedDue", "容缺受理须给出今天之后的补齐期限");
                }
                c.toleratedMissing = json.writeValueAsString(missing);
                c.toleratedDue = body.toleratedDue();
            }
            c.acceptedOn = today;
            if (c.clockStart == null) c.clockStart = today;
            c.status = CaseStatus.ACCEPTED;
            // G4: the accepted materials go into the applicant's wallet
            wallet.keepAccepted(c, readMaterials(c), today);
            c.holder = actorLabel(caller, body.window());
            WorkingCalendar cal = calendar.ofCurrentTenant();
            CaseClock.Facts facts = deadlines.facts(c);
            c.deadline = CaseClock.deadline(facts, cal, today);
            if (c.toleratedDue != null) timers.toleratedDue(c);
            // C10: a joint case's departments are named in this one notice, and their reviews start today
            JointReviews.Opened joint = jointReviews.open(c, body.jointDepartments(), facts, cal, today);
            if (joint != null) timers.jointReviews(c, joint);
            boolean instant = "INSTANT".equals(c.caseClass) && missing.isEmpty();
            boolean deemed = !instant && deemedApproval.promiseAtAcceptance(c, today);
            String notice = "受理通知书：已受理，承诺于 " + c.deadline + " 前办结" + (deemed ? DeemedApproval.NOTICE : "") + (missing.isEmpty() ? ""
                    : "；容缺受理，请于 " + c.toleratedDue + " 前补齐：" + String.join("、", missing))
                    + (joint == null ? "" : joint.notice());
            if (instant) {
                // C3: an instant item with complete materials is finished on the spot
                store.update(c);
                store.record(c, Actor.of(caller, body.window()), "ACCEPTED", notice);
                publish(c, "accepted");
                notices.tell(c, "ACCEPTED", notice);
                c.updatedAt = Instant.now();
                c.status = CaseStatus.COMPLETED;
                c.result = "APPROVED";
                c.resultReason = "即办件当场办结";
                wallet.keepResult(c, today);
                if (c.relayState != null && c.deliveryMode.crossRegionOnly()) {
                    // C12: the result goes back within 1 working day of completion, as for any other completion
                    c.resultDue = CrossRegionCases.oneWorkingDayAfter(today, cal);
                    timers.resultDue(c);
                }
                return new Outcome("COMPLETED", "即办件材料齐全，当场办结（C3）" + supervision.push(c));
            }
            timers.deadlineSet(c, facts, cal);
            return notice;
        });
    }

    /**
     * C2: the one-time notice. The owner's front desk issues it before deciding on acceptance; a hall
     * that received the case for its owner (C12) issues it when its form check (形式审查) finds the
     * application incomplete, before forwarding — at its own place, under its own tenant's binding.
     */
    public CaseView issueOneTimeNotice(Caller caller, String id, StaffActions.Notice body) {
        Long version = body == null ? null : body.version();
        String window = body == null ? null : body.window();
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() == Realm.STAFF && !caller.actsFor(cid.tenantCode())) {
            return receivingHallAction(caller, id, FRONT_DESK, version, window, "ONE_TIME_NOTICE", c -> {
                if (!"AT_HALL".equals(c.relayState)) throw rule("C12", "status", "该通办件已转交属地，补正告知由属地发出");
                return oneTimeNotice(c, caller, body, "形式审查未通过，");
            });
        }
        return staffAction(caller, id, FRONT_DESK, version, window, "ONE_TIME_NOTICE", c -> {
            if (c.notYetArrived()) throw CrossRegionCases.notArrived(c);
            return oneTimeNotice(c, caller, body, "");
        });
    }

    /** The notice itself, inside the action: every item at once, once per round (C2); the applicant's time is paused (C4). */
    private String oneTimeNotice(CaseRow c, Caller caller, StaffActions.Notice body, String prefix) {
        if (c.status == CaseStatus.CORRECTION_REQUIRED) {
            throw rule("C2", "items", "本轮已发出一次性告知书（第 " + c.noticeRound + " 轮），须一次告知全部问题，不能再次告知");
        }
        if (c.status != CaseStatus.SUBMITTED) throw rule("C2", "status", "办件" + c.status.label() + "，不能再发一次性告知书");
        List<OneTimeNotice.Item> items = body.items();
        if (items == null || items.isEmpty()) throw ApiException.validation("items", "一次性告知书须列出全部缺少或不符合要求的材料");
        List<OneTimeNotice.Item> clean = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OneTimeNotice.Item it = items.get(i);
            String f = "items[" + i + "]";
            if (it == null) throw ApiException.validation(f, "告知事项为空");
            String material = required(f + ".material", it.material(), 200);
            String problem = it.problem() == null ? "" : it.problem();
            if (!problem.equals("MISSING") && !problem.equals("FAULTY")) {
                throw ApiException.validation(f + ".problem", "请说明是缺少（MISSING）还是不符合要求（FAULTY）");
            }
            String fix = required(f + ".howToFix", it.howToFix(), 500);
            clean.add(new OneTimeNotice.Item(material, problem, fix));
        }
        c.noticeRound++;
        c.status = CaseStatus.CORRECTION_REQUIRED;
        store.insertNotice(c, json.writeValueAsString(clean), caller.displayName(), body.window());
        // C4: the applicant's correction time is theirs, a fact on the case
        store.openPause(c, "CORRECTION", Today.date());
        return prefix + "一次性告知书（第 " + c.noticeRound + " 轮）：" + clean.size() + " 项材料需补正";
    }

    public CaseView reject(Caller caller, String id, StaffActions.Reject body) {
        return staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(), "REJECTED", c -> {
            if (c.notYetArrived()) throw CrossRegionCases.notArrived(c);
            if (c.status != CaseStatus.SUBMITTED && c.status != CaseStatus.CORRECTION_REQUIRED) {
                throw rule("C2", "status", "办件" + c.status.label() + "，不能再作不予受理决定");
            }
            String reason = required("reason", body.reason(), 500);
            String body2 = required("competentBody", body.competentBody(), 200);
            store.closePauses(c, Today.date());
            c.status = CaseStatus.REJECTED;
            c.result = null;
            c.resultReason = reason;
            c.holder = null;
            return "不予受理决定书：" + reason + "；请向" + body2 + "申请";
        });
    }

    /**
     * T5: the front desk (or the centre administrator) hands an accepted case to one of the tenant's
     * departments; its chief representative holds the approval authority. Again to another department
     * moves it.
     */
    public CaseView assign(Caller caller, String id, StaffActions.Assign body) {
        return staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(), "ASSIGNED", c -> {
            if (c.status != CaseStatus.ACCEPTED) throw rule(null, "status", "办件" + c.status.label() + "，只有办理中的办件可以分派");
            UUID department;
            try {
                department = UUID.fromString(required("departmentId", body.departmentId(), 60));
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("departmentId", "部门编号格式不正确: " + body.departmentId());
            }
            if (department.equals(c.departmentId)) throw rule(null, "departmentId", "办件已分派给该部门");
            // the tenant's own departments only: row-level security hides every other tenant's
            String name = store.departmentName(department)
                    .orElseThrow(() -> ApiException.notFound("departmentId", "本中心没有这个部门：" + department));
            c.departmentId = department;
            c.holder = name + "（首席代表审批）";
            return "分派至" + name + "审批（T5）";
        });
    }

    public CaseView complete(Caller caller, String id, StaffActions.Complete body) {
        return staffAction(caller, id, APPROVERS, body == null ? null : body.version(), body == null ? null : body.window(), "COMPLETED", c -> {
            if (c.status != CaseStatus.ACCEPTED) throw rule("C2", "status", "办件" + c.status.label() + "，须先受理才能办结");
            if (body.approved() == null) throw ApiException.validation("approved", "请说明准予（true）还是不予（false）");
            if (!body.approved() && (body.reason() == null || body.reason().isBlank())) {
                throw ApiException.validation("reason", "不予批准须说明理由");
            }
            jointReviews.checkCompletion(c, body.approved());
            crossLevel.checkCompletion(c, body.approved());
            c.status = CaseStatus.COMPLETED;
            c.result = body.approved() ? "APPROVED" : "DENIED";
            c.resultReason = body.reason() == null ? null : trimmed("reason", body.reason(), 500);
            c.holder = actorLabel(caller, body.window());
            // G4: the result of an approved case goes into the applicant's wallet
            wallet.keepResult(c, Today.date());
            // C15: the result and the materials' references go to the item's supervising department with the decision
            String decided = (body.approved() ? "准予" : "不予批准") + (c.resultReason == null ? "" : "：" + c.resultReason)
                    + supervision.push(c);
            if (c.relayState != null && c.deliveryMode.crossRegionOnly()) {
                // C12: the result goes back within 1 working day of completion
                c.resultDue = CrossRegionCases.oneWorkingDayAfter(Today.date(), calendar.ofCurrentTenant());
                timers.resultDue(c);
                return decided + "；结果须于 " + c.resultDue + " 前按所选方式寄回或转交（C12）";
            }
            return decided;
        });
    }

    public CaseView deliver(Caller caller, String id, StaffActions.Deliver body) {
        return staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(), "DELIVERED", c -> {
            if (c.status != CaseStatus.COMPLETED) throw rule(null, "status", "办件" + c.status.label() + "，尚无可送达的办理结果");
            if (c.relayState != null && c.deliveryMode.crossRegionOnly()) {
                throw rule("C12", "status", "通办件的结果按所选送达方式寄回或转交（returnResult / handOverResult），不在本窗口直接送达");
            }
            if (c.stationSite != null && !c.carriedBy(caller)) {
                // T3: the agent who carries the case answers the applicant and hands the result over
                throw rule("T3", "id", "该办件由 " + c.stationSite + " 代办点受理，由代办员 " + c.agentName + " 将办理结果送达申请人");
            }
            CrossRegionCases.agencyDone(c);
            c.status = CaseStatus.DELIVERED;
            c.deliveredAt = c.updatedAt;
            c.holder = null;
            // the promised deadline stays on the case: the applicant sees whether it was kept (the clock no
            // longer runs, the inbox and the timers go by status)
            String note = body.note() == null || body.note().isBlank() ? null : trimmed("note", body.note(), 200);
            String by = c.stationSite == null ? "" : "，代办员 " + caller.displayName() + " 送达申请人（T3）";
            return "结果已送达（" + c.deliveryMode.name() + "）" + by + (note == null ? "" : "：" + note);
        });
    }

    public CaseView requestExtension(Caller caller, String id, StaffActions.RequestExtension body) {
        return staffAction(caller, id, ANY_STAFF, body == null ? null : body.version(), body == null ? null : body.window(), "EXTENSION_REQUESTED", c -> {
            if (c.status != CaseStatus.ACCEPTED) throw rule("C6", "status", "只有办理中的办件可以申请延期");
            if (c.extensionState != null) throw rule("C6", "status", "该办件已申请过延期");
            LocalDate today = Today.date();
            if (today.isAfter(c.deadline)) throw rule("C6", "status", "期限已于 " + c.deadline + " 届满，不能再申请延期（C6/C7）");
            if (body.days() == null || body.days() < 1 || body.days() > Math.max(1, c.limitValue)) {
                throw ApiException.validation("days", "延期天数应在 1 到 " + Math.max(1, c.limitValue) + " 之间");
            }
            c.extensionDays = body.days();
            c.extensionReason = required("reason", body.reason(), 500);
            c.extensionState = "REQUESTED";
            c.extensionBy = caller.displayName();
            return "申请延期 " + body.days() + " 日：" + c.extensionReason;
        });
    }

    public CaseView decideExtension(Caller caller, String id, StaffActions.DecideExtension body) {
        CaseId cid = CaseId.parse("id", id);
        if (!caller.isCentreAdminOf(cid.tenantCode())) {
            throw ApiException.forbidden("延期须由本中心负责人（中心管理员）批准（C6）");
        }
        return staffAction(caller, id, Set.of(Caller.CENTRE_ADMIN), body == null ? null : body.version(), "中心管理员", "EXTENSION_DECIDED", c -> {
            if (!"REQUESTED".equals(c.extensionState)) throw rule("C6", "status", "该办件没有待批准的延期申请");
            if (body.approved() == null) throw ApiException.validation("approved", "请说明批准（true）还是不批准（false）");
            LocalDate today = Today.date();
            if (today.isAfter(c.deadline)) throw rule("C6", "approved", "期限已于 " + c.deadline + " 届满，延期须在期限届满前批准并告知申请人");
            c.extensionState = body.approved() ? "APPROVED" : "REFUSED";
            c.extensionDecidedBy = caller.displayName();
            if (body.approved()) {
                WorkingCalendar cal = calendar.ofCurrentTenant();
                CaseClock.Facts facts = deadlines.facts(c);
                c.deadline = CaseClock.deadline(facts, cal, today);
                timers.deadlineSet(c, facts, cal);
                return "批准延期 " + c.extensionDays + " 日，已告知申请人：办结期限延至 " + c.deadline;
            }
            return "不批准延期" + (body.note() == null ? "" : "：" + trimmed("note", body.note(), 200));
        });
    }

    // ------------------------------------------------------------------ plumbing

    /** The change an action made and, where it differs from the action's name, the recorded action. */
    /** C14: the front desk records the written entrustment of an open case (once). */
    public CaseView recordEntrustment(Caller caller, String id, EntrustmentApi.Record body) {
        return staffAction(caller, id, FRONT_DESK, body == null ? null : body.version(), body == null ? null : body.window(), "ENTRUSTED",
                c -> entrustments.record(c, caller, body.window(), body));
    }

    /** C10: a department of a joint case gives its opinion (its approver, for the department). */
    public CaseView answerJointReview(Caller caller, String id, JointReviewApi.Answer body) {
        return staffAction(caller, id, APPROVERS, body == null ? null : body.version(), body == null ? null : body.window(),
                "JOINT_REVIEW_ANSWERED", c -> jointReviews.answer(c, caller, body.window(), body));
    }

    /** C10: a department's part goes up to its upper authority (上报), due within 7 working days of acceptance. */
    public CaseView escalateJointReview(Caller caller, String id, JointReviewApi.Escalate body) {
        return staffAction(caller, id, ANY_STAFF, body == null ? null : body.version(), body == null ? null : body.window(),
                "JOINT_ESCALATED", c -> jointReviews.escalate(c, body));
    }

    /** C10: the upper authority's reply is recorded, and the applicant is told of it in the same transaction. */
    public CaseView recordJointUpperReply(Caller caller, String id, JointReviewApi.UpperReply body) {
        return staffAction(caller, id, ANY_STAFF, body == null ? null : body.version(), body == null ? null : body.window(),
                "JOINT_UPPER_REPLY", c -> jointReviews.upperReply(c, caller, body.window(), body));
    }

    /** C11: the first-receiving unit sends the accepted, reviewed case up to the level above on the platform. */
    public CaseView escalateCase(Caller caller, String id, CrossLevelApi.Escalate body) {
        return staffAction(caller, id, ANY_STAFF, body == null ? null : body.version(), body == null ? null : body.window(),
                "ESCALATED_UP", c -> crossLevel.escalate(c, caller, body));
    }

    /** C11: the upper level's reply to a case sent up to it, recorded at its place. */
    public CaseView replyToEscalation(Caller caller, String id, CrossLevelApi.Reply body) {
        return placeAction(caller, id, APPROVERS, body == null ? null : body.version(), body == null ? null : body.window(),
                "UPPER_LEVEL_REPLIED", (place, c) -> place.equals(c.escalatedTo), c -> crossLevel.reply(c, caller, body.window(), body));
    }

    record Outcome(String action, String note) {}

    @FunctionalInterface
    interface Change {
        Object apply(CaseRow c);
    }

    CaseView staffAction(Caller caller, String id, Set<String> roles, Long version, String window, String action, Change change) {
        return staffAction(caller, id, roles, version, window, action, c -> null, change);
    }

    /**
     * A staff action on a case of the caller's own tenant; {@code refusal} may refuse this caller for this
     * case (an error, or null) before anything else is looked at. A step taken by staff posted at the case's
     * station (T3) is recorded at that station's place.
     */
    CaseView staffAction(Caller caller, String id, Set<String> roles, Long version, String window, String action,
                         java.util.function.Function<CaseRow, ApiException> refusal, Change change) {
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() != Realm.STAFF) throw ApiException.forbidden("只有工作人员可以办理");
        if (!caller.actsFor(cid.tenantCode())) throw ApiException.forbidden("只能办理本中心的办件");
        if (roles.stream().noneMatch(caller::hasRole)) throw ApiException.forbidden("当前岗位无权执行该操作");
        if (version == null) throw ApiException.validation("version", "请给出办件的版本号（version），以免覆盖他人的处理");
        String w = required("window", window, 100);
        return tx.write(cid.tenantCode(), () -> {
            CaseRow c = store.find(cid.tenantCode(), cid.id()).orElseThrow(() -> notFound(id));
            ApiException refused = refusal.apply(c);
            if (refused != null) throw refused;
            if (c.version != version) throw CaseStore.stale();
            String place = c.stationSite != null && caller.site().filter(c.stationSite::equals).isPresent() ? c.stationSite : null;
            apply(c, Actor.of(caller, w), action, change, place);
            return views.view(c, true);
        });
    }

    private CaseView ownCase(Caller caller, String id, String window, String action, Change change) {
        CaseId cid = CaseId.parse("id", id);
        return tx.write(cid.tenantCode(), () -> {
            CaseRow c = store.find(cid.tenantCode(), cid.id()).filter(r -> r.filedBy(caller))
                    .orElseThrow(() -> notFound(id));
            apply(c, Actor.of(caller, window), action, change);
            return views.view(c, false);
        });
    }

    /**
     * C12: an action of the hall that received the case for its owner. The transaction is bound to the
     * caller's own tenant: row-level security shows it the cases received there and nothing else, so a
     * case of the owner's that was not received here is NOT_FOUND, as if absent.
     */
    CaseView receivingHallAction(Caller caller, String id, Set<String> roles, Long version, String window, String action, Change change) {
        return placeAction(caller, id, roles, version, window, action, (hall, c) -> hall.equals(c.receivingTenantId), change);
    }

    /**
     * An action on another tenant's case by a tenant that the case reaches ({@code reaches}: the hall that
     * received it, C12; the level it was sent up to, C11). The transaction is bound to the caller's own
     * tenant, whose row-level security policies show it exactly those cases; any other is NOT_FOUND.
     */
    private CaseView placeAction(Caller caller, String id, Set<String> roles, Long version, String window, String action,
                                 java.util.function.BiPredicate<String, CaseRow> reaches, Change change) {
        CaseId cid = CaseId.parse("id", id);
        if (caller.realm() != Realm.STAFF) throw ApiException.forbidden("只有工作人员可以办理");
        String hall = caller.tenant().filter(caller::actsFor)
                .orElseThrow(() -> ApiException.forbidden("只能以本中心工作人员的身份办理"));
        if (roles.stream().noneMatch(caller::hasRole)) throw ApiException.forbidden("当前岗位无权执行该操作");
        if (version == null) throw ApiException.validation("version", "请给出办件的版本号（version），以免覆盖他人的处理");
        String w = required("window", window, 100);
        return tx.write(hall, () -> {
            CaseRow c = store.find(cid.tenantCode(), cid.id()).filter(r -> reaches.test(hall, r))
                    .orElseThrow(() -> notFound(id));
            if (c.version != version) throw CaseStore.stale();
            apply(c, Actor.of(caller, w), action, change);
            return views.view(c, true);
        });
    }

    void apply(CaseRow c, Actor actor, String action, Change change) {
        apply(c, actor, action, change, null);
    }

    /** As {@link #apply(CaseRow, Actor, String, Change)}, recorded at {@code place} (null: where the transaction is bound). */
    void apply(CaseRow c, Actor actor, String action, Change change, String place) {
        c.updatedAt = Instant.now();
        Object result = change.apply(c);
        String recorded = action;
        String note;
        if (result instanceof Outcome o) {
            recorded = o.action();
            note = o.note();
        } else {
            note = (String) result;
        }
        store.update(c);
        store.record(c, actor, recorded, note, place);
        publish(c, recorded.toLowerCase(Locale.ROOT));
        notices.tell(c, recorded, note);
    }


    private void publish(CaseRow c, String what) {
        outbox.publish(EVENT_PREFIX + what, c.tenantId, "case", c.publicId().toString(), Map.of(
                "caseId", c.publicId().toString(), "caseNumber", c.caseNumber, "tenantCode", c.tenantId,
                "itemId", c.itemId, "status", c.status.name(), "deadline", String.valueOf(c.deadline),
                "version", c.version));
    }

    Receipt receipt(CaseRow c, boolean replayed) {
        WorkingCalendar cal = calendar.ofCurrentTenant();
        LocalDate start = c.submittedAt.atZone(Today.ZONE).toLocalDate();
        CaseClock.Facts facts = new CaseClock.Facts(start, c.limitValue, c.unit(), List.of(), 0);
        CaseClock.Reading reading = CaseClock.read(facts, cal, start, 100);
        List<Receipt.ReceivedMaterial> materials = readMaterials(c).stream()
                .map(m -> new Receipt.ReceivedMaterial(m.name(), m.copies(), m.uploadId() != null, m.reusedFromCase())).toList();
        return new Receipt(c.publicId().toString(), c.caseNumber, c.tenantId, c.itemName, c.guideVersion, c.submittedAt,
                materials, reading.deadline(), new Receipt.Responsible(c.firstResponsible, c.firstResponsibleTel),
                reading.warnings(), replayed);
    }

    List<StoredMaterial> readMaterials(CaseRow c) {
        return json.readValue(c.materials, new TypeReference<List<StoredMaterial>>() {});
    }

    static String actorLabel(Caller caller, String window) {
        return caller.displayName() + "（" + window + "）";
    }

    static String tenantOfItem(String itemId) {
        int colon = itemId.indexOf(':');
        String tenant = colon < 0 ? "" : itemId.substring(0, colon);
        if (!DivisionCodes.isTenant(tenant)) {
            throw ApiException.validation("itemId", "事项编号格式不正确（应为 区划代码:UUID）: " + itemId);
        }
        return tenant;
    }

    static void requireCitizen(Caller caller) {
        if (caller.realm() != Realm.CITIZEN) throw ApiException.forbidden("只有申请人本人（公众账号）可以执行该操作");
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("id", "未找到该办件: " + id);
    }

    static ApiException rule(String rule, String field, String message) {
        return new ApiException(ErrorCode.RULE_VIOLATION, message, field, rule);
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) throw ApiException.validation(field, "缺少 " + field);
        return trimmed(field, value, max);
    }

    static String trimmed(String field, String value, int max) {
        String v = value.trim();
        if (v.length() > max) throw ApiException.validation(field, field + " 不能超过 " + max + " 个字符");
        return v;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
