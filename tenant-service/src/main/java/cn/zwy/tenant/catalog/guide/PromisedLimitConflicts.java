package cn.zwy.tenant.catalog.guide;

import cn.zwy.tenant.api.catalog.GuideStatus;
import cn.zwy.tenant.api.catalog.Problem;
import cn.zwy.tenant.api.catalog.TimeLimit;
import cn.zwy.tenant.catalog.standard.LegalLimit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * S5 over time. A guide's promised limit must be shorter than the legal limit of every standard
 * version in force while the guide version is (issue 6: an urgent change cut the legal limit
 * from 10 to 3 working days and a county guide stayed scheduled at 5, silently). Both histories
 * are dated versions: a version is in force from its effective date until the next later date
 * (on the same date the higher number wins, the lower one is never in force). Pure: the callers
 * load the versions under the tenant's binding and decide what to do with a conflict (show it,
 * count it, or refuse a publication).
 */
public final class PromisedLimitConflicts {

    /** A guide version as far as S5 is concerned; {@code number} and {@code effectiveFrom} are null for the draft. */
    public record Promise(UUID versionId, Integer number, GuideStatus status, LocalDate effectiveFrom, TimeLimit promised) {}

    /**
     * A guide version that breaks S5 from {@code from} on: its promise, and the legal version
     * whose limit it does not undercut.
     */
    public record Conflict(Promise version, LocalDate from, LegalLimit legal, Problem problem) {}

    private record Window(LocalDate start, LocalDate end) {

        /** Both half-open [start, end), null end = open. */
        boolean overlaps(Window o) {
            return (end == null || o.start.isBefore(end)) && (o.end == null || start.isBefore(o.end));
        }
    }

    private PromisedLimitConflicts() {}

    /**
     * Every conflict of one guide from {@code today} on: the version in force today, the scheduled
     * ones and the draft (which can take effect no earlier than today and than the latest
     * announced version), against every legal limit in force at the same time.
     */
    public static List<Conflict> of(List<Promise> versions, List<LegalLimit> legal, LocalDate today) {
        List<Promise> announced = versions.stream().filter(v -> v.status() != GuideStatus.DRAFT).toList();
        List<Window> windows = windows(announced, Promise::effectiveFrom, Promise::number);
        List<Conflict> out = new ArrayList<>();
        LocalDate draftStart = today;
        for (int i = 0; i < announced.size(); i++) {
            Promise v = announced.get(i);
            if (v.effectiveFrom().isAfter(draftStart)) draftStart = v.effectiveFrom();
            Window w = windows.get(i);
            if (w == null || v.status() != GuideStatus.PUBLISHED) continue;  // never in force, or a withdrawal
            LocalDate start = w.start().isBefore(today) ? today : w.start();
            if (w.end() != null && !w.end().isAfter(start)) continue;         // over before today
            out.addAll(against(v, start, w.end(), legal));
        }
        for (Promise draft : versions) {
            if (draft.status() == GuideStatus.DRAFT) out.addAll(against(draft, draftStart, null, legal));
        }
        return out;
    }

    /** The conflicts of a promise in force from {@code start} until {@code end} (null: open) with the legal limits then. */
    public static List<Conflict> against(Promise p, LocalDate start, LocalDate end, List<LegalLimit> legal) {
        TimeLimit promised = p.promised();
        if (promised == null || promised.value() == null || promised.unit() == null) return List.of();
        Window mine = new Window(start, end);
        List<Window> theirs = windows(legal, LegalLimit::effectiveFrom, LegalLimit::number);
        List<Conflict> out = new ArrayList<>();
        for (int i = 0; i < legal.size(); i++) {
            LegalLimit l = legal.get(i);
            Window w = theirs.get(i);
            if (w == null || l.cancelled() || l.limit() == null || !w.overlaps(mine)) continue;
            Problem problem = GuideRules.s5(promised, l.limit());
            if (problem != null) out.add(new Conflict(p, w.start().isAfter(start) ? w.start() : start, l, problem));
        }
        return out;
    }

    /**
     * The window of each dated version, in the input's order: from its effective date until the
     * next later effective date (null: open); null when a version of the same date and a higher
     * number replaces it before it takes effect.
     */
    static <T> List<Window> windows(List<T> dated, Function<T, LocalDate> from, Function<T, Integer> number) {
        List<T> sorted = dated.stream().sorted(Comparator.comparing(from).thenComparing(number)).toList();
        List<Window> out = new ArrayList<>();
        for (T t : dated) {
            int i = sorted.indexOf(t);
            LocalDate start = from.apply(t);
            LocalDate end = null;
            boolean replaced = false;
            for (int j = i + 1; j < sorted.size(); j++) {
                LocalDate next = from.apply(sorted.get(j));
                if (next.equals(start)) { replaced = true; break; }
                end = next;
                break;
            }
            out.add(replaced ? null : new Window(start, end));
        }
        return out;
    }
}
