package cn.zwy.tenant.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;

/** A tenant's own closure ({@code working = false}) or extra working day ({@code working = true}). */
@Entity
@Table(name = "tenant_calendar_day")
public class TenantCalendarDay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "date", nullable = false, updatable = false)
    private LocalDate day;

    private boolean working;

    private String reason;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TenantCalendarDay() {}

    public TenantCalendarDay(LocalDate day) {
        this.day = day;
    }

    void set(boolean working, String reason, String updatedBy) {
        this.working = working;
        this.reason = reason;
        this.updatedBy = updatedBy;
        this.updatedAt = Instant.now();
    }

    public LocalDate getDay() { return day; }

    public boolean isWorking() { return working; }

    public String getReason() { return reason; }

    public String getUpdatedBy() { return updatedBy; }

    public Instant getUpdatedAt() { return updatedAt; }
}
