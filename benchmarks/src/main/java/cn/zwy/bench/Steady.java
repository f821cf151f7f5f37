package cn.zwy.bench;

import java.util.List;

/**
 * When a warm-up has settled, the one rule the benchmarks share: the last figure of a series (a rate, a median) is
 * within a share of the one {@code apart} places before it. The JVMs under test compile their hot paths for minutes
 * under load, so each benchmark drives its load in blocks until this holds before it measures.
 */
final class Steady {

    private Steady() {}

    static boolean within(List<Double> series, int apart, double percent) {
        int n = series.size();
        if (n <= apart) return false;
        double before = series.get(n - 1 - apart);
        return Math.abs(series.get(n - 1) - before) <= before * percent / 100.0;
    }

    /**
     * The same rule for a series of blocks that take a variable time (a block of a fixed number of requests): the last
     * figure against the last one measured at least {@code seconds} before it ({@code ends}: each block's end, from
     * {@link System#nanoTime()}). Blocks a few seconds apart differ by only a few percent while the JIT is still
     * compiling (docs/benchmarks/gateway.md, 2026-12-04), so they are compared half a minute apart, as the gateway's
     * benchmark does.
     */
    static boolean withinSince(List<Double> series, List<Long> ends, int seconds, double percent) {
        int n = series.size();
        long cutoff = ends.get(n - 1) - seconds * 1_000_000_000L;
        for (int i = n - 2; i >= 0; i--) {
            if (ends.get(i) <= cutoff) return within(series, n - 1 - i, percent);
        }
        return false;
    }
}
