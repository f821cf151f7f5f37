package cn.zwy.tenant.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.api.calendar.CalendarAnswer;
import cn.zwy.tenant.calendar.WorkingDays;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** S6 against a stand-in calendar: weekends off, plus one listed holiday. */
class NoticePeriodTest {

    /** Wednesday 2026-09-30 in Beijing; 2026-10-01..07 National Day in this stand-in. */
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 30);
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));

    private static final WorkingDays CALENDAR = new WorkingDays() {
        boolean working(LocalDate d) {
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d);
        }

        @Override
        public CalendarAnswer<Boolean> isWorkingDay(String tenantCode, LocalDate date) {
            return new CalendarAnswer<>(working(date), List.of());
        }

        @Override
        public CalendarAnswer<LocalDate> addWorkingDays(String tenantCode, LocalDate from, int days) {
            LocalDate d = from;
            for (int n = 0; n < days; ) {
                d = d.plusDays(1);
                if (working(d)) n++;
            }
            return new CalendarAnswer<>(d, tenantCode.equals("999999") ? List.of("2026 年日历未加载") : List.of());
        }

        @Override
        public CalendarAnswer<Integer> workingDaysBetween(String tenantCode, LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }
    };

    private static final NoticePeriod NOTICE = new NoticePeriod(CALENDAR,
            Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")), null, null);

    @Test
    void changeTakesEffectFiveWorkingDaysAfterAnnouncement_S6() {
        // Wed 30 Sep; 1,2 Oct and 5–7 Oct off, weekends off: 8, 9, 12, 13, 14 Oct are the five working days
        NoticePeriod.Decision d = NOTICE.decide("441825", null, false, null);
        assertThat(d.earliest()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(d.effectiveFrom()).isEqualTo(d.earliest());
        ApiException early = (ApiException) org.assertj.core.api.Assertions.catchThrowable(
                () -> NOTICE.decide("441825", LocalDate.of(2026, 10, 13), false, null));
        assertThat(early.rule()).isEqualTo("S6");
        assertThat(early.field()).isEqualTo("effectiveFrom");
        assertThat(early.getMessage()).contains("2026-10-14");
        assertThat(NOTICE.decide("441825", LocalDate.of(2026, 11, 2), false, null).effectiveFrom()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void urgentChangeMayTakeEffectTodayButNotInThePast_S6() {
        assertThat(NOTICE.decide("441825", null, true, null).effectiveFrom()).isEqualTo(TODAY);
        assertThatThrownBy(() -> NOTICE.decide("441825", TODAY.minusDays(1), true, null))
                .isInstanceOf(ApiException.class).hasMessageContaining("不能早于今天");
    }

    @Test
    void aVersionNeverTakesEffectBeforeTheOneItFollows() {
        LocalDate previous = LocalDate.of(2026, 10, 20);
        assertThat(NOTICE.decide("441825", null, false, previous).effectiveFrom()).isEqualTo(previous);
        assertThatThrownBy(() -> NOTICE.decide("441825", LocalDate.of(2026, 10, 19), false, previous))
                .isInstanceOf(ApiException.class).hasMessageContaining("上一版本");
    }

    @Test
    void calendarWarningsArePassedOn_C4() {
        assertThat(NOTICE.decide("999999", null, false, null).warnings()).containsExactly("2026 年日历未加载");
    }
}
