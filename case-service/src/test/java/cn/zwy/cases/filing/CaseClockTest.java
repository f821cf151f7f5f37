package cn.zwy.cases.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zwy.cases.filing.CaseClock.Facts;
import cn.zwy.cases.filing.CaseClock.Pause;
import cn.zwy.cases.filing.CaseClock.Unit;
import cn.zwy.cases.filing.CaseClock.Warning;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The clock (C4) around National Day and Spring Festival 2026, with the official 2026 calendar as
 * holiday-cn lists it (Spring Festival off 02-15..23, make-up Saturdays 02-14 and 02-28; Mid-Autumn
 * off 09-25..27; National Day off 10-01..07, make-up Sunday 09-20 and Saturday 10-10).
 */
class CaseClockTest {

    static final class Calendar2026 implements WorkingCalendar {
        final Map<LocalDate, Boolean> listed = new HashMap<>();
        final Map<LocalDate, Boolean> tenant = new HashMap<>();

        Calendar2026() {
            off("2026-02-15", "2026-02-23");
            off("2026-09-25", "2026-09-27");
            off("2026-10-01", "2026-10-07");
            for (String d : List.of("2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10")) listed.put(LocalDate.parse(d), false);
        }

        private void off(String from, String to) {
            for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) listed.put(d, true);
        }

        @Override
        public boolean working(LocalDate d) {
            Boolean own = tenant.get(d);
            if (own != null) return own;
            Boolean off = listed.get(d);
            if (off != null) return !off;
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public boolean loaded(int year) { return Set.of(2026).contains(year); }
    }

    private final Calendar2026 cal = new Calendar2026();

    private static LocalDate d(String s) { return LocalDate.parse(s); }

    private static Facts working(String start, int days, Pause... pauses) {
        return new Facts(d(start), days, Unit.WORKING_DAY, List.of(pauses), 0);
    }

    @Test
    void deadlineCountsFromAcceptanceDay_C4() {
        // accepted on the working day before National Day: 09-30 is day 1, 10-08 day 2, 10-09 day 3
        assertThat(CaseClock.deadline(working("2026-09-30", 3), cal, d("2026-09-30"))).isEqualTo(d("2026-10-09"));
        // an ordinary week: accepted Monday, 3 working days → Wednesday
        assertThat(CaseClock.deadline(working("2026-11-02", 3), cal, d("2026-11-02"))).isEqualTo(d("2026-11-04"));
    }

    @Test
    void acceptedOnHolidayCountsFromNextWorkingDayAndMakeUpSaturdayCounts_C4() {
        assertThat(CaseClock.deadline(working("2026-10-03", 3), cal, d("2026-10-03"))).isEqualTo(d("2026-10-10"));
    }

    @Test
    void springFestivalDaysDoNotCountButMakeUpSaturdaysDo_C4() {
        // Friday 02-13 is day 1, make-up Saturday 02-14 day 2, then 02-15..23 off: 02-24 is day 3
        assertThat(CaseClock.deadline(working("2026-02-13", 3), cal, d("2026-02-13"))).isEqualTo(d("2026-02-24"));
        // 5 days from 02-24: 24, 25, 26, 27, make-up Saturday 28
        assertThat(CaseClock.deadline(working("2026-02-24", 5), cal, d("2026-02-24"))).isEqualTo(d("2026-02-28"));
    }

    @Test
    void midAutumnAndNationalDayTogether_C4() {
        // 09-24 (Thu) day 1; 09-25..27 off; 09-28 2, 09-29 3, 09-30 4, 10-08 5
        assertThat(CaseClock.deadline(working("2026-09-24", 5), cal, d("2026-09-24"))).isEqualTo(d("2026-10-08"));
    }

    @Test
    void tenantClosureMovesTheDeadline_C4() {
        cal.tenant.put(d("2026-11-03"), false);
        assertThat(CaseClock.deadline(working("2026-11-02", 3), cal, d("2026-11-02"))).isEqualTo(d("2026-11-05"));
    }

    @Test
    void instantItemIsDueOnItsFirstWorkingDay_C3() {
        assertThat(CaseClock.deadline(working("2026-10-05", 0), cal, d("2026-10-05"))).isEqualTo(d("2026-10-08"));
        assertThat(CaseClock.deadline(working("2026-11-02", 0), cal, d("2026-11-02"))).isEqualTo(d("2026-11-02"));
    }

    @Test
    void naturalDaysCountEveryDayFromTheStart_C4() {
        Facts f = new Facts(d("2026-09-30"), 20, Unit.NATURAL_DAY, List.of(), 0);
        assertThat(CaseClock.deadline(f, cal, d("2026-09-30"))).isEqualTo(d("2026-10-19"));
    }

    @Test
    void daysUsedAndLeftAreDerivedFromToday_C4() {
        Facts f = working("2026-09-30", 3);
        CaseClock.Reading first = CaseClock.read(f, cal, d("2026-09-30"), 80);
        assertThat(first.used()).isEqualTo(1);
        assertThat(first.left()).isEqualTo(2);
        assertThat(first.warning()).isEqualTo(Warning.NONE);
        // the holiday does not use a day
        CaseClock.Reading holiday = CaseClock.read(f, cal, d("2026-10-05"), 80);
        assertThat(holiday.used()).isEqualTo(1);
        assertThat(holiday.left()).isEqualTo(2);
        CaseClock.Reading last = CaseClock.read(f, cal, d("2026-10-09"), 80);
        assertThat(last.used()).isEqualTo(3);
        assertThat(last.left()).isZero();
        assertThat(last.warning()).isEqualTo(Warning.NEAR_DEADLINE);
        CaseClock.Reading late = CaseClock.read(f, cal, d("2026-10-12"), 80);
        assertThat(late.warning()).isEqualTo(Warning.OVERDUE);
        assertThat(late.left()).isEqualTo(-2); // 10-10 (make-up Saturday) and 10-12
    }

    @Test
    void nearDeadlineAtTheConfiguredShare_C8() {
        Facts f = working("2026-11-02", 10);
        assertThat(CaseClock.read(f, cal, d("2026-11-12"), 80).used()).isEqualTo(9);
        assertThat(CaseClock.read(f, cal, d("2026-11-11"), 80).used()).isEqualTo(8);
        assertThat(CaseClock.read(f, cal, d("2026-11-11"), 80).warning()).isEqualTo(Warning.NEAR_DEADLINE);
        assertThat(CaseClock.read(f, cal, d("2026-11-10"), 80).warning()).isEqualTo(Warning.NONE);
        assertThat(CaseClock.read(f, cal, d("2026-11-10"), 50).warning()).isEqualTo(Warning.NEAR_DEADLINE);
    }

    @Test
    void applicantDelayPausesTheClockAndIsNotCountedAsUsed_C7() {
        // accepted Mon 11-02 (3 days); the applicant is waited for Tue 11-03 to Thu 11-05 (exclusive)
        Facts f = working("2026-11-02", 3, new Pause(d("2026-11-03"), d("2026-11-05")));
        assertThat(CaseClock.deadline(f, cal, d("2026-11-02"))).isEqualTo(d("2026-11-06"));
        CaseClock.Reading r = CaseClock.read(f, cal, d("2026-11-05"), 80);
        assertThat(r.used()).isEqualTo(2);
        assertThat(r.paused()).isEqualTo(2);
        assertThat(r.left()).isEqualTo(1);
    }

    @Test
    void anOpenPauseLastsThroughToday_C4() {
        Facts f = working("2026-11-02", 3, new Pause(d("2026-11-03"), null));
        assertThat(CaseClock.deadline(f, cal, d("2026-11-04"))).isEqualTo(d("2026-11-06"));
        assertThat(CaseClock.read(f, cal, d("2026-11-04"), 80).paused()).isEqualTo(2);
    }

    @Test
    void approvedExtensionAddsWorkingDays_C6() {
        Facts f = new Facts(d("2026-09-30"), 3, Unit.WORKING_DAY, List.of(), 2);
        assertThat(CaseClock.deadline(f, cal, d("2026-09-30"))).isEqualTo(d("2026-10-12"));
    }

    @Test
    void aYearWithoutItsNationalCalendarIsAWarningNotAGuess_C4() {
        CaseClock.Reading r = CaseClock.read(working("2026-12-28", 10), cal, d("2026-12-28"), 80);
        assertThat(r.warnings()).singleElement().asString().contains("2027");
        assertThat(CaseClock.read(working("2026-11-02", 3), cal, d("2026-11-02"), 80).warnings()).isEmpty();
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefused() {
        WorkingCalendar closed = new WorkingCalendar() {
            public boolean working(LocalDate date) { return false; }
            public boolean loaded(int year) { return true; }
        };
        assertThatThrownBy(() -> CaseClock.deadline(working("2026-11-02", 3), closed, d("2026-11-02")))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * C12: a case checked at another region's hall on Tuesday 2026-09-29 with a 3-working-day limit, its
     * paper posted the same day and arriving at the owner on 10-09 (after National Day). Without the
     * transit it would be due 10-08 (09-29, 09-30, 10-08); the three working days in the post (09-29,
     * 09-30, 10-08) do not count, so it is due on Monday 10-12 (10-09, the make-up Saturday 10-10, 10-12).
     */
    @Test
    void transitTimeIsExcludedFromTheClock_C12() {
        assertThat(CaseClock.deadline(working("2026-09-29", 3), cal, d("2026-09-29"))).isEqualTo(d("2026-10-08"));
        Facts inTransit = working("2026-09-29", 3, new Pause(d("2026-09-29"), d("2026-10-09")));
        assertThat(CaseClock.deadline(inTransit, cal, d("2026-10-09"))).isEqualTo(d("2026-10-12"));
        CaseClock.Reading onArrival = CaseClock.read(inTransit, cal, d("2026-10-09"), 80);
        assertThat(onArrival.used()).isEqualTo(1);
        assertThat(onArrival.paused()).isEqualTo(3);
        assertThat(onArrival.left()).isEqualTo(2);
        // still in the post (open pause) on 10-08: nothing used yet
        CaseClock.Reading stillPosted = CaseClock.read(working("2026-09-29", 3, new Pause(d("2026-09-29"), null)), cal, d("2026-10-08"), 80);
        assertThat(stillPosted.used()).isZero();
        assertThat(stillPosted.left()).isEqualTo(3);
    }

    /** C12/C13 due dates: "within 1 working day" of a receipt is the next working day; 7 agency days count the start day. */
    @Test
    void forwardingAndAgencyDueDatesOnTheCalendar_C12_C13() {
        // received on Wednesday 09-30: posting due on the first working day after, 10-08
        assertThat(CrossRegionCases.oneWorkingDayAfter(d("2026-09-30"), cal)).isEqualTo(d("2026-10-08"));
        // received on Friday 10-09: due on the make-up Saturday 10-10
        assertThat(CrossRegionCases.oneWorkingDayAfter(d("2026-10-09"), cal)).isEqualTo(d("2026-10-10"));
        // an agency from Monday 09-28: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10, 10-12
        assertThat(CaseClock.deadline(working("2026-09-28", 7), cal, d("2026-09-28"))).isEqualTo(d("2026-10-12"));
    }

    @Test
    void aStationsReportIsDueOnTheSecondWorkingDayAfterReceipt_T3() {
        // received on Wednesday 09-30: 10-08 and 10-09 are the two working days after it
        assertThat(CrossRegionCases.workingDaysAfter(d("2026-09-30"), VillageAgency.FORWARD_WORKING_DAYS, cal)).isEqualTo(d("2026-10-09"));
        // received on Friday 10-09: the make-up Saturday 10-10, then Monday 10-12
        assertThat(CrossRegionCases.workingDaysAfter(d("2026-10-09"), VillageAgency.FORWARD_WORKING_DAYS, cal)).isEqualTo(d("2026-10-12"));
        // received on the holiday 10-03: 10-08, 10-09
        assertThat(CrossRegionCases.workingDaysAfter(d("2026-10-03"), VillageAgency.FORWARD_WORKING_DAYS, cal)).isEqualTo(d("2026-10-09"));
    }
}
