package cn.zwy.cases.report;

import java.time.LocalDate;

/**
 * What one event (or, in the benchmark's bulk load, one synthetic case) adds to the comparison read model: counts per
 * {@link Measure} on a day, at a tenant's hall, window and staff member. Keys are never null ({@link #NONE} where the
 * event names nothing); names may be (the row keeps the last one it was given).
 */
record Contribution(String tenant, LocalDate day, String hallKey, String hallName, String windowKey, String windowName,
                    String staffKey, String staffName, int[] counts) {

    static final String NONE = "-";

    static Contribution of(String tenant, LocalDate day, Unit unit, Measure... measures) {
        int[] counts = new int[Measure.ALL.length];
        for (Measure m : measures) counts[m.ordinal()]++;
        return new Contribution(tenant, day, unit.hallKey(), unit.hallName(), unit.windowKey(), unit.windowName(), unit.staffKey(),
                unit.staffName(), counts);
    }

    /** Where a service was done: the hall, the window and the staff member (keys {@link #NONE} when unknown). */
    record Unit(String hallKey, String hallName, String windowKey, String windowName, String staffKey, String staffName) {

        Unit {
            hallKey = hallKey == null || hallKey.isBlank() ? NONE : hallKey;
            windowKey = windowKey == null || windowKey.isBlank() ? NONE : clip(windowKey, 100);
            staffKey = staffKey == null || staffKey.isBlank() ? NONE : clip(staffKey, 64);
            windowName = windowName == null ? null : clip(windowName, 100);
            staffName = staffName == null ? null : clip(staffName, 100);
            hallName = hallName == null ? null : clip(hallName, 200);
        }

        private static String clip(String s, int n) {
            return s.length() <= n ? s : s.substring(0, n);
        }
    }
}
