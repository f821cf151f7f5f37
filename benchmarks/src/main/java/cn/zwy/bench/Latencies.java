package cn.zwy.bench;

import java.util.Arrays;

/** Recorded latencies in microseconds, with the percentiles the report prints. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = micros;
    }

    synchronized int count() { return size; }

    synchronized long micros(int i) { return values[i]; }

    synchronized double percentileMillis(double p) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, idx))] / 1000.0;
    }

    synchronized double meanMillis() {
        long sum = 0;
        for (int i = 0; i < size; i++) sum += values[i];
        return size == 0 ? Double.NaN : sum / 1000.0 / size;
    }

    String summary() {
        return String.format("n=%d p50=%.2f ms p99=%.2f ms mean=%.2f ms", count(), percentileMillis(50), percentileMillis(99), meanMillis());
    }
}
