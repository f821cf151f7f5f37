package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideStatus;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zwy.tenant.api.catalog.LimitUnit;
import cn.zwy.tenant.api.catalog.TimeLimit;
import cn.zwy.tenant.catalog.guide.PromisedLimitConflicts.Conflict;
import cn.zwy.tenant.catalog.guide.PromisedLimitConflicts.Promise;
import cn.zwy.tenant.catalog.standard.LegalLimit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** S5 over time: which guide versions a change of the legal limit breaks (issue 6). */
class PromisedLimitConflictsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static TimeLimit days(int n) { return new TimeLimit(n, LimitUnit.WORKING_DAY); }

    static LegalLimit legal(int number, LocalDate from, TimeLimit limit) {
        return new LegalLimit(UUID.randomUUID(), number, from, limit, false);
    }

    static Promise published(int number, LocalDate from, int promised) {
        return new Promise(UUID.randomUUID(), number, GuideStatus.PUBLISHED, from, days(promised));
    }

    static Promise draft(int promised) {
        return new Promise(UUID.randomUUID(), null, GuideStatus.DRAFT, null, days(promised));
    }

    @Test
    void legalLimitCutFlagsAdoptedGuides_S5() {
        // legal 10 since 2024, cut to 3 from today (urgent); the guide: 5 in force, 5 scheduled, a draft at 5
        List<LegalLimit> legal = List.of(legal(1, LocalDate.of(2024, 1, 1), days(10)), legal(2, TODAY, days(3)));
        Promise current = published(1, LocalDate.of(2025, 1, 1), 5);
        Promise scheduled = published(2, TODAY.plusDays(7), 5);
        Promise draft = draft(5);
        List<Conflict> found = PromisedLimitConflicts.of(List.of(current, scheduled, draft), legal, TODAY);
        assertThat(found).extracting(Conflict::version).containsExactlyInAnyOrder(current, scheduled, draft);
        assertThat(found).allSatisfy(c -> {
            assertThat(c.legal().number()).isEqualTo(2);
            assertThat(c.problem().rule()).isEqualTo("S5");
        });
        assertThat(found.stream().filter(c -> c.version() == scheduled).findFirst().orElseThrow().from()).isEqualTo(TODAY.plusDays(7));
        assertThat(found.stream().filter(c -> c.version() == current).findFirst().orElseThrow().from()).isEqualTo(TODAY);
        // under the old limit alone nothing breaks S5
        assertThat(PromisedLimitConflicts.of(List.of(current, scheduled, draft), legal.subList(0, 1), TODAY)).isEmpty();
    }

    @Test
    void aCutAnnouncedForLaterBreaksOnlyWhatIsInForceThen_S5() {
        LocalDate cut = TODAY.plusDays(30);
        List<LegalLimit> legal = List.of(legal(1, LocalDate.of(2024, 1, 1), days(10)), legal(2, cut, days(3)));
        // replaced by a 2-day version before the cut: no conflict
        Promise before = published(1, LocalDate.of(2025, 1, 1), 5);
        Promise fixed = published(2, TODAY.plusDays(10), 2);
        assertThat(PromisedLimitConflicts.of(List.of(before, fixed), legal, TODAY)).isEmpty();
        // still in force on the day of the cut: a conflict from the cut on
        Promise late = published(2, cut.plusDays(5), 2);
        List<Conflict> found = PromisedLimitConflicts.of(List.of(before, late), legal, TODAY);
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.version()).isSameAs(before);
            assertThat(c.from()).isEqualTo(cut);
        });
        // a draft publishable now (in force for good) meets the cut
        assertThat(PromisedLimitConflicts.against(draft(5), TODAY.plusDays(7), null, legal)).hasSize(1);
    }

    @Test
    void replacedSameDayWithdrawnAndPastVersionsDoNotCount_S5() {
        List<LegalLimit> legal = List.of(legal(1, LocalDate.of(2024, 1, 1), days(3)));
        LocalDate d = TODAY.plusDays(7);
        // the same effective date: the higher number replaces the lower before it takes effect
        Promise replaced = published(1, d, 5);
        Promise replacing = published(2, d, 2);
        assertThat(PromisedLimitConflicts.of(List.of(replaced, replacing), legal, TODAY)).isEmpty();
        // a withdrawal promises nothing; a version over before today is history
        Promise old = published(1, LocalDate.of(2024, 6, 1), 5);
        Promise withdrawn = new Promise(UUID.randomUUID(), 2, GuideStatus.WITHDRAWN, TODAY.minusDays(1), days(5));
        assertThat(PromisedLimitConflicts.of(List.of(old, withdrawn), legal, TODAY)).isEmpty();
        // a cancelled standard version or one without a legal limit sets no bound; a unit mismatch is a conflict
        List<LegalLimit> none = List.of(new LegalLimit(UUID.randomUUID(), 1, LocalDate.of(2024, 1, 1), null, false),
                new LegalLimit(UUID.randomUUID(), 2, TODAY, days(3), true));
        assertThat(PromisedLimitConflicts.of(List.of(draft(5)), none, TODAY)).isEmpty();
        List<LegalLimit> natural = List.of(legal(1, LocalDate.of(2024, 1, 1), new TimeLimit(30, LimitUnit.NATURAL_DAY)));
        assertThat(PromisedLimitConflicts.of(List.of(draft(5)), natural, TODAY)).singleElement()
                .satisfies(c -> assertThat(c.problem().field()).isEqualTo("guide.promisedLimit.unit"));
    }
}
