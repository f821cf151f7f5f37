package cn.zwy.tenant.catalog.standard;

import cn.zwy.tenant.api.catalog.ChangeKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One announced change of a standard item (S6). Append-only: the database refuses updates. */
@Entity
@Immutable
@Table(name = "standard_item_version")
public class StandardItemVersion {

    @Id
    private UUID id;

    @Column(name = "item_id")
    private UUID itemId;

    private int number;

    @Enumerated(EnumType.STRING)
    private ChangeKind kind;

    private String reason;

    private boolean urgent;

    @Column(name = "announced_at")
    private Instant announcedAt;

    @Column(name = "announced_by")
    private String announcedBy;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    private String name;

    /** {@link StandardItemContent} as JSON. */
    private String content;

    protected StandardItemVersion() {}

    StandardItemVersion(UUID itemId, int number, ChangeKind kind, String reason, boolean urgent, Instant announcedAt,
                        String announcedBy, LocalDate effectiveFrom, String name, String content) {
        this.id = UUID.randomUUID();
        this.itemId = itemId;
        this.number = number;
        this.kind = kind;
        this.reason = reason;
        this.urgent = urgent;
        this.announcedAt = announcedAt;
        this.announcedBy = announcedBy;
        this.effectiveFrom = effectiveFrom;
        this.name = name;
        this.content = content;
    }

    public UUID getId() { return id; }
    public UUID getItemId() { return itemId; }
    public int getNumber() { return number; }
    public ChangeKind getKind() { return kind; }
    public String getReason() { return reason; }
    public boolean isUrgent() { return urgent; }
    public Instant getAnnouncedAt() { return announcedAt; }
    public String getAnnouncedBy() { return announcedBy; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public String getName() { return name; }
    public String getContent() { return content; }
}
