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
}
