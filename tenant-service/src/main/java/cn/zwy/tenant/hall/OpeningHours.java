package cn.zwy.tenant.hall;

import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.tenant.api.hall.TimeRange;
import cn.zwy.tenant.api.hall.TimeRange;
import cn.zwy.tenant.api.hall.DayHours;
import cn.zwy.common.error.ApiException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opening hours of a hall by weekday, with breaks as gaps between periods (A4), e.g.
 * Monday–Friday 08:30–11:30 and 14:30–17:30. A weekday that is not listed is closed.
 */
public record OpeningHours(List<DayHours> days) {

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("HH:mm");
    static final int MAX_PERIODS_PER_DAY = 4;

    /** The usual hours of a county centre (A4): workdays 08:30–11:30 and 14:30–17:30. */
    public static OpeningHours standardWorkdays(String amOpen, String amClose, String pmOpen, String pmClose) {
        List<DayHours> days = new ArrayList<>();
        for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            days.add(new DayHours(d, List.of(new TimeRange(amOpen, amClose), new TimeRange(pmOpen, pmClose))));
        }
        return new OpeningHours(days);
    }

    /**
     * Checks the hours and returns them in canonical order, or throws a VALIDATION error that
     * names the offending entry ({@code field} is the input field holding the hours).
     */
    public static OpeningHours validated(String field, List<DayHours> days) {
        if (days == null) throw ApiException.validation(field, "营业时间不能为空");
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        List<DayHours> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DayHours d = days.get(i);
            String at = field + "[" + i + "]";
            if (d == null || d.weekday() == null) throw ApiException.validation(at + ".weekday", "缺少星期");
            if (!seen.add(d.weekday())) throw ApiException.validation(at + ".weekday", "星期重复: " + d.weekday());
            List<TimeRange> periods = validatedPeriods(at + ".periods", d.periods());
            out.add(new DayHours(d.weekday(), periods));
        }
        out.sort(Comparator.comparing(DayHours::weekday));
        return new OpeningHours(List.copyOf(out));
    }

    /**
     * Checks one day's periods (at least one, at most {@link #MAX_PERIODS_PER_DAY}, well-formed,
     * not overlapping) and returns them sorted; also used for a hall's special days.
     */
    public static List<TimeRange> validatedPeriods(String field, List<TimeRange> given) {
        if (given == null || given.isEmpty()) {
            throw ApiException.validation(field, "至少需要一个营业时段（不营业的日子请不要列出）");
        }
        if (given.size() > MAX_PERIODS_PER_DAY) {
            throw ApiException.validation(field, "每天最多 " + MAX_PERIODS_PER_DAY + " 个营业时段");
        }
        List<TimeRange> periods = new ArrayList<>(given);
        for (int j = 0; j < periods.size(); j++) {
            TimeRange p = periods.get(j);
            String pat = field + "[" + j + "]";
            LocalTime opens = time(pat + ".opens", p == null ? null : p.opens());
            LocalTime closes = time(pat + ".closes", p.closes());
            if (!opens.isBefore(closes)) {
                throw ApiException.validation(pat, "开始时间 " + p.opens() + " 必须早于结束时间 " + p.closes());
            }
        }
        periods.sort(Comparator.comparing(TimeRange::opens));
        for (int j = 1; j < periods.size(); j++) {
            if (periods.get(j).opens().compareTo(periods.get(j - 1).closes()) < 0) {
                throw ApiException.validation(field, "营业时段重叠: " + periods.get(j - 1).opens() + "-"
                        + periods.get(j - 1).closes() + " 与 " + periods.get(j).opens() + "-" + periods.get(j).closes());
            }
        }
        return List.copyOf(periods);
    }

    private static LocalTime time(String field, String value) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            throw ApiException.validation(field, "时间格式应为 HH:mm（24 小时制），收到: " + value);
        }
        try {
            return LocalTime.parse(value, FMT);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "时间格式应为 HH:mm（24 小时制），收到: " + value);
        }
    }
}
