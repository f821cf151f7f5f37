package cn.zwy.tenant.calendar;

import cn.zwy.common.error.ApiException;
import cn.zwy.tenant.text.PlainText;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of the official calendar in the holiday-cn format (schema.json of
 * NateScarlet/holiday-cn): the files shipped in {@code holiday-cn/} and what an administrator
 * loads for a new year are the same format, so both go through {@link #validated}.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // "$schema", "$id"
public record HolidayCnFile(Integer year, List<String> papers, List<Day> days) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(String name, String date, @JsonProperty("isOffDay") Boolean isOffDay) {}

    /** A checked day: {@code offDay} false marks a make-up workday (调休). */
    public record CheckedDay(LocalDate date, String name, boolean offDay) {}

    public record Checked(int year, List<String> papers, List<CheckedDay> days) {}

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    /**
     * Checks the file for {@code expectedYear}, naming the offending field (e.g.
     * {@code days[3].date}) in a VALIDATION error. An empty {@code days} list is allowed here
     * (the shipped 2027 file); whoever loads decides what an empty year means.
     */
    public Checked validated(int expectedYear) {
        if (expectedYear < MIN_YEAR || expectedYear > MAX_YEAR) {
            throw ApiException.validation("year", "年份应在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间，收到: " + expectedYear);
        }
        if (year == null) throw ApiException.validation("year", "缺少年份 year");
        if (year != expectedYear) {
            throw ApiException.validation("year", "文件中的年份 " + year + " 与要加载的年份 " + expectedYear + " 不一致");
        }
        if (papers == null) throw ApiException.validation("papers", "缺少 papers（国务院通知网址列表，可为空列表）");
        for (int i = 0; i < papers.size(); i++) {
            String p = papers.get(i);
            if (p == null || p.isBlank() || p.length() > 500) {
                throw ApiException.validation("papers[" + i + "]", "通知网址不能为空，且不超过 500 个字符");
            }
        }
        if (days == null) throw ApiException.validation("days", "缺少 days（节假日与调休上班日列表）");
        List<CheckedDay> out = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            String at = "days[" + i + "]";
            if (d == null) throw ApiException.validation(at, "第 " + (i + 1) + " 项为空");
            PlainText.require(at + ".name", d.name(), 50, "节日名称 name");
            if (d.date() == null) throw ApiException.validation(at + ".date", "缺少日期 date");
            LocalDate date;
            try {
                date = LocalDate.parse(d.date());
            } catch (DateTimeParseException e) {
                throw ApiException.validation(at + ".date", "日期格式应为 yyyy-MM-dd，收到: " + d.date());
            }
            if (date.getYear() != expectedYear) {
                throw ApiException.validation(at + ".date", "日期 " + d.date() + " 不在 " + expectedYear + " 年内");
            }
            if (!seen.add(date)) throw ApiException.validation(at + ".date", "日期重复: " + d.date());
            if (d.isOffDay() == null) {
                throw ApiException.validation(at + ".isOffDay", "缺少 isOffDay（true 为休息日，false 为调休上班日）");
            }
            out.add(new CheckedDay(date, d.name().trim(), d.isOffDay()));
        }
        return new Checked(expectedYear, papers.stream().map(String::trim).toList(), List.copyOf(out));
    }
}
