package cn.zwy.cases.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.cases.filing.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slots from the hall's hours, breaks, special days and the working calendar (A1, A3, A4). */
class ScheduleTest {

    private static final Schedule.Period AM = new Schedule.Period(LocalTime.of(8, 30), LocalTime.of(11, 30));
    private static final Schedule.Period PM = new Schedule.Period(LocalTime.of(14, 30), LocalTime.of(17, 30));
    private static final Schedule.Hall HALL = hall();
    // 2026-10-01 (Thu) is a statutory day off, 2026-10-10 (Sat) a make-up workday, 2026-12-18 (Fri) a tenant closure
    private static final WorkingCalendar CAL = new WorkingCalendar() {
        @Override
        public boolean working(LocalDate d) {
            if (d.equals(LocalDate.of(2026, 10, 1)) || d.equals(LocalDate.of(2026, 12, 18))) return false;
            if (d.equals(LocalDate.of(2026, 10, 10))) return true;
            return d.getDayOfWeek().getValue() <= 5;
        }

        @Override
        public boolean closed(LocalDate d) {
            return Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 18)).contains(d);
        }

        @Override
        public boolean loaded(int year) { return true; }
    };

    private static Schedule.Hall hall() {
        Map<DayOfWeek, List<Schedule.Period>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(AM, PM));
        }
        return new Schedule.Hall(UUID.randomUUID(), "441825", "连山县政务服务中心", weekly);
    }

    private static List<String> times(LocalDate d, Schedule.SpecialDay special) {
        return Schedule.starts(d, Schedule.periodsOn(d, HALL, special, CAL), 30).stream()
                .map(LocalDateTime::toLocalTime).map(LocalTime::toString).toList();
    }

    @Test
    void aWorkdayHasSlotsInItsPeriodsAndNoneInTheBreak_A4() {
        List<String> t = times(LocalDate.of(2026, 12, 15), null);
        assertThat(t).hasSize(12).startsWith("08:30", "09:00").contains("11:00", "14:30", "17:00")
                .doesNotContain("11:30", "12:00", "14:00", "17:30");
    }

    @Test
    void weekendsHolidaysAndClosuresHaveNoneUnlessTheHallOpensThem_A1_A3() {
        assertThat(times(LocalDate.of(2026, 12, 19), null)).as("a Saturday").isEmpty();
        assertThat(times(LocalDate.of(2026, 10, 1), null)).as("National Day").isEmpty();
        assertThat(times(LocalDate.of(2026, 12, 18), null)).as("a tenant closure").isEmpty();
        assertThat(times(LocalDate.of(2026, 10, 10), null)).as("a make-up Saturday gets the workday hours").hasSize(12);
        // a weekend booking day and an off-hours evening session the hall opens
        Schedule.SpecialDay saturday = new Schedule.SpecialDay(false, List.of(new Schedule.Period(LocalTime.of(9, 0), LocalTime.of(12, 0))), "周六预约办理日");
        assertThat(times(LocalDate.of(2026, 12, 19), saturday)).containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "11:30");
        Schedule.SpecialDay holiday = new Schedule.SpecialDay(false, List.of(new Schedule.Period(LocalTime.of(18, 0), LocalTime.of(19, 0))), "错时服务");
        assertThat(times(LocalDate.of(2026, 10, 1), holiday)).containsExactly("18:00", "18:30");
        assertThat(times(LocalDate.of(2026, 12, 15), new Schedule.SpecialDay(true, List.of(), "停电"))).as("a special closure").isEmpty();
    }

    @Test
    void aSlotNeverSpansTheEndOfAPeriodOrMidnight() {
        Schedule.SpecialDay odd = new Schedule.SpecialDay(false, List.of(new Schedule.Period(LocalTime.of(9, 0), LocalTime.of(9, 50)),
                new Schedule.Period(LocalTime.of(23, 0), LocalTime.of(23, 59))), "测试");
        assertThat(times(LocalDate.of(2026, 12, 15), odd)).containsExactly("09:00", "23:00");
    }

    @Test
    void aSlotIdSaysWhichSlotItIs() {
        SlotId id = new SlotId("441825", HALL.id(), LocalDateTime.of(2026, 12, 15, 8, 30));
        assertThat(id.toString()).isEqualTo("441825:" + HALL.id() + ":202612150830");
        assertThat(SlotId.parse("slotId", id.toString())).isEqualTo(id);
        for (String bad : new String[] {null, "441825:x:202612150830", "441825:" + HALL.id() + ":202613150830", "44:" + HALL.id() + ":202612150830"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlotId.parse("slotId", bad))
                    .isInstanceOf(cn.zwy.common.error.ApiException.class).hasFieldOrPropertyWithValue("field", "slotId");
        }
    }
}
