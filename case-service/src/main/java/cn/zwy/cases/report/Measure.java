package cn.zwy.cases.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The counters of the comparison read model (V48): one column each in comparison_unit_month and comparison_tenant_month. */
enum Measure {
    ACCEPTED, COMPLETED, COMPLETED_ON_TIME, OVERDUE, OVERDUE_APPLICANT, VISITS, REVIEWS, GOOD_REVIEWS, BAD_REVIEWS, UNRATED,
    COMPLAINTS, COMPLAINTS_ACCEPTED, COMPLAINTS_CLOSED, COMPLAINTS_VERIFIED, COMPLAINTS_SATISFIED;

    static final Measure[] ALL = values();

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "accepted, completed, …" in the enum's order. */
    static String columns() {
        return Arrays.stream(ALL).map(Measure::column).collect(Collectors.joining(", "));
    }

    /** "sum(accepted) as accepted, …" in the enum's order. */
    static String sums() {
        return Arrays.stream(ALL).map(m -> "coalesce(sum(" + m.column() + "), 0) as " + m.column()).collect(Collectors.joining(", "));
    }

    /** "accepted = t.accepted + excluded.accepted, …": an upsert adds to what the row holds. */
    static String additions(String table) {
        return Arrays.stream(ALL).map(m -> m.column() + " = " + table + "." + m.column() + " + excluded." + m.column())
                .collect(Collectors.joining(", "));
    }
}
