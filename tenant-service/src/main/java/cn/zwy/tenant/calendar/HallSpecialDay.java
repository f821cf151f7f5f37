package cn.zwy.tenant.calendar;

import cn.zwy.tenant.api.hall.TimeRange;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A day on which a hall departs from its weekly hours: closed, or open with its own periods
 * (e.g. a weekend booking day, A1/A3). It wins over the working-day calendar for that hall.
 */
@Entity
@Table(name = "hall_special_day")
public class HallSpecialDay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "hall_id", nullable = false, updatable = false)
    private UUID hallId;

    @Column(name = "date", nullable = false, updatable = false)
    private LocalDate day;

    private boolean closed;

    @Convert(converter = PeriodsConverter.class)
    private List<TimeRange> periods;

    private String reason;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected HallSpecialDay() {}

    public HallSpecialDay(UUID hallId, LocalDate day) {
        this.hallId = hallId;
        this.day = day;
    }

    void set(boolean closed, List<TimeRange> periods, String reason, String updatedBy) {
        this.closed = closed;
        this.periods = closed ? List.of() : List.copyOf(periods);
        this.reason = reason;
        this.updatedBy = updatedBy;
        this.updatedAt = Instant.now();
    }

    public UUID getHallId() { return hallId; }

    public LocalDate getDay() { return day; }

    public boolean isClosed() { return closed; }

    public List<TimeRange> getPeriods() { return periods; }

    public String getReason() { return reason; }

    public String getUpdatedBy() { return updatedBy; }

    public Instant getUpdatedAt() { return updatedAt; }
}
