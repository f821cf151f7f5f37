package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideContent;
import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.CaseClass;
import cn.zwy.tenant.api.catalog.ChangeKind;
import cn.zwy.tenant.api.catalog.CrossRegionScope;
import cn.zwy.tenant.api.catalog.ItemType;
import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.SixWay;
import cn.zwy.tenant.api.catalog.TimeLimit;
import cn.zwy.tenant.api.catalog.StandardItemView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;

/**
 * One version of a guide. A DRAFT is edited in place (one per guide); publishing turns it into a
 * numbered PUBLISHED version, after which nothing changes it (a database trigger refuses). A
 * withdrawal is a WITHDRAWN version of its own. {@code content} holds a {@link GuideSnapshot} as
 * JSON; the other columns repeat parts of it for lists and filters.
 */
@Entity
@Table(name = "guide_version")
public class GuideVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "guide_id", updatable = false)
    private UUID guideId;

    private Integer number;

    @Enumerated(EnumType.STRING)
    private GuideStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    private ChangeKind changeKind;

    private String reason;

    @Column(name = "announced_at")
    private Instant announcedAt;

    @Column(name = "announced_by")
    private String announcedBy;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "standard_version_id")
    private UUID standardVersionId;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type")
    private ItemType itemType;

    @Enumerated(EnumType.STRING)
    @Column(name = "case_class")
    private CaseClass caseClass;

    private String department;

    @Column(name = "promised_limit")
    private Integer promisedLimit;

    @Enumerated(EnumType.STRING)
    @Column(name = "promised_unit")
    private LimitUnit promisedUnit;

    /** Six-ways tags as ",A,B," so that one LIKE finds a tag. */
    private String tags;

    @Column(name = "tolerated_missing")
    private boolean toleratedMissing;

    @Enumerated(EnumType.STRING)
    @Column(name = "cross_region")
    private CrossRegionScope crossRegion;

    private String content;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected GuideVersion() {}

    static GuideVersion draft(UUID guideId, StandardItemView standard, GuideContent guide, String snapshotJson) {
        GuideVersion v = new GuideVersion();
        v.id = UUID.randomUUID();
        v.guideId = guideId;
        v.status = GuideStatus.DRAFT;
        v.fill(standard, guide, snapshotJson);
        return v;
    }

    void replaceDraft(StandardItemView standard, GuideContent guide, String snapshotJson) {
        requireDraft();
        fill(standard, guide, snapshotJson);
    }

    void publish(int number, ChangeKind kind, String reason, Instant announcedAt, String by, LocalDate effectiveFrom,
                 StandardItemView standard, GuideContent guide, String snapshotJson) {
        requireDraft();
        fill(standard, guide, snapshotJson);
        this.status = GuideStatus.PUBLISHED;
        announce(number, kind, reason, announcedAt, by, effectiveFrom);
    }

    /** The withdrawal of {@code last}: the same content, announced as cancelled from a date. */
    static GuideVersion withdrawal(GuideVersion last, int number, String reason, Instant announcedAt, String by,
                                   LocalDate effectiveFrom) {
        GuideVersion v = new GuideVersion();
        v.id = UUID.randomUUID();
        v.guideId = last.guideId;
        v.status = GuideStatus.WITHDRAWN;
        v.standardVersionId = last.standardVersionId;
        v.name = last.name;
        v.itemType = last.itemType;
        v.caseClass = last.caseClass;
        v.department = last.department;
        v.promisedLimit = last.promisedLimit;
        v.promisedUnit = last.promisedUnit;
        v.tags = last.tags;
        v.toleratedMissing = last.toleratedMissing;
        v.crossRegion = last.crossRegion;
        v.content = last.content;
        v.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.announce(number, ChangeKind.CANCEL, reason, announcedAt, by, effectiveFrom);
        return v;
    }

    private void announce(int number, ChangeKind kind, String reason, Instant announcedAt, String by, LocalDate effectiveFrom) {
        this.number = number;
        this.changeKind = kind;
        this.reason = reason;
        this.announcedAt = announcedAt;
        this.announcedBy = by;
        this.effectiveFrom = effectiveFrom;
    }

    private void fill(StandardItemView standard, GuideContent guide, String snapshotJson) {
        this.standardVersionId = standard.version().id();
        this.name = standard.name();
        this.itemType = standard.itemType();
        this.caseClass = guide.caseClass();
        this.department = guide.implementingAgency();
        this.promisedLimit = guide.promisedLimit() == null ? null : guide.promisedLimit().value();
        this.promisedUnit = guide.promisedLimit() == null ? null : guide.promisedLimit().unit();
        List<SixWay> t = guide.tags() == null ? List.of() : guide.tags();
        this.tags = t.isEmpty() ? "" : t.stream().map(Enum::name).collect(Collectors.joining(",", ",", ","));
        this.toleratedMissing = Boolean.TRUE.equals(guide.toleratedMissing());
        this.crossRegion = guide.crossRegion() == null ? CrossRegionScope.NONE : guide.crossRegion();
        this.content = snapshotJson;
        this.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private void requireDraft() {
        // the database refuses it too (trigger guide_version_frozen); this says so earlier and clearly
        if (status != GuideStatus.DRAFT) throw new IllegalStateException("version " + id + " is " + status + " and never changes");
    }

    public UUID getId() { return id; }
    public String getTenantId() { return tenantId; }
    public UUID getGuideId() { return guideId; }
    public Integer getNumber() { return number; }
    public GuideStatus getStatus() { return status; }
    public ChangeKind getChangeKind() { return changeKind; }
    public String getReason() { return reason; }
    public Instant getAnnouncedAt() { return announcedAt; }
    public String getAnnouncedBy() { return announcedBy; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public String getContent() { return content; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getName() { return name; }

    /** The promised limit as stored for lists and S5 checks; null when the version has none. */
    public TimeLimit promisedLimit() {
        return promisedLimit == null ? null : new TimeLimit(promisedLimit, promisedUnit);
    }
}
