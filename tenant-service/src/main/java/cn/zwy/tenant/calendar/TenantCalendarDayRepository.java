package cn.zwy.tenant.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface TenantCalendarDayRepository extends JpaRepository<TenantCalendarDay, Long> {

    Optional<TenantCalendarDay> findByDay(LocalDate day);

    List<TenantCalendarDay> findByDayBetween(LocalDate first, LocalDate last);
}
