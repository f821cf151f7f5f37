package cn.zwy.tenant.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.TimeRange;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static DayHours day(DayOfWeek d, String... times) {
        List<TimeRange> periods = new java.util.ArrayList<>();
        for (int i = 0; i < times.length; i += 2) periods.add(new TimeRange(times[i], times[i + 1]));
        return new DayHours(d, periods);
    }

    private static String fieldOf(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void workdayHoursWithLunchBreakAreAccepted_A4() {
        OpeningHours h = OpeningHours.validated("openingHours", List.of(
                day(DayOfWeek.FRIDAY, "14:30", "17:30", "08:30", "11:30"), day(DayOfWeek.MONDAY, "08:30", "11:30")));
        // canonical order: weekdays Monday first, periods by time
        assertThat(h.days().getFirst().weekday()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(h.days().get(1).periods().getFirst().opens()).isEqualTo("08:30");
    }

    @Test
    void eachProblemNamesItsField() {
        assertThat(fieldOf(() -> OpeningHours.validated("h", List.of(day(DayOfWeek.MONDAY, "8:30", "11:30"))))).isEqualTo("h[0].periods[0].opens");
        assertThat(fieldOf(() -> OpeningHours.validated("h", List.of(day(DayOfWeek.MONDAY, "08:30", "11:60"))))).isEqualTo("h[0].periods[0].closes");
        assertThat(fieldOf(() -> OpeningHours.validated("h", List.of(day(DayOfWeek.MONDAY, "12:00", "12:00"))))).isEqualTo("h[0].periods[0]");
        assertThat(fieldOf(() -> OpeningHours.validated("h", List.of(day(DayOfWeek.MONDAY, "08:00", "12:00", "11:00", "13:00"))))).isEqualTo("h[0].periods");
        assertThat(fieldOf(() -> OpeningHours.validated("h", List.of(day(DayOfWeek.MONDAY, "08:00", "09:00"), day(DayOfWeek.MONDAY, "10:00", "11:00"))))).isEqualTo("h[1].weekday");
        assertThat(fieldOf(() -> OpeningHours.validated("h", List.of(day(DayOfWeek.MONDAY))))).isEqualTo("h[0].periods");
    }

    @Test
    void nullHoursAreRefused() {
        assertThatThrownBy(() -> OpeningHours.validated("h", null)).isInstanceOf(ApiException.class);
    }
}
