package cn.zwy.tenant.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Filtered to the current tenant by {@code @TenantId}, and again by RLS. */
public interface HallSpecialDayRepository extends JpaRepository<HallSpecialDay, Long> {

    Optional<HallSpecialDay> findByHallIdAndDay(UUID hallId, LocalDate day);

    List<HallSpecialDay> findByHallIdAndDayBetween(UUID hallId, LocalDate first, LocalDate last);
}
