package cn.zwy.cases.report;

import cn.zwy.common.error.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period the figures are compared over (M2): a month {@code 2026-11}, a quarter {@code 2026-Q4} or a year
 * {@code 2026}, in the halls' calendar; none in the future (the current one covers up to today).
 */
record Period(Grain grain, String label, LocalDate from, LocalDate to) {

    enum Grain {
        MONTH("month", 12), QUARTER("quarter", 8), YEAR("year", 5);

        /** PostgreSQL's date_trunc field. */
        final String trunc;
        /** How many periods a trend shows. */
        final int trend;

        Grain(String trunc, int trend) {
            this.trunc = trunc;
            this.trend = trend;
        }
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** The period named (null: the current month); VALIDATION on {@code field} otherwise. */
    static Period parse(String text, String field) {
        LocalDate today = LocalDate.now(WindowReports.HALLS);
        if (text == null || text.isBlank()) return month(YearMonth.from(today));
        Period p;
        Matcher m;
        if ((m = MONTH.matcher(text)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            p = month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } else if ((m = QUARTER.matcher(text)).matches()) {
            p = quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } else if ((m = YEAR.matcher(text)).matches()) {
            p = year(Integer.parseInt(m.group(1)));
        } else {
            throw ApiException.validation(field, "统计期应为月（2026-11）、季度（2026-Q4）或年（2026）");
        }
        if (p.from.isAfter(today)) throw ApiException.validation(field, "不能查看尚未开始的统计期");
        if (p.from.getYear() < 2000) throw ApiException.validation(field, "统计期过早");
        return p;
    }

    static Period month(YearMonth ym) {
        return new Period(Grain.MONTH, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }

    static Period quarter(int year, int q) {
        LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new Period(Grain.QUARTER, year + "-Q" + q, from, from.plusMonths(3).minusDays(1));
    }

    static Period year(int year) {
        return new Period(Grain.YEAR, String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The period of this grain that starts on {@code from}. */
    static Period starting(Grain grain, LocalDate from) {
        return switch (grain) {
            case MONTH -> month(YearMonth.from(from));
            case QUARTER -> quarter(from.getYear(), (from.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(from.getYear());
        };
    }

    /** The period {@code n} before this one (of the same grain). */
    Period minus(int n) {
        return switch (grain) {
            case MONTH -> starting(grain, from.minusMonths(n));
            case QUARTER -> starting(grain, from.minusMonths(3L * n));
            case YEAR -> starting(grain, from.minusYears(n));
        };
    }

    /** The last day covered: the period's end, or today within the current period. */
    LocalDate covered() {
        LocalDate today = LocalDate.now(WindowReports.HALLS);
        return to.isAfter(today) ? today : to;
    }
}
